import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-rds-cluster-enable-log-exports";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const TYPE = "aws:rds/cluster:Cluster";
const cluster = (props: Record<string, unknown>) => ({ type: TYPE, props });

describe("aws-rds-cluster-enable-log-exports", () => {
    describe("passes", () => {
        it.each([
            ["an Aurora MySQL cluster that publishes its audit log", { engine: "aurora-mysql", enabledCloudwatchLogsExports: ["audit"] }],
            ["an Aurora PostgreSQL cluster that publishes its postgresql log", { engine: "aurora-postgresql", enabledCloudwatchLogsExports: ["postgresql"] }],
            ["a Multi-AZ DB cluster of RDS for MySQL (not an Aurora cluster)", { engine: "mysql" }],
        ])("%s", async (_, props) => {
            expect((await runResourcePolicy(policy, cluster(props))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("an Aurora MySQL cluster that publishes nothing (the default)", async () => {
            const r = await runResourcePolicy(policy, cluster({ engine: "aurora-mysql" }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain('does not contain "audit", so the Aurora MySQL cluster does not publish that log');
        });

        it("a legacy aurora (MySQL 5.6) cluster that publishes only the error log", async () => {
            expect((await runResourcePolicy(policy, cluster({ engine: "aurora", enabledCloudwatchLogsExports: ["error"] }))).verdict).toBe("fail");
        });

        it("an Aurora PostgreSQL cluster with an empty export list", async () => {
            const r = await runResourcePolicy(policy, cluster({ engine: "aurora-postgresql", enabledCloudwatchLogsExports: [] }));
            expect(r.messages.join()).toContain('"postgresql"');
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the engine is unknown", async () => {
            expect((await runResourcePolicy(policy, cluster({ engine: UNKNOWN }))).verdict).toBe("unknown");
        });

        it("cannot decide while an element of the export list is unknown", async () => {
            const r = await runResourcePolicy(policy, cluster({ engine: "aurora-mysql", enabledCloudwatchLogsExports: ["error", UNKNOWN] }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("enabledCloudwatchLogsExports");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, cluster({ engine: "aurora-mysql" }), { audit: true })).rejects.toThrow("config key 'audit' is not a setting of this policy (it takes none)");
        });
    });
});
