import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-s3-bucket-require-server-side-encryption";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const BUCKET = "aws:s3/bucket:Bucket";
const BUCKET_V2 = "aws:s3/bucketV2:BucketV2";
const CONFIG = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
const CONFIG_V2 = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";

type Props = Record<string, unknown>;
const byDefault = (sseAlgorithm: unknown, extra: Props = {}): Props => ({ applyServerSideEncryptionByDefault: { sseAlgorithm, ...extra } });

/** Bucket (v7): the deprecated inline block holds one `rule`. */
const bucket = (props: Props = {}) => ({ type: BUCKET, props: { bucket: "audit-logs", ...props } });
const bucketWithRule = (rule: Props) => bucket({ serverSideEncryptionConfiguration: { rule } });
/** BucketV2: lists all the way down. */
const bucketV2 = (defaults: unknown) => ({
    type: BUCKET_V2,
    props: { bucket: "audit-logs", serverSideEncryptionConfigurations: [{ rules: [{ applyServerSideEncryptionByDefaults: defaults }] }] },
});
const configuration = (rules: unknown, type = CONFIG) => ({ type, props: { bucket: "audit-logs", rules } });

describe("aws-s3-bucket-require-server-side-encryption", () => {
    describe("passes", () => {
        it("when a bucket declares no encryption configuration (S3 applies SSE-S3 by default)", async () => {
            expect((await runResourcePolicy(policy, bucket())).verdict).toBe("pass");
        });

        it.each([
            ["AES256", byDefault("AES256")],
            ["aws:kms with a key", byDefault("aws:kms", { kmsMasterKeyId: "arn:aws:kms:ap-northeast-1:111122223333:key/k1" })],
            ["aws:kms without a key (AWS managed key)", byDefault("aws:kms")],
            ["aws:kms:dsse", byDefault("aws:kms:dsse")],
        ])("when a bucket's inline rule applies %s", async (_, rule) => {
            expect((await runResourcePolicy(policy, bucketWithRule(rule))).verdict).toBe("pass");
        });

        it("when a BucketV2's inline lists apply AES256", async () => {
            expect((await runResourcePolicy(policy, bucketV2([{ sseAlgorithm: "AES256" }]))).verdict).toBe("pass");
        });

        it("when a BucketV2 declares an empty list of configurations", async () => {
            expect((await runResourcePolicy(policy, { type: BUCKET_V2, props: { serverSideEncryptionConfigurations: [] } })).verdict).toBe("pass");
        });

        it.each([["AES256"], ["aws:kms"], ["aws:kms:dsse"], ["aes256"], ["AWS:KMS"]])(
            "when a configuration resource applies %s",
            async (algorithm) => {
                expect((await runResourcePolicy(policy, configuration([byDefault(algorithm)]))).verdict).toBe("pass");
            },
        );

        it("when the deprecated V2 configuration resource applies aws:kms", async () => {
            expect((await runResourcePolicy(policy, configuration([byDefault("aws:kms")], CONFIG_V2))).verdict).toBe("pass");
        });

        it("ignores other resource types", async () => {
            expect((await runResourcePolicy(policy, { type: "aws:s3/bucketVersioning:BucketVersioning", props: { rules: [] } })).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when a bucket's inline rule applies no default encryption", async () => {
            const r = await runResourcePolicy(policy, bucketWithRule({ bucketKeyEnabled: true }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`serverSideEncryptionConfiguration` has a rule that applies no default encryption");
        });

        it("when a bucket's inline rule names an unrecognised algorithm", async () => {
            const r = await runResourcePolicy(policy, bucketWithRule(byDefault("NONE")));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`sseAlgorithm` is not AES256, aws:kms or aws:kms:dsse");
        });

        it("when a BucketV2's inline rule has an empty list of defaults", async () => {
            const r = await runResourcePolicy(policy, bucketV2([]));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`serverSideEncryptionConfigurations` has a rule that applies no default encryption");
        });

        it("when a configuration resource's rule has no default algorithm", async () => {
            const r = await runResourcePolicy(policy, configuration([{ bucketKeyEnabled: true, blockedEncryptionTypes: ["SSE-C"] }]));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`rules` has a rule that applies no default encryption");
        });

        it("when a configuration resource has no rules", async () => {
            expect((await runResourcePolicy(policy, configuration([]))).verdict).toBe("fail");
        });

        it("when the deprecated V2 configuration resource names an unrecognised algorithm", async () => {
            const r = await runResourcePolicy(policy, configuration([byDefault("aws:kms:xts")], CONFIG_V2));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`rules` has a rule whose `sseAlgorithm` is not");
        });

        it("when one of several rules is a downgrade", async () => {
            expect((await runResourcePolicy(policy, configuration([byDefault("AES256"), byDefault("SSE-C")]))).verdict).toBe("fail");
        });

        it("when the algorithm is a secret, without printing it", async () => {
            const r = await runResourcePolicy(policy, configuration([byDefault(secret("ROT13-SECRET"))]));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("ROT13-SECRET");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the rules are unknown", async () => {
            const r = await runResourcePolicy(policy, configuration(UNKNOWN));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".rules");
        });

        it("cannot decide while a rule's algorithm is unknown", async () => {
            const r = await runResourcePolicy(policy, configuration([byDefault(UNKNOWN)]));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".rules.0.applyServerSideEncryptionByDefault.sseAlgorithm");
        });

        it("cannot decide while a bucket's inline configuration is unknown", async () => {
            const r = await runResourcePolicy(policy, bucket({ serverSideEncryptionConfiguration: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".serverSideEncryptionConfiguration");
        });

        it("cannot decide while one whole rule is unknown and the rest are fine", async () => {
            const r = await runResourcePolicy(policy, configuration([byDefault("AES256"), UNKNOWN]));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".rules.1");
        });

        it("still fails a downgrade when another rule is unknown", async () => {
            expect((await runResourcePolicy(policy, configuration([UNKNOWN, byDefault("NONE")]))).verdict).toBe("fail");
        });

        it("passes a known algorithm whatever its unknown key id", async () => {
            expect((await runResourcePolicy(policy, configuration([byDefault("aws:kms", { kmsMasterKeyId: UNKNOWN })]))).verdict).toBe("pass");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, bucket(), { allowedAlgorithms: ["AES256"] })).rejects.toThrow(
                "config key 'allowedAlgorithms' is not a setting of this policy (it takes none)",
            );
        });
    });
});
