import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-s3-bucket-require-customer-managed-key";
import { runStackPolicy, secret, UNKNOWN, type StackResourceInput } from "../../harness";

const BUCKET = "aws:s3/bucket:Bucket";
const BUCKET_V2 = "aws:s3/bucketV2:BucketV2";
const CONFIG = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
const CONFIG_V2 = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";
const KEY_ARN = "arn:aws:kms:ap-northeast-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

type Props = Record<string, unknown>;
const kmsDefault = (extra: Props = {}): Props => ({ sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY_ARN, ...extra });

const bucket = (name: string, props: Props = {}): StackResourceInput => ({ type: BUCKET, name, props: { bucket: name, ...props } });
const key: StackResourceInput = { type: "aws:kms/key:Key", name: "data-key", props: { description: "bucket key" } };

/** A BucketServerSideEncryptionConfiguration for `bucketName`, joined by property dependency unless `byValue`. */
function configuration(
    name: string,
    bucketName: string,
    defaults: Props | undefined,
    opts: { byValue?: boolean; type?: string; rulesFrom?: string[]; bucketValue?: unknown } = {},
): StackResourceInput {
    return {
        type: opts.type ?? CONFIG,
        name,
        props: {
            bucket: opts.bucketValue ?? (opts.byValue ? bucketName : UNKNOWN),
            rules: [defaults === undefined ? { bucketKeyEnabled: true } : { applyServerSideEncryptionByDefault: defaults }],
        },
        propertyDependencies: {
            ...(opts.byValue || opts.bucketValue !== undefined ? {} : { bucket: [bucketName] }),
            ...(opts.rulesFrom ? { rules: opts.rulesFrom } : {}),
        },
    };
}

