import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-redshift-cluster-enable-audit-logging";
import { runStackPolicy, type StackResourceInput, UNKNOWN } from "../../harness";

const CLUSTER = "aws:redshift/cluster:Cluster";
const LOGGING = "aws:redshift/logging:Logging";
const cluster = (name: string): StackResourceInput => ({ type: CLUSTER, name, props: { clusterIdentifier: name, nodeType: "ra3.xlplus" } });
const logging = (name: string, props: Record<string, unknown>, dependsOn?: string): StackResourceInput => ({
    type: LOGGING,
    name,
    props,
    ...(dependsOn ? { propertyDependencies: { clusterIdentifier: [dependsOn] } } : {}),
});

describe("aws-redshift-cluster-enable-audit-logging", () => {
    describe("passes", () => {
        it("a cluster logging to CloudWatch Logs, joined by its literal identifier", async () => {
            const r = await runStackPolicy(policy, [cluster("warehouse"), logging("audit", { clusterIdentifier: "warehouse", logDestinationType: "cloudwatch", logExports: ["connectionlog", "userlog"] })]);
            expect(r.verdict).toBe("pass");
        });

        it("a cluster logging to S3, joined by property dependency", async () => {
            const r = await runStackPolicy(policy, [cluster("warehouse"), logging("audit", { clusterIdentifier: UNKNOWN, bucketName: UNKNOWN }, "warehouse")]);
            expect(r.verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("a cluster without audit logging", async () => {
            const r = await runStackPolicy(policy, [cluster("warehouse"), cluster("logged"), logging("audit", { clusterIdentifier: "logged", bucketName: "audit-logs" })]);
            expect(r.violating).toEqual(["warehouse"]);
            expect(r.diagnostics[0]?.message).toContain("no aws.redshift.Logging in this stack has a `clusterIdentifier` referring to this cluster");
        });

        it("a Logging to CloudWatch Logs without log types", async () => {
            const r = await runStackPolicy(policy, [cluster("warehouse"), logging("audit", { clusterIdentifier: "warehouse", logDestinationType: "cloudwatch" })]);
            expect(r.verdict).toBe("fail");
            expect(r.diagnostics[0]?.message).toContain("`logExports` is empty");
        });

        it("a Logging without a destination", async () => {
            const r = await runStackPolicy(policy, [cluster("warehouse"), logging("audit", { clusterIdentifier: "warehouse" })]);
            expect(r.diagnostics[0]?.message).toContain("names no `bucketName`");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while a Logging's cluster is unknown", async () => {
            expect((await runStackPolicy(policy, [cluster("warehouse"), logging("audit", { clusterIdentifier: UNKNOWN, bucketName: "b" })])).verdict).toBe("unknown");
        });

        it("cannot decide while the destination type is unknown", async () => {
            expect((await runStackPolicy(policy, [cluster("warehouse"), logging("audit", { clusterIdentifier: "warehouse", logDestinationType: UNKNOWN })])).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runStackPolicy(policy, [cluster("warehouse")], { bucket: "x" })).rejects.toThrow("config key 'bucket' is not a setting of this policy (it takes none)");
        });
    });
});
