import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-eks-cluster-enable-audit-logging";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const TYPE = "aws:eks/cluster:Cluster";
const cluster = (props: Record<string, unknown>) => ({ type: TYPE, props: { name: "prod", roleArn: "arn:aws:iam::111122223333:role/eks", ...props } });

describe("aws-eks-cluster-enable-audit-logging", () => {
    describe("passes", () => {
        it.each([
            ["logs audit events only", ["audit"]],
            ["logs every control plane log type", ["api", "audit", "authenticator", "controllerManager", "scheduler"]],
            ["logs audit events while another entry is unknown", [UNKNOWN, "audit"]],
        ])("when the cluster %s", async (_, enabledClusterLogTypes) => {
            expect((await runResourcePolicy(policy, cluster({ enabledClusterLogTypes }))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when the cluster sends no control plane logs (the default)", async () => {
            const r = await runResourcePolicy(policy, cluster({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`enabledClusterLogTypes` does not contain \"audit\"");
        });

        it.each([[[]], [["api", "authenticator"]]])("when the log types %j leave out audit", async (enabledClusterLogTypes) => {
            expect((await runResourcePolicy(policy, cluster({ enabledClusterLogTypes }))).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the log types are unknown", async () => {
            const r = await runResourcePolicy(policy, cluster({ enabledClusterLogTypes: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("enabledClusterLogTypes");
        });

        it("cannot decide while an entry is unknown and no known entry is audit", async () => {
            expect((await runResourcePolicy(policy, cluster({ enabledClusterLogTypes: ["api", UNKNOWN] }))).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, cluster({}), { logTypes: ["audit"] })).rejects.toThrow("config key 'logTypes' is not a setting of this policy (it takes none)");
        });
    });
});
