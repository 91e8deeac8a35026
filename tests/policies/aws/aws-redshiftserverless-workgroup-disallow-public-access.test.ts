import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-redshiftserverless-workgroup-disallow-public-access";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "aws:redshiftserverless/workgroup:Workgroup";
const workgroup = (props: Record<string, unknown>) => ({ type: TYPE, props: { namespaceName: "analytics", workgroupName: "analytics", ...props } });

describe("aws-redshiftserverless-workgroup-disallow-public-access", () => {
    describe("passes", () => {
        it("when publiclyAccessible is left out", async () => {
            expect((await runResourcePolicy(policy, workgroup({}))).verdict).toBe("pass");
        });

        it("when publiclyAccessible is false", async () => {
            expect((await runResourcePolicy(policy, workgroup({ publiclyAccessible: false }))).verdict).toBe("pass");
        });

        it("ignores other resource types", async () => {
            expect((await runResourcePolicy(policy, { type: "aws:redshift/cluster:Cluster", props: { publiclyAccessible: true } })).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when publiclyAccessible is true", async () => {
            const r = await runResourcePolicy(policy, workgroup({ publiclyAccessible: true }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`publiclyAccessible` is true");
        });

        it("when publiclyAccessible is a secret 'true'", async () => {
            expect((await runResourcePolicy(policy, workgroup({ publiclyAccessible: secret("true") }))).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while publiclyAccessible is unknown", async () => {
            const r = await runResourcePolicy(policy, workgroup({ publiclyAccessible: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".publiclyAccessible");
        });
    });

    describe("config", () => {
        it("takes no settings: rejects any key, naming it", async () => {
            await expect(runResourcePolicy(policy, workgroup({}), { allowPublic: true })).rejects.toThrow("config key 'allowPublic'");
        });
    });
});
