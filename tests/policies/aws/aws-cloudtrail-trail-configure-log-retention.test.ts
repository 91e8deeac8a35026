import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-cloudtrail-trail-configure-log-retention";
import { runStackPolicy, secret, type StackResourceInput, UNKNOWN } from "../../harness";

const TRAIL = "aws:cloudtrail/trail:Trail";
const BUCKET = "aws:s3/bucket:Bucket";
const BUCKET_V2 = "aws:s3/bucketV2:BucketV2";
const LIFECYCLE = "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration";
const LIFECYCLE_V2 = "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2";

interface LifecycleRule {
    readonly id: string;
    readonly status: unknown;
    readonly prefix?: unknown;
    readonly filter?: unknown;
    readonly expiration?: unknown;
    readonly noncurrentVersionExpiration?: unknown;
    readonly transitions?: unknown;
}

const keepAYear: LifecycleRule = { id: "expire", status: "Enabled", filter: {}, expiration: { days: 400 } };
const month: LifecycleRule = { ...keepAYear, expiration: { days: 30 } };

const trail = (props: Record<string, unknown> = {}, deps: Record<string, readonly string[]> = { s3BucketName: ["audit"] }, name = "trail"): StackResourceInput => ({
    type: TRAIL,
    name,
    props: { s3BucketName: "acme-audit-logs", isMultiRegionTrail: true, enableLogFileValidation: true, ...props },
    propertyDependencies: deps,
});
const bucket = (props: Record<string, unknown> = {}, name = "audit", type = BUCKET): StackResourceInput => ({
    type,
    name,
    props: { bucket: "acme-audit-logs", ...props },
});
const lifecycle = (
    rules: unknown,
    props: Record<string, unknown> = {},
    deps: Record<string, readonly string[]> = { bucket: ["audit"] },
    name = "audit-lifecycle",
    type = LIFECYCLE,
): StackResourceInput => ({ type, name, props: { bucket: "acme-audit-logs", rules, ...props }, propertyDependencies: deps });

/** A trail, its bucket, and a lifecycle configuration on that bucket holding `rules`. */
const stackWith = (...rules: readonly LifecycleRule[]) => [trail(), bucket(), lifecycle(rules)];

