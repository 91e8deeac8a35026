import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-ec2clientvpn-endpoint-enable-connection-logging";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const endpoint = (connectionLogOptions: unknown) => ({
    type: "aws:ec2clientvpn/endpoint:Endpoint",
    props: {
        serverCertificateArn: "arn:aws:acm:eu-west-1:111122223333:certificate/server",
        authenticationOptions: [{ type: "certificate-authentication", rootCertificateChainArn: "arn:aws:acm:eu-west-1:111122223333:certificate/root" }],
        connectionLogOptions,
    },
});

describe("aws-ec2clientvpn-endpoint-enable-connection-logging", () => {
    describe("passes", () => {
        it("an endpoint that logs connections to a log group", async () => {
            expect((await runResourcePolicy(policy, endpoint({ enabled: true, cloudwatchLogGroup: "client-vpn" }))).verdict).toBe("pass");
        });

        it("an endpoint whose log group name is unknown during preview (a log group of the stack)", async () => {
            expect((await runResourcePolicy(policy, endpoint({ enabled: true, cloudwatchLogGroup: UNKNOWN }))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("an endpoint with connection logging off", async () => {
            const r = await runResourcePolicy(policy, endpoint({ enabled: false }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`connectionLogOptions.enabled` is not true");
        });

        it("an endpoint that enables logging without a log group", async () => {
            expect((await runResourcePolicy(policy, endpoint({ enabled: true }))).messages.join()).toContain("`connectionLogOptions.cloudwatchLogGroup` is not set");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the flag is unknown", async () => {
            expect((await runResourcePolicy(policy, endpoint({ enabled: UNKNOWN }))).verdict).toBe("unknown");
            expect((await runResourcePolicy(policy, endpoint(UNKNOWN))).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, endpoint({ enabled: true }), { group: "x" })).rejects.toThrow("config key 'group' is not a setting of this policy (it takes none)");
        });
    });
});
