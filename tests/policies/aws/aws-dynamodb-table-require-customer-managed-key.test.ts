import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-dynamodb-table-require-customer-managed-key";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "aws:dynamodb/table:Table";
const KEY = "arn:aws:kms:ap-northeast-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const REPLICA_KEY = "arn:aws:kms:ap-northeast-3:111122223333:key/5678abcd-12ab-34cd-56ef-1234567890ab";
type Props = Record<string, unknown>;
const table = (props: Props) => ({ type: TYPE, props: { name: "orders", hashKey: "id", attributes: [{ name: "id", type: "S" }], ...props } });
const cmk: Props = { serverSideEncryption: { enabled: true, kmsKeyArn: KEY } };

describe("aws-dynamodb-table-require-customer-managed-key", () => {
    describe("passes", () => {
        it("when the table encrypts with a customer managed key", async () => {
            expect((await runResourcePolicy(policy, table(cmk))).verdict).toBe("pass");
        });

        it("when every replica names its own customer managed key", async () => {
            const r = await runResourcePolicy(policy, table({ ...cmk, replicas: [{ regionName: "ap-northeast-3", kmsKeyArn: REPLICA_KEY }] }));
            expect(r.verdict).toBe("pass");
        });

        it("ignores other resource types", async () => {
            expect((await runResourcePolicy(policy, { type: "aws:dynamodb/globalTable:GlobalTable", props: {} })).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when the table says nothing (AWS owned key)", async () => {
            const r = await runResourcePolicy(policy, table({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`serverSideEncryption` is not set, so DynamoDB encrypts with an AWS owned key");
        });

        it("when `serverSideEncryption.enabled` is false (AWS owned key)", async () => {
            const r = await runResourcePolicy(policy, table({ serverSideEncryption: { enabled: false } }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`serverSideEncryption.enabled` is not true");
        });

        it("when KMS is enabled without a key (AWS managed key)", async () => {
            const r = await runResourcePolicy(policy, table({ serverSideEncryption: { enabled: true } }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`kmsKeyArn` is not set, so DynamoDB uses the AWS managed key");
        });

        it.each([["alias/aws/dynamodb"], ["arn:aws:kms:ap-northeast-1:111122223333:alias/aws/dynamodb"]])(
            "when the key is the AWS managed %s",
            async (kmsKeyArn) => {
                const r = await runResourcePolicy(policy, table({ serverSideEncryption: { enabled: true, kmsKeyArn } }));
                expect(r.verdict).toBe("fail");
                expect(r.messages.join()).toContain("names an AWS managed key");
            },
        );

        it("when a replica has no key of its own", async () => {
            const r = await runResourcePolicy(policy, table({ ...cmk, replicas: [{ regionName: "ap-northeast-3" }] }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("a `replicas` entry: `kmsKeyArn` is not set");
        });

        it("when the key is a secret AWS managed alias, without printing it", async () => {
            const r = await runResourcePolicy(policy, table({ serverSideEncryption: { enabled: true, kmsKeyArn: secret("alias/aws/dynamodb") } }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("alias/aws/dynamodb");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the key is unknown", async () => {
            const r = await runResourcePolicy(policy, table({ serverSideEncryption: { enabled: true, kmsKeyArn: UNKNOWN } }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".serverSideEncryption.kmsKeyArn");
        });

        it("cannot decide while `enabled` is unknown", async () => {
            const r = await runResourcePolicy(policy, table({ serverSideEncryption: { enabled: UNKNOWN, kmsKeyArn: KEY } }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".serverSideEncryption.enabled");
        });

        it("still fails a replica without a key while the table's key is unknown", async () => {
            const r = await runResourcePolicy(policy, table({ serverSideEncryption: { enabled: true, kmsKeyArn: UNKNOWN }, replicas: [{ regionName: "ap-northeast-3" }] }));
            expect(r.verdict).toBe("fail");
        });
    });

    describe("config", () => {
        it("accepts the AWS managed key with `allowAwsManagedKey`", async () => {
            const r = await runResourcePolicy(policy, table({ serverSideEncryption: { enabled: true }, replicas: [{ regionName: "ap-northeast-3" }] }), { allowAwsManagedKey: true });
            expect(r.verdict).toBe("pass");
        });

        it("still fails the AWS owned key with `allowAwsManagedKey`", async () => {
            expect((await runResourcePolicy(policy, table({ serverSideEncryption: { enabled: false } }), { allowAwsManagedKey: true })).verdict).toBe("fail");
        });

        it("rejects a non-boolean setting, naming the key", async () => {
            await expect(runResourcePolicy(policy, table(cmk), { allowAwsManagedKey: "yes" })).rejects.toThrow("config key 'allowAwsManagedKey' must be a boolean");
        });

        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, table(cmk), { allowAwsOwnedKey: true })).rejects.toThrow("config key 'allowAwsOwnedKey'");
        });
    });
});
