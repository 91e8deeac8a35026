import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-rds-instance-require-storage-encryption";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "aws:rds/instance:Instance";
type Props = Record<string, unknown>;
const base: Props = { engine: "postgres", instanceClass: "db.t4g.micro", allocatedStorage: 20 };
const instance = (props: Props) => ({ type: TYPE, props: { ...base, ...props } });
const replica = (props: Props) => ({ type: TYPE, props: { instanceClass: "db.t4g.micro", replicateSourceDb: "orders-primary", ...props } });

describe("aws-rds-instance-require-storage-encryption", () => {
    describe("passes", () => {
        it("when storage is encrypted", async () => {
            expect((await runResourcePolicy(policy, instance({ storageEncrypted: true }))).verdict).toBe("pass");
        });

        it("when storage is encrypted with a customer managed key", async () => {
            const r = await runResourcePolicy(policy, instance({ storageEncrypted: true, kmsKeyId: "arn:aws:kms:ap-northeast-1:111122223333:key/k1" }));
            expect(r.verdict).toBe("pass");
        });

        it.each([["aurora-postgresql"], ["aurora-mysql"], ["Aurora-MySQL"]])("for an %s instance, whose cluster decides", async (engine) => {
            expect((await runResourcePolicy(policy, instance({ engine }))).verdict).toBe("pass");
        });

        it("for a read replica that inherits its source's encryption", async () => {
            expect((await runResourcePolicy(policy, replica({}))).verdict).toBe("pass");
        });

        it("ignores other resource types", async () => {
            expect((await runResourcePolicy(policy, { type: "aws:rds/cluster:Cluster", props: { storageEncrypted: false } })).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when `storageEncrypted` is false", async () => {
            const r = await runResourcePolicy(policy, instance({ storageEncrypted: false }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`storageEncrypted` is not true; set it to true.");
        });

        it("when `storageEncrypted` is not set", async () => {
            const r = await runResourcePolicy(policy, instance({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("RDS does not encrypt DB instances by default");
        });

        it("when only a key is given", async () => {
            expect((await runResourcePolicy(policy, instance({ kmsKeyId: "arn:aws:kms:ap-northeast-1:111122223333:key/k1" }))).verdict).toBe("fail");
        });

        it("when a read replica says `storageEncrypted: false`", async () => {
            expect((await runResourcePolicy(policy, replica({ storageEncrypted: false }))).verdict).toBe("fail");
        });

        it("when `storageEncrypted` is a secret false, without printing it", async () => {
            const r = await runResourcePolicy(policy, instance({ storageEncrypted: secret(false), password: secret("hunter2-secret") }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("hunter2-secret");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while `storageEncrypted` is unknown", async () => {
            const r = await runResourcePolicy(policy, instance({ storageEncrypted: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".storageEncrypted");
        });

        it("cannot decide an unencrypted instance while its engine is unknown (it may be Aurora)", async () => {
            const r = await runResourcePolicy(policy, instance({ engine: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".engine");
        });

        it("cannot decide an unset `storageEncrypted` while `replicateSourceDb` is unknown", async () => {
            const r = await runResourcePolicy(policy, replica({ replicateSourceDb: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".replicateSourceDb");
        });

        it("still passes an encrypted instance whose engine is unknown", async () => {
            expect((await runResourcePolicy(policy, instance({ engine: UNKNOWN, storageEncrypted: true }))).verdict).toBe("pass");
        });

        it("still fails `storageEncrypted: false` when the replica source is unknown", async () => {
            expect((await runResourcePolicy(policy, replica({ replicateSourceDb: UNKNOWN, storageEncrypted: false }))).verdict).toBe("fail");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, instance({ storageEncrypted: true }), { skipAurora: false })).rejects.toThrow(
                "config key 'skipAurora' is not a setting of this policy (it takes none)",
            );
        });
    });
});