describe("aws-cloudtrail-trail-configure-log-retention", () => {
    describe("passes", () => {
        it.each<[string, readonly LifecycleRule[]]>([
            ["expire after more than a year", [keepAYear]],
            ["expire after exactly 365 days", [{ ...keepAYear, expiration: { days: 365 } }]],
            ["only transition to Glacier", [{ ...keepAYear, expiration: undefined, transitions: [{ days: 30, storageClass: "GLACIER" }] }]],
            ["are disabled", [{ ...month, status: "Disabled" }]],
            ["cover another prefix", [{ ...month, filter: { prefix: "tmp/" } }]],
            ["cover another service's logs under AWSLogs/", [{ ...month, filter: { prefix: "AWSLogs/111122223333/elasticloadbalancing/" } }]],
            ["cover another account-level folder", [{ ...month, filter: { prefix: "AWSLogs/111122223333/Config" } }]],
            ["select tagged objects (CloudTrail does not tag its logs)", [{ ...month, filter: { tag: { key: "class", value: "scratch" } } }]],
            ["select by prefix and tags", [{ ...month, filter: { and: { prefix: "AWSLogs/", tags: { class: "scratch" } } } }]],
            ["keep noncurrent versions a year", [{ ...keepAYear, noncurrentVersionExpiration: { noncurrentDays: 365 } }]],
            ["keep logs a year, written as a numeric string", [{ ...keepAYear, expiration: { days: "400" } }]],
        ])("when the trail bucket's lifecycle rules %s", async (_, rules) => {
            expect((await runStackPolicy(policy, stackWith(...rules))).verdict).toBe("pass");
        });

        it("when a short rule sits on another bucket", async () => {
            const other = bucket({ bucket: "acme-scratch" }, "scratch");
            const r = await runStackPolicy(policy, [trail(), bucket(), other, lifecycle([month], { bucket: "acme-scratch" }, { bucket: ["scratch"] }, "scratch-lifecycle")]);
            expect(r.verdict).toBe("pass");
        });

        it("when the trail writes under a key prefix that the short rule does not reach", async () => {
            const r = await runStackPolicy(policy, [trail({ s3KeyPrefix: "trails" }), bucket(), lifecycle([{ ...month, filter: { prefix: "AWSLogs/" } }])]);
            expect(r.verdict).toBe("pass");
        });

        it("when a lifecycle configuration keeps logs a year, whatever the bucket's mirrored lifecycleRules say", async () => {
            const mirrored = bucket({ lifecycleRules: [{ enabled: true, expiration: { days: 30 } }] });
            expect((await runStackPolicy(policy, [trail(), mirrored, lifecycle([keepAYear])])).verdict).toBe("pass");
        });

        it("when the stack has no trail", async () => {
            expect((await runStackPolicy(policy, [bucket(), lifecycle([{ ...month, expiration: { days: 1 } }])])).verdict).toBe("pass");
        });

        it("when the trail's bucket lives outside the stack", async () => {
            expect((await runStackPolicy(policy, [trail({ s3BucketName: "central-audit" }, {})])).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when a rule over the whole bucket expires logs after 30 days", async () => {
            const r = await runStackPolicy(policy, stackWith(month));
            expect(r.verdict).toBe("fail");
            expect(r.violating).toEqual(["audit-lifecycle"]);
            expect(r.diagnostics.map((d) => d.message).join()).toContain("`rules[0].expiration.days` is below 365 days");
        });

        it.each<[string, LifecycleRule]>([
            ["filter.prefix AWSLogs/", { ...month, filter: { prefix: "AWSLogs/" } }],
            ["filter.prefix of the account's CloudTrail folder", { ...month, filter: { prefix: "AWSLogs/111122223333/CloudTrail/" } }],
            ["filter.prefix of the digest files", { ...month, filter: { prefix: "AWSLogs/111122223333/CloudTrail-Digest/" } }],
            ["filter.prefix of an organization trail", { ...month, filter: { prefix: "AWSLogs/o-a1b2c3d4e5/" } }],
            ["a partial prefix such as AWS", { ...month, filter: { prefix: "AWS" } }],
            ["filter.and with a prefix and a size bound", { ...month, filter: { and: { prefix: "AWSLogs/", objectSizeGreaterThan: 0 } } }],
            ["the deprecated rule-level prefix", { ...month, filter: undefined, prefix: "AWSLogs/" }],
            ["a filter given as a one-element list", { ...month, filter: [{ prefix: "AWSLogs/" }], expiration: [{ days: 30 }] }],
            ["a fixed expiration date", { ...keepAYear, expiration: { date: "2026-01-01T00:00:00Z" } }],
            ["noncurrent versions kept 30 days", { ...keepAYear, noncurrentVersionExpiration: { noncurrentDays: 30 } }],
            ["status in lower case", { ...month, status: "enabled" }],
            // A numeric string (YAML program, hand-edited export) expires as its number (found by the evasion suite).
            ["days written as a numeric string", { ...month, expiration: { days: "30" } }],
            ["noncurrent days written as a numeric string", { ...keepAYear, noncurrentVersionExpiration: { noncurrentDays: " 7 " } }],
        ])("for %s", async (_, rule) => {
            const r = await runStackPolicy(policy, stackWith(keepAYear, rule));
            expect(r.verdict).toBe("fail");
            expect(r.violating).toEqual(["audit-lifecycle"]);
            expect(r.diagnostics.map((d) => d.message).join()).toContain("`rules[1]");
        });

        it("names a fixed expiration date as such", async () => {
            const r = await runStackPolicy(policy, stackWith({ ...keepAYear, expiration: { date: "2026-01-01T00:00:00Z" } }));
            expect(r.diagnostics.map((d) => d.message).join()).toContain("`rules[0].expiration.date` expires every object it covers on a fixed date");
        });

        it("for the V2 lifecycle token on a V2 bucket", async () => {
            const r = await runStackPolicy(policy, [trail(), bucket({}, "audit", BUCKET_V2), lifecycle([month], {}, { bucket: ["audit"] }, "audit-lifecycle", LIFECYCLE_V2)]);
            expect(r.violating).toEqual(["audit-lifecycle"]);
        });

        it("for the deprecated inline lifecycleRules of the bucket", async () => {
            const inline = bucket({ lifecycleRules: [{ enabled: true, prefix: "", expiration: { days: 90 } }] });
            const r = await runStackPolicy(policy, [trail(), inline]);
            expect(r.violating).toEqual(["audit"]);
            expect(r.diagnostics.map((d) => d.message).join()).toContain("`lifecycleRules[0].expiration.days` is below 365 days");
        });

        it("for the inline expirations and noncurrent version list of a V2 bucket", async () => {
            const rules = [
                { enabled: false, expirations: [{ days: 1 }] },
                { enabled: true, noncurrentVersionExpirations: [{ days: 7 }] },
            ];
            const r = await runStackPolicy(policy, [trail(), bucket({ lifecycleRules: rules }, "audit", BUCKET_V2)]);
            expect(r.violating).toEqual(["audit"]);
            expect(r.diagnostics.map((d) => d.message).join()).toContain("`lifecycleRules[1].noncurrentVersionExpirations[0].days`");
        });

        it("when trail, bucket and lifecycle configuration are joined by bucket name only", async () => {
            const r = await runStackPolicy(policy, [trail({}, {}), bucket(), lifecycle([month], {}, {})]);
            expect(r.violating).toEqual(["audit-lifecycle"]);
        });

        it("when the trail and a lifecycle configuration name the same bucket that lives outside the stack", async () => {
            const r = await runStackPolicy(policy, [trail({ s3BucketName: "central-audit" }, {}), lifecycle([month], { bucket: "central-audit" }, {})]);
            expect(r.violating).toEqual(["audit-lifecycle"]);
        });

        it("when the trail takes its bucket name from the bucket policy (one hop)", async () => {
            const policyResource: StackResourceInput = {
                type: "aws:s3/bucketPolicy:BucketPolicy",
                name: "audit-policy",
                props: { bucket: UNKNOWN, policy: UNKNOWN },
                propertyDependencies: { bucket: ["audit"] },
            };
            const r = await runStackPolicy(policy, [
                bucket({ bucket: UNKNOWN }),
                policyResource,
                trail({ s3BucketName: UNKNOWN }, { s3BucketName: ["audit-policy"] }),
                lifecycle([month], { bucket: UNKNOWN }),
            ]);
            expect(r.verdict).toBe("fail");
            expect(r.violating).toEqual(["audit-lifecycle"]);
        });

        it("when the trail writes under a key prefix that the rule reaches", async () => {
            const r = await runStackPolicy(policy, [trail({ s3KeyPrefix: "trails/" }), bucket(), lifecycle([{ ...month, filter: { prefix: "trails/AWSLogs/1111" } }])]);
            expect(r.violating).toEqual(["audit-lifecycle"]);
        });

        it("once per rule, however many trails share the bucket", async () => {
            const r = await runStackPolicy(policy, [trail(), trail({}, { s3BucketName: ["audit"] }, "trail-2"), bucket(), lifecycle([month])]);
            expect(r.diagnostics.filter((d) => d.kind === "violation")).toHaveLength(1);
        });

        it("when names and rule ids are secrets, without printing them", async () => {
            const r = await runStackPolicy(policy, [
                trail({ s3BucketName: secret("hidden-bucket"), s3KeyPrefix: secret("hidden-prefix") }),
                bucket({ bucket: secret("hidden-bucket") }),
                lifecycle([{ ...month, id: "hidden-rule-id" }], { bucket: secret("hidden-bucket") }),
            ]);
            expect(r.verdict).toBe("fail");
            const text = r.diagnostics.map((d) => d.message).join();
            expect(text).not.toContain("hidden-");
            expect(text).not.toContain("30");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide a lifecycle configuration whose bucket is unknown, and still fails the others", async () => {
            const stray = lifecycle([month], { bucket: UNKNOWN }, {}, "stray-lifecycle");
            const r = await runStackPolicy(policy, [...stackWith(month), stray]);
            expect(r.verdict).toBe("fail");
            expect(r.violating).toEqual(["audit-lifecycle"]);
            const advisory = r.diagnostics.find((d) => d.resource === "stray-lifecycle");
            expect(advisory?.kind).toBe("unknown");
            expect(advisory?.enforcementLevel).toBe("advisory");
            expect(advisory?.message).toContain("`bucket`");
        });

        it("ignores a lifecycle configuration with an unknown bucket when none of its rules could expire logs early", async () => {
            expect((await runStackPolicy(policy, [...stackWith(keepAYear), lifecycle([keepAYear], { bucket: UNKNOWN }, {}, "stray")])).verdict).toBe("pass");
        });

        it("cannot decide a rule whose expiration is unknown", async () => {
            const r = await runStackPolicy(policy, stackWith({ ...keepAYear, expiration: { days: UNKNOWN } }));
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics.map((d) => d.message).join()).toContain("`rules[0].expiration.days`");
        });

        it("cannot decide while the rules are unknown", async () => {
            const r = await runStackPolicy(policy, [trail(), bucket(), lifecycle(UNKNOWN)]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics[0]?.resource).toBe("audit-lifecycle");
        });

        it("cannot decide a trail whose bucket is unknown when the stack has lifecycle rules", async () => {
            const r = await runStackPolicy(policy, [trail({ s3BucketName: UNKNOWN }, {}), bucket(), lifecycle([month])]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics.map((d) => d.resource)).toEqual(["trail"]);
        });

        it("passes a trail whose bucket is unknown when the stack has no lifecycle rules", async () => {
            expect((await runStackPolicy(policy, [trail({ s3BucketName: UNKNOWN }, {}), bucket()])).verdict).toBe("pass");
        });

        it("decides a trail whose unknown bucket name comes from the bucket by dependency", async () => {
            const r = await runStackPolicy(policy, [trail({ s3BucketName: UNKNOWN }), bucket({ bucket: UNKNOWN }), lifecycle([month], { bucket: UNKNOWN })]);
            expect(r.violating).toEqual(["audit-lifecycle"]);
        });

        it("cannot decide a prefixed rule while the trail's key prefix is unknown", async () => {
            const r = await runStackPolicy(policy, [trail({ s3KeyPrefix: UNKNOWN }), bucket(), lifecycle([{ ...month, filter: { prefix: "AWSLogs/" } }])]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics.map((d) => [d.resource, d.message.includes("`s3KeyPrefix`")])).toEqual([["trail", true]]);
        });

        it("still fails a whole-bucket rule while the trail's key prefix is unknown", async () => {
            expect((await runStackPolicy(policy, [trail({ s3KeyPrefix: UNKNOWN }), bucket(), lifecycle([month])])).verdict).toBe("fail");
        });

        it("still fails a rule whose filter is known when another rule's status is unknown", async () => {
            const r = await runStackPolicy(policy, stackWith({ ...keepAYear, status: UNKNOWN, expiration: { days: 1 } }, month));
            expect(r.verdict).toBe("fail");
            expect(r.diagnostics.map((d) => d.kind).sort()).toEqual(["unknown", "violation"]);
        });
    });

    describe("config", () => {
        it("accepts a shorter minimum", async () => {
            expect((await runStackPolicy(policy, stackWith({ ...keepAYear, expiration: { days: 90 } }), { minimumRetentionDays: 90 })).verdict).toBe("pass");
        });

        it("applies a longer minimum, naming it", async () => {
            const r = await runStackPolicy(policy, stackWith(keepAYear), { minimumRetentionDays: 730 });
            expect(r.verdict).toBe("fail");
            expect(r.diagnostics.map((d) => d.message).join()).toContain("below 730 days");
        });

        it("rejects a minimum that is not an integer, naming the key", async () => {
            await expect(runStackPolicy(policy, stackWith(keepAYear), { minimumRetentionDays: 1.5 })).rejects.toThrow("config key 'minimumRetentionDays' must be an integer");
        });

        it("rejects an unknown key, naming it", async () => {
            await expect(runStackPolicy(policy, stackWith(keepAYear), { retentionDays: 30 })).rejects.toThrow("config key 'retentionDays'");
        });
    });
});
