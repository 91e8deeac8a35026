// "Every resource of this kind has a logging companion that refers to it" — the shape of the stack policies whose log
// is a separate resource (a Route 53 QueryLog for a hosted zone, a WebAclLoggingConfiguration for a WAF web ACL, a
// Network Firewall LoggingConfiguration, a Redshift Logging, an S3 BucketLogging). One verdict per target: its
// companions judged by `judge` (pass by default); none, while a companion's reference is unknown during preview →
// unknown (it may be this target's); none at all → fail with `missing`.

import type { Finding, StackResource } from "./policy";
import type { Companions } from "./stack";
import { pass, unknown, fail, type Verdict } from "./verdict";

export interface LogCompanions<T extends string, C extends string> {
    readonly targets: readonly StackResource<T>[];
    readonly companions: Companions<T, C>;
    /** The companion's property that refers to the target, for the unknown message (e.g. "zoneId"). */
    readonly property: string;
    /** The violation when a target has no companion: which property, what it is, what it must be. */
    readonly missing: string;
    /** Judges a target's companions (at least one); pass when omitted. */
    readonly judge?: (companions: readonly StackResource<C>[], target: StackResource<T>) => Verdict;
}

export function* requireLogCompanions<T extends string, C extends string>(spec: LogCompanions<T, C>): Iterable<Finding> {
    const undetermined = spec.companions.unresolved.map((c) => c.name);
    for (const target of spec.targets) {
        const own = spec.companions.of(target);
        let verdict: Verdict;
        if (own.length) verdict = spec.judge ? spec.judge(own, target) : pass;
        else if (undetermined.length) verdict = unknown(`the resource that ${undetermined.join(", ")} refers to (\`${spec.property}\`)`);
        else verdict = fail(spec.missing);
        // A judged companion that fails may still be outdone by an unresolved one that is this target's.
        if (verdict.kind === "fail" && own.length && undetermined.length) verdict = unknown(`the resource that ${undetermined.join(", ")} refers to (\`${spec.property}\`)`);
        yield { urn: target.urn, verdict };
    }
}