describe("aws-s3-bucket-require-customer-managed-key", () => {
    describe("passes", () => {
        it("when a configuration joined by property dependency applies aws:kms with a customer managed key", async () => {
            const r = await runStackPolicy(policy, [bucket("data"), configuration("data-sse", "data", kmsDefault())]);
            expect(r.verdict).toBe("pass");
        });

        it("when a configuration joined by bucket name applies aws:kms:dsse with a key alias of its own", async () => {
            const r = await runStackPolicy(policy, [
                bucket("data"),
                configuration("data-sse", "data", kmsDefault({ sseAlgorithm: "aws:kms:dsse", kmsMasterKeyId: "alias/data-key" }), { byValue: true }),
            ]);
            expect(r.verdict).toBe("pass");
        });

        it("when the bucket's inline configuration applies aws:kms with a customer managed key", async () => {
            const r = await runStackPolicy(policy, [bucket("data", { serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: kmsDefault() } } })]);
            expect(r.verdict).toBe("pass");
        });

        it("for the deprecated V2 tokens (BucketV2 lists, configuration V2)", async () => {
            const r = await runStackPolicy(policy, [
                { type: BUCKET_V2, name: "v2", props: { bucket: "v2" } },
                configuration("v2-sse", "v2", kmsDefault({ sseAlgorithm: "AWS:KMS" }), { type: CONFIG_V2 }),
                {
                    type: BUCKET_V2,
                    name: "v2-inline",
                    props: { serverSideEncryptionConfigurations: [{ rules: [{ applyServerSideEncryptionByDefaults: [kmsDefault()] }] }] },
                },
            ]);
            expect(r.verdict).toBe("pass");
        });

        it("when the separate configuration overrides an inline SSE-S3 block echoed by the bucket", async () => {
            const r = await runStackPolicy(policy, [
                bucket("data", { serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } } } }),
                configuration("data-sse", "data", kmsDefault()),
            ]);
            expect(r.verdict).toBe("pass");
        });

        it("when the key id is unknown during preview but comes from a KMS key of the stack", async () => {
            const r = await runStackPolicy(policy, [key, bucket("data"), configuration("data-sse", "data", kmsDefault({ kmsMasterKeyId: UNKNOWN }), { rulesFrom: ["data-key"] })]);
            expect(r.verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when a bucket has no KMS configuration anywhere", async () => {
            const r = await runStackPolicy(policy, [bucket("plain"), bucket("data"), configuration("data-sse", "data", kmsDefault())]);
            expect(r.verdict).toBe("fail");
            expect(r.violating).toEqual(["plain"]);
            expect(r.diagnostics.map((d) => d.message).join()).toContain("no BucketServerSideEncryptionConfiguration for this bucket");
        });

        it.each([
            ["applies SSE-S3 (AES256)", { sseAlgorithm: "AES256" }, "is not aws:kms or aws:kms:dsse"],
            ["applies aws:kms without a key (AWS managed aws/s3)", { sseAlgorithm: "aws:kms" }, "without `kmsMasterKeyId`"],
            ["names alias/aws/s3", kmsDefault({ kmsMasterKeyId: "alias/aws/s3" }), "names an AWS managed key"],
            ["names the alias ARN of aws/s3 in upper case", kmsDefault({ kmsMasterKeyId: "arn:aws:kms:ap-northeast-1:111122223333:ALIAS/AWS/S3" }), "names an AWS managed key"],
            ["applies no default encryption", undefined, "applies no default encryption"],
        ])("when the joined configuration %s", async (_, defaults, text) => {
            const r = await runStackPolicy(policy, [bucket("data"), configuration("data-sse", "data", defaults)]);
            expect(r.violating).toEqual(["data"]);
            expect(r.diagnostics.map((d) => d.message).join()).toContain(text);
            expect(r.diagnostics.map((d) => d.message).join()).toContain('BucketServerSideEncryptionConfiguration "data-sse"');
        });

        it("reports the violation at the advisory level by default", async () => {
            const r = await runStackPolicy(policy, [bucket("plain")]);
            expect(r.diagnostics.map((d) => d.enforcementLevel)).toEqual(["advisory"]);
        });

        it("when the inline configuration applies SSE-S3", async () => {
            const r = await runStackPolicy(policy, [bucket("data", { serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } } } })]);
            expect(r.violating).toEqual(["data"]);
            expect(r.diagnostics.map((d) => d.message).join()).toContain("`serverSideEncryptionConfiguration` has a rule whose `sseAlgorithm`");
        });

        it("a configuration for a bucket outside the stack that is not SSE-KMS, on the configuration itself", async () => {
            const r = await runStackPolicy(policy, [configuration("other-sse", "elsewhere", { sseAlgorithm: "AES256" }, { byValue: true })]);
            expect(r.violating).toEqual(["other-sse"]);
        });

        it("when the key id is a secret AWS managed alias, without printing it", async () => {
            const r = await runStackPolicy(policy, [
                bucket("data"),
                configuration("data-sse", "data", { sseAlgorithm: "aws:kms", kmsMasterKeyId: secret("alias/aws/s3") }),
            ]);
            expect(r.violating).toEqual(["data"]);
            expect(r.diagnostics.map((d) => d.message).join()).not.toContain("alias/aws/s3");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide a bucket whose key id is unknown and not built from a KMS key of the stack, and still judges the others", async () => {
            const r = await runStackPolicy(policy, [
                bucket("data"),
                configuration("data-sse", "data", kmsDefault({ kmsMasterKeyId: UNKNOWN })),
                bucket("plain"),
            ]);
            expect(r.verdict).toBe("fail");
            expect(r.violating).toEqual(["plain"]);
            const unknown = r.diagnostics.find((d) => d.kind === "unknown");
            expect(unknown?.resource).toBe("data");
            expect(unknown?.enforcementLevel).toBe("advisory");
            expect(unknown?.message).toContain("kmsMasterKeyId");
        });

        it("cannot decide a bucket while a configuration's bucket is unknown and unjoined", async () => {
            const r = await runStackPolicy(policy, [bucket("data"), configuration("mystery-sse", "data", kmsDefault(), { bucketValue: UNKNOWN })]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics.find((d) => d.resource === "data")?.message).toContain('`bucket` of BucketServerSideEncryptionConfiguration "mystery-sse"');
        });

        it("cannot decide while the configuration's rules are unknown", async () => {
            const r = await runStackPolicy(policy, [bucket("data"), { ...configuration("data-sse", "data", kmsDefault()), props: { bucket: UNKNOWN, rules: UNKNOWN } }]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics.map((d) => d.message).join()).toContain("`rules`");
        });

        it("still fails a known SSE-S3 rule next to an unknown one", async () => {
            const r = await runStackPolicy(policy, [
                bucket("data"),
                { ...configuration("data-sse", "data", kmsDefault()), props: { bucket: UNKNOWN, rules: [UNKNOWN, { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] } },
            ]);
            expect(r.violating).toEqual(["data"]);
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runStackPolicy(policy, [bucket("data")], { allowAwsManagedKey: true })).rejects.toThrow(
                "config key 'allowAwsManagedKey' is not a setting of this policy (it takes none)",
            );
        });
    });
});
