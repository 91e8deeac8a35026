import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-ec2-vpn-connection-enable-tunnel-logging";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const GROUP = "arn:aws:logs:eu-west-1:111122223333:log-group:vpn";
const logged = (logEnabled: unknown = true) => ({ cloudwatchLogOptions: { logEnabled, logGroupArn: GROUP } });
const vpn = (props: Record<string, unknown>) => ({ type: "aws:ec2/vpnConnection:VpnConnection", props: { customerGatewayId: "cgw-0abc", type: "ipsec.1", ...props } });

describe("aws-ec2-vpn-connection-enable-tunnel-logging", () => {
    describe("passes", () => {
        it("a connection that logs both tunnels", async () => {
            expect((await runResourcePolicy(policy, vpn({ tunnel1LogOptions: logged(), tunnel2LogOptions: logged() }))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("a connection without tunnel logs (the default), one message per tunnel", async () => {
            const r = await runResourcePolicy(policy, vpn({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages).toHaveLength(2);
        });

        it("a connection that logs only tunnel 1", async () => {
            const r = await runResourcePolicy(policy, vpn({ tunnel1LogOptions: logged(), tunnel2LogOptions: logged(false) }));
            expect(r.messages).toEqual([expect.stringContaining("`tunnel2LogOptions.cloudwatchLogOptions.logEnabled` is not true")]);
        });

        it("a known unlogged tunnel fails even while the other's flag is unknown", async () => {
            expect((await runResourcePolicy(policy, vpn({ tunnel1LogOptions: logged(UNKNOWN) }))).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while a tunnel's flag is unknown", async () => {
            const r = await runResourcePolicy(policy, vpn({ tunnel1LogOptions: logged(), tunnel2LogOptions: logged(UNKNOWN) }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("tunnel2LogOptions");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, vpn({}), { tunnels: 1 })).rejects.toThrow("config key 'tunnels' is not a setting of this policy (it takes none)");
        });
    });
});
