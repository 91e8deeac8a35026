import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-dms-replication-instance-disallow-public-access";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const TYPE = "aws:dms/replicationInstance:ReplicationInstance";
const run = (props: Record<string, unknown>, config: Record<string, unknown> = {}) =>
    runResourcePolicy(policy, { type: TYPE, props: { replicationInstanceClass: "dms.t3.micro", replicationInstanceId: "migrate", ...props } }, config);

describe("aws-dms-replication-instance-disallow-public-access", () => {
    describe("passes", () => {
        it("publiclyAccessible false", async () => expect((await run({ publiclyAccessible: false })).verdict).toBe("pass"));
        it("publiclyAccessible \"false\" as a string", async () => expect((await run({ publiclyAccessible: "false" })).verdict).toBe("pass"));
    });
    describe("fails", () => {
        it("publiclyAccessible true", async () => expect((await run({ publiclyAccessible: true })).verdict).toBe("fail"));
        it("unset, saying the API default is public", async () => {
            const r = await run({});
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("public by default");
        });
    });
    describe("unknown during preview", () => {
        it("cannot decide an unknown flag", async () => expect((await run({ publiclyAccessible: UNKNOWN })).verdict).toBe("unknown"));
    });
    describe("config", () => {
        it("takes no settings: an unknown key is refused", async () => {
            await expect(run({}, { allow: true })).rejects.toThrow("config key 'allow'");
        });
    });
});
