import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-redshift-cluster-disallow-public-access";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "aws:redshift/cluster:Cluster";
const cluster = (props: Record<string, unknown>) => ({ type: TYPE, props: { clusterIdentifier: "warehouse", nodeType: "ra3.xlplus", ...props } });

describe("aws-redshift-cluster-disallow-public-access", () => {
    describe("passes", () => {
        it("when publiclyAccessible is left out (@pulumi/aws v7 defaults it to false)", async () => {
            expect((await runResourcePolicy(policy, cluster({}))).verdict).toBe("pass");
        });

        it("when publiclyAccessible is false", async () => {
            expect((await runResourcePolicy(policy, cluster({ publiclyAccessible: false }))).verdict).toBe("pass");
        });

        it("ignores other resource types", async () => {
            expect((await runResourcePolicy(policy, { type: "aws:rds/instance:Instance", props: { publiclyAccessible: true } })).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when publiclyAccessible is true", async () => {
            const r = await runResourcePolicy(policy, cluster({ publiclyAccessible: true }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`publiclyAccessible` is true");
        });

        it("when publiclyAccessible is the string 'TRUE'", async () => {
            expect((await runResourcePolicy(policy, cluster({ publiclyAccessible: "TRUE" }))).verdict).toBe("fail");
        });

        it("when publiclyAccessible is a secret, without printing other secrets", async () => {
            const r = await runResourcePolicy(policy, cluster({ publiclyAccessible: secret(true), masterPassword: secret("Sup3rSecretPw") }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("Sup3rSecretPw");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while publiclyAccessible is unknown", async () => {
            const r = await runResourcePolicy(policy, cluster({ publiclyAccessible: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".publiclyAccessible");
        });

        it("decides while other values are unknown", async () => {
            expect((await runResourcePolicy(policy, cluster({ publiclyAccessible: false, clusterSubnetGroupName: UNKNOWN }))).verdict).toBe("pass");
        });
    });

    describe("config", () => {
        it("takes no settings: rejects any key, naming it", async () => {
            await expect(runResourcePolicy(policy, cluster({}), { allowPublic: true })).rejects.toThrow("config key 'allowPublic'");
        });
    });
});
