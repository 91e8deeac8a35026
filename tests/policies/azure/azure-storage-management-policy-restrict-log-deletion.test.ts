import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-storage-management-policy-restrict-log-deletion";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const TYPE = "azure-native:storage:ManagementPolicy";
const rule = (prefixMatch: unknown, del: unknown, extra: Record<string, unknown> = {}, filters: Record<string, unknown> = {}) => ({
    name: "r",
    type: "Lifecycle",
    ...extra,
    definition: { filters: { blobTypes: ["blockBlob", "appendBlob"], ...(prefixMatch === undefined ? {} : { prefixMatch }), ...filters }, actions: { baseBlob: { delete: del } } },
});
const mp = (rules: unknown, type = TYPE) => ({ type, props: { accountName: "logs", resourceGroupName: "rg", policy: { rules } } });

describe("azure-storage-management-policy-restrict-log-deletion", () => {
    describe("passes", () => {
        it.each([
            ["diagnostic logs are kept a year", [rule(["insights-logs-"], { daysAfterModificationGreaterThan: 365 })]],
            ["diagnostic logs are kept exactly the minimum", [rule(["insights-activity-logs"], { daysAfterCreationGreaterThan: 90 })]],
            ["the short rule reaches only application containers", [rule(["tmp/", "uploads/cache"], { daysAfterModificationGreaterThan: 1 })]],
            ["the short rule has no prefix (every container: not judged)", [rule(undefined, { daysAfterModificationGreaterThan: 7 })]],
            ["the short rule is limited to tagged blobs", [rule(["insights-logs-"], { daysAfterModificationGreaterThan: 7 }, {}, { blobIndexMatch: [{ name: "purge", op: "==", value: "yes" }] })]],
            ["the short rule is disabled", [rule(["insights-logs-"], { daysAfterModificationGreaterThan: 7 }, { enabled: false })]],
            ["the log rule only tiers to archive", [{ name: "r", type: "Lifecycle", definition: { filters: { blobTypes: ["blockBlob"], prefixMatch: ["insights-logs-"] }, actions: { baseBlob: { tierToArchive: { daysAfterModificationGreaterThan: 1 } } } } }]],
            ["metrics (not logs) are deleted early", [rule(["insights-metrics-pt1m"], { daysAfterModificationGreaterThan: 7 })]],
        ])("when %s", async (_, rules) => {
            expect((await runResourcePolicy(policy, mp(rules))).verdict).toBe("pass");
        });

        it.each(versionedTokens(TYPE))("for the versioned token %s", async (type) => {
            expect((await runResourcePolicy(policy, mp([rule(["insights-logs-"], { daysAfterModificationGreaterThan: 365 })], type))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when a rule deletes resource logs after a week, naming the field and the minimum", async () => {
            const r = await runResourcePolicy(policy, mp([rule(["insights-logs-auditevent"], { daysAfterModificationGreaterThan: 7 })]));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`policy.rules[0].definition.actions.baseBlob.delete.daysAfterModificationGreaterThan` is 7");
            expect(r.messages.join()).toContain("before 90 days");
        });

        it.each([
            ["the activity-log container", ["insights-activity-logs/"]],
            ["a shorter prefix that still reaches the log containers", ["insights"]],
            ["one prefix among others", ["tmp/", "insights-logs-"]],
            ["a prefix in upper case", ["INSIGHTS-LOGS-"]],
        ])("when the rule reaches %s", async (_, prefixes) => {
            expect((await runResourcePolicy(policy, mp([rule(prefixes, { daysAfterCreationGreaterThan: 30 })]))).verdict).toBe("fail");
        });

        it("when the deletion counts from the last access", async () => {
            const r = await runResourcePolicy(policy, mp([rule(["insights-logs-"], { daysAfterLastAccessTimeGreaterThan: 14 })]));
            expect(r.messages.join()).toContain("daysAfterLastAccessTimeGreaterThan` is 14");
        });

        it("reports the right rule among several", async () => {
            const r = await runResourcePolicy(policy, mp([rule(["tmp/"], { daysAfterModificationGreaterThan: 1 }), rule(["insights-logs-"], { daysAfterModificationGreaterThan: 30 })]));
            expect(r.messages.join()).toContain("`policy.rules[1].");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the deletion days are unknown", async () => {
            const r = await runResourcePolicy(policy, mp([rule(["insights-logs-"], { daysAfterModificationGreaterThan: UNKNOWN })]));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("daysAfterModificationGreaterThan");
        });

        it("cannot decide while a prefix is unknown and no known prefix reaches the logs", async () => {
            expect((await runResourcePolicy(policy, mp([rule(["tmp/", UNKNOWN], { daysAfterModificationGreaterThan: 7 })]))).verdict).toBe("unknown");
        });

        it("cannot decide while the rules are unknown", async () => {
            expect((await runResourcePolicy(policy, mp(UNKNOWN))).verdict).toBe("unknown");
        });

        it("still fails on a known short log rule while another rule is unknown", async () => {
            expect((await runResourcePolicy(policy, mp([UNKNOWN, rule(["insights-logs-"], { daysAfterModificationGreaterThan: 7 })]))).verdict).toBe("fail");
        });
    });

    describe("config", () => {
        it("holds the rule to the configured minimum", async () => {
            const input = mp([rule(["insights-logs-"], { daysAfterModificationGreaterThan: 180 })]);
            expect((await runResourcePolicy(policy, input)).verdict).toBe("pass");
            const r = await runResourcePolicy(policy, input, { minimumRetentionDays: 365 });
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("before 365 days");
        });

        it("rejects a minimum below one day, naming the key", async () => {
            await expect(runResourcePolicy(policy, mp([]), { minimumRetentionDays: 0 })).rejects.toThrow("config key 'minimumRetentionDays'");
        });
    });
});
