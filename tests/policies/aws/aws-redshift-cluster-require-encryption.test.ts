import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-redshift-cluster-require-encryption";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "aws:redshift/cluster:Cluster";
const cluster = (props: Record<string, unknown>) => ({ type: TYPE, props: { clusterIdentifier: "warehouse", nodeType: "ra3.xlplus", ...props } });

describe("aws-redshift-cluster-require-encryption", () => {
    describe("passes", () => {
        it.each([
            ["leaves `encrypted` unset (defaults to true)", {}],
            ["says \"true\"", { encrypted: "true" }],
            ["says \"TRUE\"", { encrypted: "TRUE" }],
            ["says true as a boolean", { encrypted: true }],
            ["names a customer managed key", { encrypted: "true", kmsKeyId: "arn:aws:kms:ap-northeast-1:111122223333:key/k1" }],
        ])("when the cluster %s", async (_, props) => {
            expect((await runResourcePolicy(policy, cluster(props))).verdict).toBe("pass");
        });

        it("ignores other resource types", async () => {
            expect((await runResourcePolicy(policy, { type: "aws:redshiftserverless/namespace:Namespace", props: { encrypted: "false" } })).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it.each([["\"false\"", "false"], ["\"False\"", "False"], ["false as a boolean", false], ["something else", "no"]])(
            "when `encrypted` is %s",
            async (_, encrypted) => {
                const r = await runResourcePolicy(policy, cluster({ encrypted }));
                expect(r.verdict).toBe("fail");
                expect(r.messages.join()).toContain("`encrypted` is not true");
            },
        );

        it("when `encrypted` is a secret \"false\", without printing secrets", async () => {
            const r = await runResourcePolicy(policy, cluster({ encrypted: secret("false"), masterPassword: secret("hunter2-secret") }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("hunter2-secret");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while `encrypted` is unknown", async () => {
            const r = await runResourcePolicy(policy, cluster({ encrypted: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".encrypted");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, cluster({}), { requireKms: true })).rejects.toThrow(
                "config key 'requireKms' is not a setting of this policy (it takes none)",
            );
        });
    });
});
