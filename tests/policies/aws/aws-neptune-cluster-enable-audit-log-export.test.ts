import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-neptune-cluster-enable-audit-log-export";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const cluster = (props: Record<string, unknown>) => ({ type: "aws:neptune/cluster:Cluster", props });

describe("aws-neptune-cluster-enable-audit-log-export", () => {
    describe("passes", () => {
        it("when the cluster publishes its audit log", async () => {
            expect((await runResourcePolicy(policy, cluster({ enableCloudwatchLogsExports: ["slowquery", "audit"] }))).verdict).toBe("pass");
        });

        it("when the export list is a single string", async () => {
            expect((await runResourcePolicy(policy, cluster({ enableCloudwatchLogsExports: "audit" }))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when the cluster publishes no logs (the default)", async () => {
            const r = await runResourcePolicy(policy, cluster({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain('`enableCloudwatchLogsExports` does not contain "audit", so the Neptune cluster does not publish that log');
        });

        it("when it publishes only the slowquery log", async () => {
            expect((await runResourcePolicy(policy, cluster({ enableCloudwatchLogsExports: ["slowquery"] }))).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the export list is unknown", async () => {
            const r = await runResourcePolicy(policy, cluster({ enableCloudwatchLogsExports: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("enableCloudwatchLogsExports");
        });

        it("fails no sooner than it knows: an unknown element may be audit", async () => {
            expect((await runResourcePolicy(policy, cluster({ enableCloudwatchLogsExports: ["slowquery", UNKNOWN] }))).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, cluster({}), { logs: "audit" })).rejects.toThrow("config key 'logs' is not a setting of this policy (it takes none)");
        });
    });
});
