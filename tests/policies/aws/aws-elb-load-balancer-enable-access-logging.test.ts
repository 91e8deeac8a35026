import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-elb-load-balancer-enable-access-logging";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const LB = "aws:lb/loadBalancer:LoadBalancer";
const ALB_ALIAS = "aws:alb/loadBalancer:LoadBalancer";
const CLASSIC = "aws:elb/loadBalancer:LoadBalancer";
const lb = (props: Record<string, unknown>, type = LB) => ({ type, props: { name: "web", ...props } });

describe("aws-elb-load-balancer-enable-access-logging", () => {
    it("is advisory by default (a load balancer without access logs is common and legitimate)", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it.each([
            ["an ALB with access logs on", lb({ accessLogs: { bucket: "lb-logs", enabled: true } })],
            ["an ALB declared through the alb alias", lb({ accessLogs: { bucket: "lb-logs", enabled: "true" } }, ALB_ALIAS)],
            ["a network load balancer without access logs", lb({ loadBalancerType: "network" })],
            ["a gateway load balancer without access logs", lb({ loadBalancerType: "gateway" })],
            ["a Classic Load Balancer with an access-log bucket", lb({ accessLogs: { bucket: "lb-logs" } }, CLASSIC)],
            ["a Classic Load Balancer with access logs explicitly on", lb({ accessLogs: { bucket: "lb-logs", enabled: true, interval: 5 } }, CLASSIC)],
        ])("%s", async (_, input) => {
            expect((await runResourcePolicy(policy, input)).verdict).toBe("pass");
        });

        it("passes an ALB with access logs on whatever its type's value during preview", async () => {
            expect((await runResourcePolicy(policy, lb({ loadBalancerType: UNKNOWN, accessLogs: { bucket: "b", enabled: true } }))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("an ALB (the default type) without access logs", async () => {
            const r = await runResourcePolicy(policy, lb({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("declares no `accessLogs`");
        });

        it("an ALB that names a bucket but leaves logging at its default (off)", async () => {
            const r = await runResourcePolicy(policy, lb({ loadBalancerType: "application", accessLogs: { bucket: "lb-logs" } }));
            expect(r.messages.join()).toContain("`accessLogs.enabled` is not true");
        });

        it("an ALB that turns access logs off", async () => {
            expect((await runResourcePolicy(policy, lb({ accessLogs: { bucket: "lb-logs", enabled: false } }))).verdict).toBe("fail");
        });

        it("a Classic Load Balancer without access logs, and one that turns them off", async () => {
            expect((await runResourcePolicy(policy, lb({}, CLASSIC))).messages.join()).toContain("declares no `accessLogs` bucket");
            expect((await runResourcePolicy(policy, lb({ accessLogs: { bucket: "lb-logs", enabled: false } }, CLASSIC))).messages.join()).toContain("`accessLogs.enabled` is false");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide an ALB while `accessLogs.enabled` is unknown", async () => {
            const r = await runResourcePolicy(policy, lb({ accessLogs: { bucket: "lb-logs", enabled: UNKNOWN } }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("accessLogs.enabled");
        });

        it("cannot decide a load balancer without access logs while its type is unknown", async () => {
            const r = await runResourcePolicy(policy, lb({ loadBalancerType: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("loadBalancerType");
        });

        it("passes access logs to a bucket whose name is unknown (a bucket of the stack: it is set)", async () => {
            expect((await runResourcePolicy(policy, lb({ accessLogs: { bucket: UNKNOWN } }, CLASSIC))).verdict).toBe("pass");
            expect((await runResourcePolicy(policy, lb({ accessLogs: { bucket: UNKNOWN, enabled: true } }))).verdict).toBe("pass");
        });

        it("cannot decide a Classic Load Balancer while its `accessLogs` block is unknown", async () => {
            expect((await runResourcePolicy(policy, lb({ accessLogs: UNKNOWN }, CLASSIC))).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, lb({}), { bucket: "x" })).rejects.toThrow("config key 'bucket' is not a setting of this policy (it takes none)");
        });
    });
});
