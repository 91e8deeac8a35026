import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-networkfirewall-firewall-enable-logging";
import { runStackPolicy, type StackResourceInput, UNKNOWN } from "../../harness";

const FIREWALL = "aws:networkfirewall/firewall:Firewall";
const LOGGING = "aws:networkfirewall/loggingConfiguration:LoggingConfiguration";
const firewall = (name: string): StackResourceInput => ({
    type: FIREWALL,
    name,
    props: { firewallPolicyArn: "arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/p", vpcId: "vpc-0abc", subnetMappings: [{ subnetId: "subnet-0abc" }] },
});
const ALERT = { logType: "ALERT", logDestinationType: "CloudWatchLogs", logDestination: { logGroup: "/nfw" } };
const loggingFor = (name: string, target: string | undefined, logDestinationConfigs: unknown = [ALERT]): StackResourceInput => ({
    type: LOGGING,
    name,
    props: { firewallArn: UNKNOWN, loggingConfiguration: { logDestinationConfigs } },
    ...(target ? { propertyDependencies: { firewallArn: [target] } } : {}),
});

describe("aws-networkfirewall-firewall-enable-logging", () => {
    describe("passes", () => {
        it("a firewall that logs alerts", async () => {
            expect((await runStackPolicy(policy, [firewall("egress"), loggingFor("egress-logs", "egress")])).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("a firewall without a logging configuration", async () => {
            const r = await runStackPolicy(policy, [firewall("egress")]);
            expect(r.violating).toEqual(["egress"]);
            expect(r.diagnostics[0]?.message).toContain("no LoggingConfiguration in this stack has a `firewallArn` referring to this firewall");
        });

        it("a firewall whose logging configuration has no destination", async () => {
            const r = await runStackPolicy(policy, [firewall("egress"), loggingFor("egress-logs", "egress", [])]);
            expect(r.verdict).toBe("fail");
            expect(r.diagnostics[0]?.message).toContain("has no `loggingConfiguration.logDestinationConfigs`");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the log destinations are unknown", async () => {
            const r = await runStackPolicy(policy, [firewall("egress"), loggingFor("egress-logs", "egress", UNKNOWN)]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics[0]?.resource).toBe("egress");
        });

        it("cannot decide while a logging configuration's firewall is unknown", async () => {
            expect((await runStackPolicy(policy, [firewall("egress"), loggingFor("orphan", undefined)])).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runStackPolicy(policy, [firewall("egress")], { types: ["FLOW"] })).rejects.toThrow("config key 'types' is not a setting of this policy (it takes none)");
        });
    });
});
