import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-s3-bucket-restrict-replication-region";
import { runStackPolicy, secret, type StackResourceInput, UNKNOWN } from "../../harness";

const BUCKET = "aws:s3/bucket:Bucket";
const BUCKET_V2 = "aws:s3/bucketV2:BucketV2";
const REPLICATION = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";
const tokyo = { name: "default_7_48_0", props: { region: "ap-northeast-1" } };
const virginia = { name: "virginia", props: { region: "us-east-1" } };

const bucket = (name: string, over: Partial<StackResourceInput> = {}): StackResourceInput => ({
    type: BUCKET,
    name,
    props: { bucket: `${name}-bucket` },
    provider: tokyo,
    ...over,
});

const rule = (destinationBucket: unknown, extra: Record<string, unknown> = {}) => ({
    id: "all",
    status: "Enabled",
    destination: { bucket: destinationBucket, storageClass: "STANDARD" },
    ...extra,
});

/** BucketV2's inline replication block: lists all the way down (`rules[].destinations[]`). */
const v2Replication = (...destinations: unknown[]) => ({
    role: "arn:aws:iam::123456789012:role/replication",
    rules: [{ id: "all", status: "Enabled", destinations: destinations.map((bucket) => ({ bucket })) }],
});

const replication = (rules: unknown, over: Partial<StackResourceInput> = {}): StackResourceInput => ({
    type: REPLICATION,
    name: "replication",
    props: { bucket: "source-bucket", role: "arn:aws:iam::123456789012:role/replication", rules },
    provider: tokyo,
    ...over,
});

const source = bucket("source");
const role: StackResourceInput = { type: "aws:iam/role:Role", name: "role", props: { name: "replication" } };

