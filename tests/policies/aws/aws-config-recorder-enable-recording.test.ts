import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-config-recorder-enable-recording";
import { runStackPolicy, type StackResourceInput, UNKNOWN } from "../../harness";

const RECORDER = "aws:cfg/recorder:Recorder";
const STATUS = "aws:cfg/recorderStatus:RecorderStatus";
const RETENTION = "aws:cfg/retentionConfiguration:RetentionConfiguration";
const ROLE = "arn:aws:iam::111122223333:role/config";
const EVERYTHING = { allSupported: true, includeGlobalResourceTypes: true };

const recorder = (props: Record<string, unknown> = {}, name = "recorder"): StackResourceInput => ({
    type: RECORDER,
    name,
    props: { name: "main", roleArn: ROLE, recordingGroup: EVERYTHING, ...props },
});
/** A status joined by property dependency (`name: recorder.name`, unknown in preview). */
const statusFor = (target: string, isEnabled: unknown = true, name = `${target}-on`): StackResourceInput => ({
    type: STATUS,
    name,
    props: { name: UNKNOWN, isEnabled },
    propertyDependencies: { name: [target] },
});
const statusNamed = (recorderName: string, isEnabled: unknown = true): StackResourceInput => ({ type: STATUS, name: "on", props: { name: recorderName, isEnabled } });

describe("aws-config-recorder-enable-recording", () => {
    describe("passes", () => {
        it("when a recorder of every resource type is turned on by a status joined by property dependency", async () => {
            expect((await runStackPolicy(policy, [recorder(), statusFor("recorder")])).verdict).toBe("pass");
        });

        it("when the status names the recorder literally, and when both use the default name", async () => {
            expect((await runStackPolicy(policy, [recorder(), statusNamed("main")])).verdict).toBe("pass");
            expect((await runStackPolicy(policy, [recorder({ name: undefined }), statusNamed("default")])).verdict).toBe("pass");
        });

        it("when `allSupported` is left at its default (true)", async () => {
            expect((await runStackPolicy(policy, [recorder({ recordingGroup: { includeGlobalResourceTypes: true } }), statusFor("recorder")])).verdict).toBe("pass");
        });

        it("when a retention configuration keeps the history long enough", async () => {
            expect((await runStackPolicy(policy, [{ type: RETENTION, name: "keep", props: { retentionPeriodInDays: 2557 } }])).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when nothing turns the recorder on", async () => {
            const r = await runStackPolicy(policy, [recorder()]);
            expect(r.verdict).toBe("fail");
            expect(r.diagnostics[0]?.message).toContain("no RecorderStatus in this stack turns this recorder on");
        });

        it("when a status names another recorder", async () => {
            expect((await runStackPolicy(policy, [recorder(), statusNamed("other")])).violating).toEqual(["recorder"]);
        });

        it("when its status has `isEnabled` false", async () => {
            const r = await runStackPolicy(policy, [recorder(), statusFor("recorder", false)]);
            expect(r.diagnostics[0]?.message).toContain("`isEnabled` false");
        });

        it("when it records only selected resource types", async () => {
            const r = await runStackPolicy(policy, [recorder({ recordingGroup: { allSupported: false, resourceTypes: ["AWS::S3::Bucket"] } }), statusFor("recorder")]);
            expect(r.diagnostics.map((d) => d.message).join()).toContain("`recordingGroup.allSupported` is false");
        });

        it("when it leaves out global resource types (the default), or says nothing about the recording group", async () => {
            for (const recordingGroup of [{ allSupported: true }, undefined]) {
                const r = await runStackPolicy(policy, [recorder({ recordingGroup }), statusFor("recorder")]);
                expect(r.diagnostics.map((d) => d.message).join()).toContain("`recordingGroup.includeGlobalResourceTypes` is not true");
            }
        });

        it("when a retention configuration is shorter than the minimum", async () => {
            const r = await runStackPolicy(policy, [{ type: RETENTION, name: "short", props: { retentionPeriodInDays: 30 } }]);
            expect(r.violating).toEqual(["short"]);
            expect(r.diagnostics[0]?.message).toContain("shorter than 365 days");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the status's `isEnabled` is unknown", async () => {
            const r = await runStackPolicy(policy, [recorder(), statusFor("recorder", UNKNOWN)]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics[0]?.message).toContain("`isEnabled`");
        });

        it("cannot decide while a status's recorder is unknown and comes from no recorder of the stack", async () => {
            const r = await runStackPolicy(policy, [recorder(), { type: STATUS, name: "somewhere", props: { name: UNKNOWN, isEnabled: true } }]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics[0]?.message).toContain("somewhere");
        });

        it("cannot decide while `includeGlobalResourceTypes` is unknown, but still fails `allSupported: false`", async () => {
            expect((await runStackPolicy(policy, [recorder({ recordingGroup: { includeGlobalResourceTypes: UNKNOWN } }), statusFor("recorder")])).verdict).toBe("unknown");
            const r = await runStackPolicy(policy, [recorder({ recordingGroup: { allSupported: false, includeGlobalResourceTypes: UNKNOWN } }), statusFor("recorder")]);
            expect(r.verdict).toBe("fail");
        });
    });

    describe("config", () => {
        it("`requireGlobalResourceTypes: false` accepts a recorder without global resource types", async () => {
            const r = await runStackPolicy(policy, [recorder({ recordingGroup: { allSupported: true } }), statusFor("recorder")], { requireGlobalResourceTypes: false });
            expect(r.verdict).toBe("pass");
        });

        it("`minimumRetentionDays` sets the shortest retention", async () => {
            const short = { type: RETENTION, name: "short", props: { retentionPeriodInDays: 90 } };
            expect((await runStackPolicy(policy, [short], { minimumRetentionDays: 30 })).verdict).toBe("pass");
            expect((await runStackPolicy(policy, [short], { minimumRetentionDays: 180 })).verdict).toBe("fail");
        });

        it("rejects a minimum AWS does not accept", async () => {
            await expect(runStackPolicy(policy, [recorder()], { minimumRetentionDays: 7 })).rejects.toThrow("minimumRetentionDays");
        });
    });
});
