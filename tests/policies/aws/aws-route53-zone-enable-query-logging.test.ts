import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-route53-zone-enable-query-logging";
import { runStackPolicy, type StackResourceInput, UNKNOWN } from "../../harness";

const ZONE = "aws:route53/zone:Zone";
const QUERY_LOG = "aws:route53/queryLog:QueryLog";
const zone = (name: string, props: Record<string, unknown> = {}): StackResourceInput => ({ type: ZONE, name, props: { name: `${name}.example`, ...props } });
const queryLogFor = (name: string, target: string): StackResourceInput => ({
    type: QUERY_LOG,
    name,
    props: { zoneId: UNKNOWN, cloudwatchLogGroupArn: "arn:aws:logs:us-east-1:111122223333:log-group:/aws/route53/zone" },
    propertyDependencies: { zoneId: [target] },
});

describe("aws-route53-zone-enable-query-logging", () => {
    it("is advisory by default (FSBP-only; many zones run without query logs)", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("a public zone with a query log", async () => {
            expect((await runStackPolicy(policy, [zone("public"), queryLogFor("public-queries", "public")])).verdict).toBe("pass");
        });

        it("a private zone without one (not judged)", async () => {
            expect((await runStackPolicy(policy, [zone("internal", { vpcs: [{ vpcId: "vpc-0abc" }] })])).verdict).toBe("pass");
        });

        it("a stack without zones (a query log on another stack's zone is not judged)", async () => {
            expect((await runStackPolicy(policy, [{ type: QUERY_LOG, name: "q", props: { zoneId: "Z0123", cloudwatchLogGroupArn: "arn:aws:logs:us-east-1:111122223333:log-group:q" } }])).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("a public zone without a query log, naming only that zone", async () => {
            const r = await runStackPolicy(policy, [zone("public"), zone("logged"), queryLogFor("logged-queries", "logged")]);
            expect(r.verdict).toBe("fail");
            expect(r.violating).toEqual(["public"]);
            expect(r.diagnostics[0]?.message).toContain("no QueryLog in this stack has a `zoneId` referring to this public hosted zone");
        });

        it("a query log with a literal zone id does not cover a zone of the stack", async () => {
            const r = await runStackPolicy(policy, [zone("public"), { type: QUERY_LOG, name: "q", props: { zoneId: "Z0123", cloudwatchLogGroupArn: "arn:aws:logs:us-east-1:111122223333:log-group:q" } }]);
            expect(r.violating).toEqual(["public"]);
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide a zone while its vpcs are unknown", async () => {
            const r = await runStackPolicy(policy, [zone("z", { vpcs: UNKNOWN })]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics[0]?.resource).toBe("z");
        });

        it("cannot decide a zone while a query log's zone is unknown", async () => {
            const r = await runStackPolicy(policy, [zone("public"), { type: QUERY_LOG, name: "q", props: { zoneId: UNKNOWN, cloudwatchLogGroupArn: "arn:aws:logs:us-east-1:111122223333:log-group:q" } }]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics[0]?.message).toContain("the resource that q refers to (`zoneId`)");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runStackPolicy(policy, [zone("public")], { zones: [] })).rejects.toThrow("config key 'zones' is not a setting of this policy (it takes none)");
        });
    });
});
