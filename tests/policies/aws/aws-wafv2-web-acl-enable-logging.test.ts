import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-wafv2-web-acl-enable-logging";
import { runStackPolicy, type StackResourceInput, UNKNOWN } from "../../harness";

const WEB_ACL = "aws:wafv2/webAcl:WebAcl";
const LOGGING = "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration";
const acl = (name: string): StackResourceInput => ({
    type: WEB_ACL,
    name,
    props: { scope: "REGIONAL", defaultAction: { allow: {} }, visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: name, sampledRequestsEnabled: true } },
});
const loggingFor = (name: string, target?: string): StackResourceInput => ({
    type: LOGGING,
    name,
    props: { resourceArn: UNKNOWN, logDestinationConfigs: ["arn:aws:logs:eu-west-1:111122223333:log-group:aws-waf-logs-edge"] },
    ...(target ? { propertyDependencies: { resourceArn: [target] } } : {}),
});

describe("aws-wafv2-web-acl-enable-logging", () => {
    describe("passes", () => {
        it("a web ACL with a logging configuration", async () => {
            expect((await runStackPolicy(policy, [acl("edge"), loggingFor("edge-logs", "edge")])).verdict).toBe("pass");
        });

        it("a stack without web ACLs", async () => {
            expect((await runStackPolicy(policy, [])).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("a web ACL without logging, naming only that ACL", async () => {
            const r = await runStackPolicy(policy, [acl("edge"), acl("api"), loggingFor("api-logs", "api")]);
            expect(r.verdict).toBe("fail");
            expect(r.violating).toEqual(["edge"]);
            expect(r.diagnostics[0]?.message).toContain("no WebAclLoggingConfiguration in this stack has a `resourceArn` referring to this web ACL");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while a logging configuration's web ACL is unknown", async () => {
            const r = await runStackPolicy(policy, [acl("edge"), loggingFor("orphan")]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics[0]?.message).toContain("orphan");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runStackPolicy(policy, [acl("edge")], { acls: [] })).rejects.toThrow("config key 'acls' is not a setting of this policy (it takes none)");
        });
    });
});
