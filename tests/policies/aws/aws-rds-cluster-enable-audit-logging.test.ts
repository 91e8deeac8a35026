import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-rds-cluster-enable-audit-logging";
import { runStackPolicy, type StackResourceInput, UNKNOWN } from "../../harness";

const CLUSTER = "aws:rds/cluster:Cluster";
const PARAMETER_GROUP = "aws:rds/clusterParameterGroup:ClusterParameterGroup";
const AUDIT = [{ name: "server_audit_logging", value: "1" }, { name: "server_audit_events", value: "CONNECT,QUERY_DDL" }];
const group = (name: string, parameters: unknown = AUDIT, props: Record<string, unknown> = {}): StackResourceInput => ({ type: PARAMETER_GROUP, name, props: { name, family: "aurora-mysql8.0", parameters, ...props } });
const cluster = (name: string, props: Record<string, unknown>, propertyDependencies?: Record<string, string[]>): StackResourceInput => ({
    type: CLUSTER,
    name,
    props: { engine: "aurora-mysql", ...props },
    ...(propertyDependencies ? { propertyDependencies } : {}),
});

describe("aws-rds-cluster-enable-audit-logging", () => {
    describe("passes", () => {
        it("an Aurora MySQL cluster whose group (by literal name) audits", async () => {
            expect((await runStackPolicy(policy, [group("audit"), cluster("orders", { dbClusterParameterGroupName: "audit" })])).verdict).toBe("pass");
        });

        it("a cluster joined to an auto-named group by property dependency", async () => {
            const r = await runStackPolicy(policy, [group("audit", AUDIT, { name: undefined }), cluster("orders", { dbClusterParameterGroupName: UNKNOWN }, { dbClusterParameterGroupName: ["audit"] })]);
            expect(r.verdict).toBe("pass");
        });

        it("an Aurora PostgreSQL cluster, and a cluster naming a group outside the stack, are not judged", async () => {
            const r = await runStackPolicy(policy, [cluster("pg", { engine: "aurora-postgresql" }), cluster("elsewhere", { dbClusterParameterGroupName: "shared-audit" })]);
            expect(r.verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("an Aurora MySQL cluster on the default parameter group", async () => {
            const r = await runStackPolicy(policy, [cluster("orders", {})]);
            expect(r.violating).toEqual(["orders"]);
            expect(r.diagnostics[0]?.message).toContain("uses the default parameter group");
        });

        it("a group that leaves server_audit_logging at 0, and one without events", async () => {
            const r = await runStackPolicy(policy, [
                group("off", [{ name: "server_audit_logging", value: "0" }, { name: "server_audit_events", value: "CONNECT" }]),
                group("no-events", [{ name: "server_audit_logging", value: "1" }]),
                cluster("a", { dbClusterParameterGroupName: "off" }),
                cluster("b", { dbClusterParameterGroupName: "no-events" }),
            ]);
            expect(r.violating).toEqual(["a", "b"]);
            expect(r.diagnostics.map((d) => d.message).join()).toContain("does not set `server_audit_logging` to 1");
            expect(r.diagnostics.map((d) => d.message).join()).toContain("leaves `server_audit_events` empty");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the cluster's parameter group name is unknown and nothing says where it came from", async () => {
            expect((await runStackPolicy(policy, [cluster("orders", { dbClusterParameterGroupName: UNKNOWN })])).verdict).toBe("unknown");
        });

        it("cannot decide while a parameter value is unknown", async () => {
            const r = await runStackPolicy(policy, [group("audit", [{ name: "server_audit_logging", value: UNKNOWN }, { name: "server_audit_events", value: "CONNECT" }]), cluster("orders", { dbClusterParameterGroupName: "audit" })]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics[0]?.resource).toBe("orders");
        });

        it("cannot decide while the engine is unknown", async () => {
            expect((await runStackPolicy(policy, [cluster("orders", { engine: UNKNOWN })])).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runStackPolicy(policy, [cluster("orders", {})], { events: "CONNECT" })).rejects.toThrow("config key 'events' is not a setting of this policy (it takes none)");
        });
    });
});
