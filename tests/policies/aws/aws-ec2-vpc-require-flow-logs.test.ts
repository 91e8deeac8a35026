import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-ec2-vpc-require-flow-logs";
import { runStackPolicy, type StackResourceInput, UNKNOWN } from "../../harness";

const VPC = "aws:ec2/vpc:Vpc";
const DEFAULT_VPC = "aws:ec2/defaultVpc:DefaultVpc";
const FLOW_LOG = "aws:ec2/flowLog:FlowLog";

const vpc = (name: string, type = VPC): StackResourceInput => ({ type, name, props: { cidrBlock: "10.0.0.0/16" } });
/** A flow log joined to `target` by property dependency (its `vpcId` is the VPC's id, unknown in preview). */
const flowLogFor = (name: string, target: string, props: Record<string, unknown> = { trafficType: "ALL" }): StackResourceInput => ({
    type: FLOW_LOG,
    name,
    props: { vpcId: UNKNOWN, logDestinationType: "s3", logDestination: "arn:aws:s3:::flow-logs", ...props },
    propertyDependencies: { vpcId: [target] },
});

describe("aws-ec2-vpc-require-flow-logs", () => {
    describe("passes", () => {
        it.each([["ALL"], ["REJECT"], ["reject"]])("when the VPC's flow log records %s traffic", async (trafficType) => {
            expect((await runStackPolicy(policy, [vpc("main"), flowLogFor("main-flow", "main", { trafficType })])).verdict).toBe("pass");
        });

        it("when one of several flow logs of the VPC records rejected traffic", async () => {
            const r = await runStackPolicy(policy, [vpc("main"), flowLogFor("accepts", "main", { trafficType: "ACCEPT" }), flowLogFor("rejects", "main", { trafficType: "REJECT" })]);
            expect(r.verdict).toBe("pass");
        });

        it("when the adopted default VPC has a flow log", async () => {
            expect((await runStackPolicy(policy, [vpc("default", DEFAULT_VPC), flowLogFor("default-flow", "default")])).verdict).toBe("pass");
        });

        it("when the stack has no VPC (a flow log on a VPC of another stack is not judged)", async () => {
            expect((await runStackPolicy(policy, [{ type: FLOW_LOG, name: "other", props: { vpcId: "vpc-0abc", trafficType: "ACCEPT" } }])).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when a VPC has no flow log, naming the VPC and the fix", async () => {
            const r = await runStackPolicy(policy, [vpc("main"), vpc("logged"), flowLogFor("logged-flow", "logged")]);
            expect(r.verdict).toBe("fail");
            expect(r.violating).toEqual(["main"]);
            expect(r.diagnostics[0]?.message).toContain("no FlowLog in this stack has a `vpcId` referring to this VPC");
        });

        it("when the VPC's flow logs record only accepted traffic", async () => {
            const r = await runStackPolicy(policy, [vpc("main"), flowLogFor("main-flow", "main", { trafficType: "ACCEPT" })]);
            expect(r.verdict).toBe("fail");
            expect(r.diagnostics[0]?.message).toContain("record only accepted traffic");
        });

        it("when a flow log names a literal VPC id (a VPC outside the stack) and the stack's VPC has none", async () => {
            const r = await runStackPolicy(policy, [vpc("main"), { type: FLOW_LOG, name: "elsewhere", props: { vpcId: "vpc-0abc", trafficType: "ALL" } }]);
            expect(r.violating).toEqual(["main"]);
        });

        it("when a flow log covers a subnet, not the VPC", async () => {
            const r = await runStackPolicy(policy, [vpc("main"), { type: FLOW_LOG, name: "subnet-flow", props: { subnetId: UNKNOWN, trafficType: "ALL" }, propertyDependencies: { subnetId: ["main"] } }]);
            expect(r.violating).toEqual(["main"]);
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the traffic type of the VPC's flow log is unknown", async () => {
            const r = await runStackPolicy(policy, [vpc("main"), flowLogFor("main-flow", "main", { trafficType: UNKNOWN })]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics[0]?.message).toContain("`trafficType`");
        });

        it("cannot decide while a flow log's VPC is unknown and comes from no resource of the stack", async () => {
            const r = await runStackPolicy(policy, [vpc("main"), { type: FLOW_LOG, name: "somewhere", props: { vpcId: UNKNOWN, trafficType: "ALL" } }]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics[0]?.message).toContain("somewhere");
        });

        it("still fails a VPC whose only flow log records accepted traffic when another flow log's VPC is unknown", async () => {
            const r = await runStackPolicy(policy, [
                vpc("main"),
                flowLogFor("main-flow", "main", { trafficType: UNKNOWN }),
                vpc("other"),
                flowLogFor("other-flow", "other", { trafficType: "ACCEPT" }),
            ]);
            expect(r.violating).toEqual(["other"]);
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runStackPolicy(policy, [vpc("main")], { trafficTypes: ["ALL"] })).rejects.toThrow("config key 'trafficTypes' is not a setting of this policy (it takes none)");
        });
    });
});