describe("aws-s3-bucket-restrict-replication-region", () => {
    describe("passes", () => {
        it("when the destination bucket (by literal ARN) is in Osaka", async () => {
            const r = await runStackPolicy(policy, [
                source,
                bucket("dest", { props: { bucket: "dest-bucket", region: "ap-northeast-3" } }),
                replication([rule("arn:aws:s3:::dest-bucket")]),
            ]);
            expect(r.verdict).toBe("pass");
        });

        it("when the destination (unknown during preview) comes from a bucket in Tokyo, joined by property dependency", async () => {
            const r = await runStackPolicy(policy, [
                source,
                role,
                bucket("dest", { props: { bucketPrefix: "dest-" } }),
                replication([rule(UNKNOWN)], { propertyDependencies: { rules: ["dest"], role: ["role"], bucket: ["source"] } }),
            ]);
            expect(r.verdict).toBe("pass");
        });

        it("when the destination is named by the bucket's arn output under the deprecated BucketV2 token", async () => {
            const dest: StackResourceInput = {
                ...bucket("dest", { props: { bucketPrefix: "dest-", arn: "arn:aws:s3:::dest-20240101" } }),
                type: "aws:s3/bucketV2:BucketV2",
            };
            expect((await runStackPolicy(policy, [source, dest, replication([rule("arn:aws:s3:::dest-20240101")])])).verdict).toBe("pass");
        });

        it("when a rule to a disallowed bucket is disabled", async () => {
            const r = await runStackPolicy(policy, [
                bucket("dest", { provider: virginia }),
                replication([rule("arn:aws:s3:::dest-bucket", { status: "Disabled" })]),
            ]);
            expect(r.verdict).toBe("pass");
        });

        it("when there is no replication at all, whatever the bucket regions", async () => {
            expect((await runStackPolicy(policy, [bucket("a", { provider: virginia }), role])).verdict).toBe("pass");
        });

        it("when the deprecated inline replication block of a bucket targets a bucket in Tokyo", async () => {
            const r = await runStackPolicy(policy, [
                bucket("dest"),
                bucket("source", { props: { bucket: "source-bucket", replicationConfiguration: { role: "r", rules: [rule("arn:aws:s3:::dest-bucket")] } } }),
            ]);
            expect(r.verdict).toBe("pass");
        });

        it("when BucketV2's list-shaped inline replication (`replicationConfigurations[].rules[].destinations[]`) targets a bucket in Tokyo", async () => {
            const r = await runStackPolicy(policy, [
                bucket("dest"),
                bucket("source", { type: BUCKET_V2, props: { bucket: "source-bucket", replicationConfigurations: [v2Replication("arn:aws:s3:::dest-bucket")] } }),
            ]);
            expect(r.verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when the destination bucket is in a disallowed region, naming the rule and bucket but not the region", async () => {
            const r = await runStackPolicy(policy, [source, bucket("dest", { provider: virginia }), replication([rule("arn:aws:s3:::dest-bucket")])]);
            expect(r.verdict).toBe("fail");
            expect(r.violating).toEqual(["replication"]);
            const text = r.diagnostics.map((d) => d.message).join();
            expect(text).toContain("`rules[0].destination.bucket` replicates to bucket `dest`, whose `region` is not an allowed region (allowed: ap-northeast-1, ap-northeast-3)");
            expect(text).not.toContain("us-east-1");
        });

        it("when the destination is named by bucket name instead of ARN", async () => {
            const r = await runStackPolicy(policy, [bucket("dest", { props: { bucket: "dest-bucket", region: "eu-west-1" } }), replication([rule("dest-bucket")])]);
            expect(r.violating).toEqual(["replication"]);
        });

        it("when the destination joined by property dependency is in a disallowed region", async () => {
            const r = await runStackPolicy(policy, [
                role,
                bucket("dest", { props: { bucketPrefix: "dest-" }, provider: virginia }),
                replication([rule(UNKNOWN)], { propertyDependencies: { rules: ["dest", "role"] } }),
            ]);
            expect(r.verdict).toBe("fail");
            expect(r.violating).toEqual(["replication"]);
        });

        it("when only the second rule replicates out of the allowed regions", async () => {
            const r = await runStackPolicy(policy, [
                bucket("osaka", { props: { bucket: "osaka-bucket", region: "ap-northeast-3" } }),
                bucket("ireland", { props: { bucket: "ireland-bucket", region: "eu-west-1" } }),
                replication([rule("arn:aws:s3:::osaka-bucket"), rule("arn:aws:s3:::ireland-bucket", { id: "second" })]),
            ]);
            const text = r.diagnostics.map((d) => d.message).join();
            expect(text).toContain("`rules[1].destination.bucket` replicates to bucket `ireland`");
            expect(text).not.toContain("rules[0]");
        });

        it("for each rule naming a bucket that is outside the allowed regions, not for a bucket of the same name inside them", async () => {
            const r = await runStackPolicy(policy, [
                source,
                bucket("east", { props: { bucket: "replica" }, provider: virginia }),
                bucket("west", { props: { bucket: "replica" } }),
                replication([rule("arn:aws:s3:::replica")]),
                replication([rule("replica")], { name: "second" }),
            ]);
            expect(r.violating).toEqual(["replication", "second"]);
            expect(r.diagnostics.map((d) => d.message.includes("bucket `east`"))).toEqual([true, true]);
        });

        it("when the destination bucket is not in the stack and not approved (fails closed)", async () => {
            const r = await runStackPolicy(policy, [replication([rule("arn:aws:s3:::someone-elses-bucket")])]);
            expect(r.verdict).toBe("fail");
            expect(r.diagnostics.map((d) => d.message).join()).toContain("not in this stack, so its region cannot be checked");
            expect(r.diagnostics.map((d) => d.message).join()).toContain("`approvedExternalBuckets`");
        });

        it("when the destination bucket has no region at all (fails closed)", async () => {
            const r = await runStackPolicy(policy, [bucket("dest", { provider: undefined }), replication([rule("arn:aws:s3:::dest-bucket")])]);
            expect(r.verdict).toBe("fail");
            expect(r.diagnostics.map((d) => d.message).join()).toContain("which has no region set");
        });

        it("when the rule's status is unknown, treating the rule as enabled", async () => {
            const r = await runStackPolicy(policy, [bucket("dest", { provider: virginia }), replication([rule("arn:aws:s3:::dest-bucket", { status: UNKNOWN })])]);
            expect(r.violating).toEqual(["replication"]);
        });

        it("when a bucket's deprecated inline replication block targets a disallowed bucket", async () => {
            const r = await runStackPolicy(policy, [
                bucket("dest", { provider: virginia }),
                bucket("source", { props: { bucket: "source-bucket", replicationConfiguration: { role: "r", rules: [rule("arn:aws:s3:::dest-bucket")] } } }),
            ]);
            expect(r.violating).toEqual(["source"]);
            expect(r.diagnostics.map((d) => d.message).join()).toContain("`replicationConfiguration.rules[0].destination.bucket`");
        });

        it("when BucketV2's list-shaped inline replication targets a disallowed bucket (an evasion the suite found)", async () => {
            const r = await runStackPolicy(policy, [
                bucket("dest", { provider: virginia }),
                bucket("source", { type: BUCKET_V2, props: { bucket: "source-bucket", replicationConfigurations: [v2Replication("arn:aws:s3:::dest-bucket")] } }),
            ]);
            expect(r.violating).toEqual(["source"]);
            expect(r.diagnostics.map((d) => d.message).join()).toContain("`replicationConfigurations[0].rules[0].destinations[0].bucket`");
        });

        it("when only the second destination of a BucketV2 rule leaves the stack", async () => {
            const r = await runStackPolicy(policy, [
                bucket("dest"),
                bucket("source", {
                    type: BUCKET_V2,
                    props: { bucket: "source-bucket", replicationConfigurations: [v2Replication("arn:aws:s3:::dest-bucket", "arn:aws:s3:::someone-elses-bucket")] },
                }),
            ]);
            expect(r.violating).toEqual(["source"]);
            expect(r.diagnostics.map((d) => d.message).join()).toContain("`replicationConfigurations[0].rules[0].destinations[1].bucket`");
        });

        it("when the destination bucket's region is a secret, without printing it", async () => {
            const r = await runStackPolicy(policy, [
                bucket("dest", { props: { bucket: "dest-bucket", region: secret("sa-east-1") } }),
                replication([rule("arn:aws:s3:::dest-bucket")]),
            ]);
            expect(r.verdict).toBe("fail");
            expect(r.diagnostics.map((d) => d.message).join()).not.toContain("sa-east-1");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide for a destination that is unknown and depends on no bucket in the stack", async () => {
            const r = await runStackPolicy(policy, [replication([rule(UNKNOWN)])]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics).toHaveLength(1);
            expect(r.diagnostics[0]).toMatchObject({ resource: "replication", kind: "unknown", enforcementLevel: "advisory" });
            expect(r.diagnostics[0]?.message).toContain("`rules[0].destination.bucket`");
        });

        it("cannot decide while the destination bucket's own region is unknown", async () => {
            const r = await runStackPolicy(policy, [bucket("dest", { props: { bucket: "dest-bucket", region: UNKNOWN } }), replication([rule("arn:aws:s3:::dest-bucket")])]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics[0]?.message).toContain("the region of bucket `dest`");
        });

        it("cannot decide while the destination bucket's provider region is unknown", async () => {
            const r = await runStackPolicy(policy, [
                bucket("dest", { provider: { name: "dynamic", props: { region: UNKNOWN } } }),
                replication([rule("arn:aws:s3:::dest-bucket")]),
            ]);
            expect(r.verdict).toBe("unknown");
        });

        it("judges the buckets an unknown rule list was built from", async () => {
            const bad = await runStackPolicy(policy, [
                bucket("dest", { provider: virginia }),
                replication(UNKNOWN, { propertyDependencies: { rules: ["dest"] } }),
            ]);
            expect(bad.violating).toEqual(["replication"]);
            const none = await runStackPolicy(policy, [replication(UNKNOWN)]);
            expect(none.verdict).toBe("unknown");
        });

        it("cannot decide for an unknown BucketV2 destination that depends on no bucket in the stack", async () => {
            const r = await runStackPolicy(policy, [bucket("source", { type: BUCKET_V2, props: { bucket: "source-bucket", replicationConfigurations: [v2Replication(UNKNOWN)] } })]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics.map((d) => d.message).join()).toContain("`replicationConfigurations[0].rules[0].destinations[0].bucket`");
        });

        it("cannot decide for an unknown rule block, without silencing other resources", async () => {
            const r = await runStackPolicy(policy, [
                bucket("dest", { provider: virginia }),
                replication([UNKNOWN]),
                replication([rule("arn:aws:s3:::dest-bucket")], { name: "other" }),
            ]);
            expect(r.verdict).toBe("fail");
            expect(r.violating).toEqual(["other"]);
            expect(r.diagnostics.find((d) => d.resource === "replication")?.kind).toBe("unknown");
        });
    });

    describe("config", () => {
        it("allows the configured regions instead of the default ones", async () => {
            const stack = [bucket("dest", { provider: virginia }), replication([rule("arn:aws:s3:::dest-bucket")])];
            expect((await runStackPolicy(policy, stack, { allowedRegions: ["us-east-1"] })).verdict).toBe("pass");
            expect((await runStackPolicy(policy, stack, { allowedRegions: ["ap-northeast-1"] })).verdict).toBe("fail");
        });

        it.each([
            ["its name", "partner-archive"],
            ["its ARN", "arn:aws:s3:::partner-archive"],
        ])("approves an external bucket listed by %s", async (_, listed) => {
            const stack = [replication([rule("arn:aws:s3:::partner-archive"), rule("partner-archive")])];
            expect((await runStackPolicy(policy, stack, { approvedExternalBuckets: [listed] })).verdict).toBe("pass");
            expect((await runStackPolicy(policy, stack, { approvedExternalBuckets: ["another-bucket"] })).verdict).toBe("fail");
        });

        it("does not let an approval override a bucket in the stack that is in a disallowed region", async () => {
            const stack = [bucket("dest", { provider: virginia }), replication([rule("arn:aws:s3:::dest-bucket")])];
            expect((await runStackPolicy(policy, stack, { approvedExternalBuckets: ["dest-bucket"] })).verdict).toBe("fail");
        });

        it("rejects a malformed approved bucket, naming the key", async () => {
            await expect(runStackPolicy(policy, [], { approvedExternalBuckets: ["s3://partner-archive"] })).rejects.toThrow(
                "config key 'approvedExternalBuckets[0]'",
            );
        });

        it("rejects a region AWS does not have, naming the key", async () => {
            await expect(runStackPolicy(policy, [], { allowedRegions: ["jp-tokyo-1"] })).rejects.toThrow("config key 'allowedRegions[0]'");
        });

        it("rejects an unknown key, naming it", async () => {
            await expect(runStackPolicy(policy, [], { externalBuckets: [] })).rejects.toThrow("config key 'externalBuckets'");
        });
    });
});
