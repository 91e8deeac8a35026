import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-athena-workgroup-enable-cloudwatch-metrics";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const workgroup = (configuration?: unknown) => ({ type: "aws:athena/workgroup:Workgroup", props: { name: "analysts", ...(configuration === undefined ? {} : { configuration }) } });

describe("aws-athena-workgroup-enable-cloudwatch-metrics", () => {
    describe("passes", () => {
        it("a workgroup that says nothing (metrics default to on)", async () => {
            expect((await runResourcePolicy(policy, workgroup())).verdict).toBe("pass");
            expect((await runResourcePolicy(policy, workgroup({ enforceWorkgroupConfiguration: true }))).verdict).toBe("pass");
        });

        it("a workgroup that publishes metrics", async () => {
            expect((await runResourcePolicy(policy, workgroup({ publishCloudwatchMetricsEnabled: true }))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("a workgroup that turns metrics off", async () => {
            const r = await runResourcePolicy(policy, workgroup({ publishCloudwatchMetricsEnabled: false }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`configuration.publishCloudwatchMetricsEnabled` is false");
        });

        it("a workgroup that turns metrics off with the string \"false\"", async () => {
            expect((await runResourcePolicy(policy, workgroup({ publishCloudwatchMetricsEnabled: "false" }))).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the flag is unknown", async () => {
            expect((await runResourcePolicy(policy, workgroup({ publishCloudwatchMetricsEnabled: UNKNOWN }))).verdict).toBe("unknown");
            expect((await runResourcePolicy(policy, workgroup(UNKNOWN))).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, workgroup(), { metrics: true })).rejects.toThrow("config key 'metrics' is not a setting of this policy (it takes none)");
        });
    });
});
