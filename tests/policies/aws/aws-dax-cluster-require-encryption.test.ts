import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-dax-cluster-require-encryption";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "aws:dax/cluster:Cluster";
const cluster = (props: Record<string, unknown>) => ({ type: TYPE, props: { clusterName: "cache", nodeType: "dax.t3.small", replicationFactor: 1, ...props } });

describe("aws-dax-cluster-require-encryption", () => {
    describe("passes", () => {
        it("when server-side encryption is enabled", async () => {
            expect((await runResourcePolicy(policy, cluster({ serverSideEncryption: { enabled: true } }))).verdict).toBe("pass");
        });

        it("ignores other resource types", async () => {
            expect((await runResourcePolicy(policy, { type: "aws:dynamodb/table:Table", props: {} })).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when there is no `serverSideEncryption` block (DAX defaults to unencrypted)", async () => {
            const r = await runResourcePolicy(policy, cluster({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`serverSideEncryption` is not set");
        });

        it.each([["false", { enabled: false }], ["unset", {}]])("when `serverSideEncryption.enabled` is %s", async (_, block) => {
            const r = await runResourcePolicy(policy, cluster({ serverSideEncryption: block }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`serverSideEncryption.enabled` is not true");
        });

        it("when `enabled` is a secret false", async () => {
            expect((await runResourcePolicy(policy, cluster({ serverSideEncryption: { enabled: secret(false) } }))).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while `serverSideEncryption.enabled` is unknown", async () => {
            const r = await runResourcePolicy(policy, cluster({ serverSideEncryption: { enabled: UNKNOWN } }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".serverSideEncryption.enabled");
        });

        it("fails a block that is off even while another block is unknown (an unknown never hides a known violation)", async () => {
            // Before the verdict framework the check stopped at the unknown block: the SDK then got the violation and
            // a "can't run during preview" together; now the known violation decides.
            const r = await runResourcePolicy(policy, cluster({ serverSideEncryption: [{ enabled: false }, { enabled: UNKNOWN }] }));
            expect(r.verdict).toBe("fail");
            expect(r.messages).toEqual(["`serverSideEncryption.enabled` is not true; set it to true."]);
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, cluster({}), { enabled: true })).rejects.toThrow(
                "config key 'enabled' is not a setting of this policy (it takes none)",
            );
        });
    });
});
