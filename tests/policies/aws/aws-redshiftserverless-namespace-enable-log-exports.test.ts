import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-redshiftserverless-namespace-enable-log-exports";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const namespace = (logExports?: unknown) => ({ type: "aws:redshiftserverless/namespace:Namespace", props: { namespaceName: "analytics", ...(logExports === undefined ? {} : { logExports }) } });

describe("aws-redshiftserverless-namespace-enable-log-exports", () => {
    describe("passes", () => {
        it("when the namespace exports its connection and user logs", async () => {
            expect((await runResourcePolicy(policy, namespace(["userlog", "connectionlog"]))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when it exports nothing (the API's default), naming both logs", async () => {
            const r = await runResourcePolicy(policy, namespace());
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain('`logExports` does not contain "connectionlog", "userlog"');
        });

        it("when it exports only the user activity log", async () => {
            expect((await runResourcePolicy(policy, namespace(["useractivitylog", "userlog"]))).messages.join()).toContain('"connectionlog"');
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the export list is unknown", async () => {
            expect((await runResourcePolicy(policy, namespace(UNKNOWN))).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, namespace(), { logs: 1 })).rejects.toThrow("config key 'logs' is not a setting of this policy (it takes none)");
        });
    });
});
