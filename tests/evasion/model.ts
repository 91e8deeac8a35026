// The evasion corpus as data: each case is one small stack — written the way a program, an old state or a hand-edited
// export can spell a configuration — and the verdict srguard must give on it. Cases are turned into the documents the
// gate reads (`pulumi stack export` deployment v3, and for some also `pulumi preview --json`) by build.ts, and
// evaluated by evasion.test.ts through one started pack.

import type { Cloud, Control } from "../../policies/core/policy";
import type { Json, JsonObject } from "../../gate/wire";

export type { Json, JsonObject };

export interface ResourceSpec {
    readonly type: string;
    /** The URN name; expectations name resources by it. Unique within a case. */
    readonly name: string;
    /** The inputs after the provider's Check (what Analyze receives). */
    readonly inputs: JsonObject;
    /** What the provider computed on top of the inputs (AnalyzeStack receives inputs + these, as outputs). */
    readonly outputs?: JsonObject;
    /** The resource's id in the state (default: derived from the name). */
    readonly id?: string;
    /** An explicit provider, by the name of one of the case's `providers`. Default: the cloud's default provider. */
    readonly provider?: string;
    /** Top-level property → names of the case's resources it was built from (the engine's property dependencies). */
    readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
    /** The parent resource, by name (default: the root stack). */
    readonly parent?: string;
}

export interface ProviderSpec {
    /** The provider resource's name (`pulumi:providers:<pkg>::<name>`). */
    readonly name: string;
    readonly cloud: Cloud;
    readonly inputs: JsonObject;
}

export interface StackSpec {
    /**
     * The default provider's region/location: what `pulumi config set aws:region` / `azure-native:location` puts on
     * the default provider the engine registers. Default: ap-northeast-1 / japaneast. `null`: not set.
     */
    readonly defaultRegion?: string | null;
    readonly providers?: readonly ProviderSpec[];
    readonly resources: readonly ResourceSpec[];
}

/** A diagnostic the case must produce: `policy` reports on the resource named `resource`. */
export interface Expected {
    readonly policy: string;
    readonly resource: string;
    /** Default: the policy's own default enforcement level. */
    readonly level?: "mandatory" | "advisory";
}

export interface EvasionCase {
    /** Unique, kebab case: `<cloud>-<control>-<what>`; it is also the case's project name. */
    readonly id: string;
    readonly cloud: Cloud;
    readonly control: Control;
    /** `evasion`: a forbidden configuration written another way; `legitimate`: looks alarming but is fine. */
    readonly kind: "evasion" | "legitimate";
    /** What the case writes differently, for people (the docs list it). */
    readonly title: string;
    readonly stack: StackSpec;
    /**
     * Evasion cases: the diagnostics that must be reported. For every policy named here, these are exactly the
     * resources it reports on (no more, no fewer), each at its level.
     */
    readonly violations?: readonly Expected[];
    /**
     * Policies that must report nothing on this stack: a list of policy names, or `"control"` for every policy of
     * the case's control. Legitimate cases need one of the two.
     */
    readonly silent?: readonly string[] | "control";
    /** The bug this case found and how it was fixed (the docs list it). */
    readonly found?: string;
    /** A documented, deliberate decision this case pins (why the verdict is what it is). */
    readonly decision?: string;
    /** Also evaluate the case as a `pulumi preview --json` document (the verdict must be the same). */
    readonly preview?: boolean;
}

/** A secret as `pulumi stack export` writes it (without --show-secrets): encrypted, so unknown to the gate. */
export function encryptedSecret(): JsonObject {
    return { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: "v1:ZXZhc2lvbg==:c2VjcmV0" };
}

/** A JSON policy document, as the AWS SDK sends `policy` / `assumeRolePolicy` (a string). */
export function policyJson(doc: JsonObject): string {
    return JSON.stringify(doc);
}

/** `o` without `keys`: a property left out (not set to null, as a program that never mentions it). */
export function omit(o: JsonObject, ...keys: readonly string[]): JsonObject {
    return Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
}
