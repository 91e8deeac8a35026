import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-rds-instance-enable-log-exports";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const TYPE = "aws:rds/instance:Instance";
const instance = (props: Record<string, unknown>) => ({ type: TYPE, props: { instanceClass: "db.t4g.micro", ...props } });

describe("aws-rds-instance-enable-log-exports", () => {
    it("is advisory by default (FSBP-only; many databases run without general or slow-query logs)", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it.each([
            ["PostgreSQL with postgresql and upgrade", { engine: "postgres", enabledCloudwatchLogsExports: ["postgresql", "upgrade"] }],
            ["MySQL with all four logs", { engine: "mysql", enabledCloudwatchLogsExports: ["audit", "error", "general", "slowquery"] }],
            ["MariaDB with all four logs, in another case", { engine: "MariaDB", enabledCloudwatchLogsExports: ["AUDIT", "error", "general", "slowquery"] }],
            ["SQL Server with error and agent", { engine: "sqlserver-ee", enabledCloudwatchLogsExports: ["agent", "error"] }],
            ["Oracle with alert, audit, trace and listener", { engine: "oracle-ee", enabledCloudwatchLogsExports: ["alert", "audit", "trace", "listener"] }],
            ["an Aurora instance (judged on its cluster)", { engine: "aurora-postgresql", clusterIdentifier: "orders" }],
            ["a Db2 instance (no RDS.9 log set)", { engine: "db2-se" }],
            ["a read replica that takes its engine from its source", { replicateSourceDb: "orders" }],
        ])("%s", async (_, props) => {
            expect((await runResourcePolicy(policy, instance(props))).verdict).toBe("pass");
        });

        it("when the required logs are known even though another element is unknown", async () => {
            expect((await runResourcePolicy(policy, instance({ engine: "postgres", enabledCloudwatchLogsExports: ["postgresql", "upgrade", UNKNOWN] }))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("a MySQL instance that publishes nothing (the default), naming every missing log", async () => {
            const r = await runResourcePolicy(policy, instance({ engine: "mysql" }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain('`enabledCloudwatchLogsExports` does not contain "audit", "error", "general", "slowquery"');
            expect(r.messages.join()).toContain("the MySQL instance");
        });

        it("a PostgreSQL instance without the upgrade log", async () => {
            const r = await runResourcePolicy(policy, instance({ engine: "postgres", enabledCloudwatchLogsExports: ["postgresql"] }));
            expect(r.messages.join()).toContain('does not contain "upgrade", so the PostgreSQL instance does not publish that log');
        });

        it("a SQL Server instance without the agent log", async () => {
            expect((await runResourcePolicy(policy, instance({ engine: "sqlserver-se", enabledCloudwatchLogsExports: ["error"] }))).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the engine is unknown", async () => {
            const r = await runResourcePolicy(policy, instance({ engine: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("engine");
        });

        it("cannot decide while the export list is unknown", async () => {
            expect((await runResourcePolicy(policy, instance({ engine: "postgres", enabledCloudwatchLogsExports: UNKNOWN }))).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, instance({ engine: "mysql" }), { logTypes: ["error"] })).rejects.toThrow("config key 'logTypes' is not a setting of this policy (it takes none)");
        });
    });
});
