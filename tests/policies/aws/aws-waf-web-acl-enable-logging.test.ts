import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-waf-web-acl-enable-logging";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const acl = (loggingConfiguration?: unknown) => ({
    type: "aws:waf/webAcl:WebAcl",
    props: { name: "edge", metricName: "edge", defaultAction: { type: "ALLOW" }, ...(loggingConfiguration === undefined ? {} : { loggingConfiguration }) },
});

describe("aws-waf-web-acl-enable-logging", () => {
    describe("passes", () => {
        it("a web ACL that logs to a Firehose stream", async () => {
            expect((await runResourcePolicy(policy, acl({ logDestination: "arn:aws:firehose:us-east-1:111122223333:deliverystream/aws-waf-logs-edge" }))).verdict).toBe("pass");
        });

        it("a web ACL whose stream ARN is unknown during preview (a stream of the stack)", async () => {
            expect((await runResourcePolicy(policy, acl({ logDestination: UNKNOWN }))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("a web ACL without logging (the default)", async () => {
            const r = await runResourcePolicy(policy, acl());
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`loggingConfiguration.logDestination` is not set");
        });

        it("a web ACL with a blank destination", async () => {
            expect((await runResourcePolicy(policy, acl({ logDestination: " " }))).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the whole logging block is unknown", async () => {
            expect((await runResourcePolicy(policy, acl(UNKNOWN))).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, acl(), { stream: "x" })).rejects.toThrow("config key 'stream' is not a setting of this policy (it takes none)");
        });
    });
});
