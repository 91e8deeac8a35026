import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-docdb-cluster-enable-audit-log-export";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const cluster = (props: Record<string, unknown>) => ({ type: "aws:docdb/cluster:Cluster", props });

describe("aws-docdb-cluster-enable-audit-log-export", () => {
    describe("passes", () => {
        it("when the cluster publishes its audit log", async () => {
            expect((await runResourcePolicy(policy, cluster({ enabledCloudwatchLogsExports: ["profiler", "audit"] }))).verdict).toBe("pass");
        });

        it("when the export list is a single string", async () => {
            expect((await runResourcePolicy(policy, cluster({ enabledCloudwatchLogsExports: "audit" }))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when the cluster publishes no logs (the default)", async () => {
            const r = await runResourcePolicy(policy, cluster({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain('`enabledCloudwatchLogsExports` does not contain "audit", so the DocumentDB cluster does not publish that log');
        });

        it("when it publishes only the profiler log", async () => {
            expect((await runResourcePolicy(policy, cluster({ enabledCloudwatchLogsExports: ["profiler"] }))).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the export list is unknown", async () => {
            const r = await runResourcePolicy(policy, cluster({ enabledCloudwatchLogsExports: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("enabledCloudwatchLogsExports");
        });

        it("fails no sooner than it knows: an unknown element may be audit", async () => {
            expect((await runResourcePolicy(policy, cluster({ enabledCloudwatchLogsExports: ["profiler", UNKNOWN] }))).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, cluster({}), { logs: "audit" })).rejects.toThrow("config key 'logs' is not a setting of this policy (it takes none)");
        });
    });
});
