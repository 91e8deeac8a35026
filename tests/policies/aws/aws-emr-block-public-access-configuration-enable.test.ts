import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-emr-block-public-access-configuration-enable";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const TYPE = "aws:emr/blockPublicAccessConfiguration:BlockPublicAccessConfiguration";
const run = (props: Record<string, unknown>, config: Record<string, unknown> = {}) => runResourcePolicy(policy, { type: TYPE, props }, config);

describe("aws-emr-block-public-access-configuration-enable", () => {
    describe("passes", () => {
        it("on, with port 22 permitted", async () => expect((await run({ blockPublicSecurityGroupRules: true, permittedPublicSecurityGroupRuleRanges: [{ minRange: 22, maxRange: 22 }] })).verdict).toBe("pass"));
    });
    describe("fails", () => {
        it("off", async () => expect((await run({ blockPublicSecurityGroupRules: false })).verdict).toBe("fail"));
        it("off as the string \"false\"", async () => expect((await run({ blockPublicSecurityGroupRules: "false" })).verdict).toBe("fail"));
    });
    describe("unknown during preview", () => {
        it("cannot decide an unknown flag", async () => expect((await run({ blockPublicSecurityGroupRules: UNKNOWN })).verdict).toBe("unknown"));
    });
    describe("config", () => {
        it("takes no settings: an unknown key is refused", async () => {
            await expect(run({ blockPublicSecurityGroupRules: true }, { x: 1 })).rejects.toThrow("config key 'x'");
        });
    });
});
