import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-sql-server-auditing-policy-configure-retention";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "azure-native:sql:ServerBlobAuditingPolicy";
const EXTENDED = "azure-native:sql:ExtendedServerBlobAuditingPolicy";
const base = { resourceGroupName: "rg", serverName: "sql-app", state: "Enabled", storageEndpoint: "https://auditlogs.blob.core.windows.net/" };
const auditing = (props: Record<string, unknown>, type = TYPE) => ({ type, props: { ...base, ...props } });

describe("azure-sql-server-auditing-policy-configure-retention", () => {
    it("is mandatory by default", () => {
        expect(policy.enforcementLevel).toBe("mandatory");
    });

    describe("passes", () => {
        it.each([
            ["0 (unlimited)", { retentionDays: 0 }],
            ["unset (unlimited)", {}],
            ["exactly 90 days", { retentionDays: 90 }],
            ["a year", { retentionDays: 365 }],
        ])("when retention is %s", async (_, props) => {
            expect((await runResourcePolicy(policy, auditing(props))).verdict).toBe("pass");
        });

        it("when auditing is Disabled (retention does not apply; azure-sql-server-enable-auditing judges it)", async () => {
            expect((await runResourcePolicy(policy, auditing({ state: "Disabled", retentionDays: 7 }))).verdict).toBe("pass");
        });

        it("when the logs go only to Log Analytics", async () => {
            expect((await runResourcePolicy(policy, auditing({ storageEndpoint: undefined, isAzureMonitorTargetEnabled: true, retentionDays: 7 }))).verdict).toBe("pass");
        });

        it.each([EXTENDED, ...versionedTokens(TYPE), ...versionedTokens(EXTENDED)])("for %s", async (type) => {
            expect((await runResourcePolicy(policy, auditing({ retentionDays: 180 }, type))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when storage audit logs are kept 30 days", async () => {
            const r = await runResourcePolicy(policy, auditing({ retentionDays: 30 }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("30 days, fewer than 90");
        });

        it("when 89 days (one short)", async () => {
            expect((await runResourcePolicy(policy, auditing({ retentionDays: 89 }, EXTENDED))).verdict).toBe("fail");
        });

        it("without printing the storage access key", async () => {
            const r = await runResourcePolicy(policy, auditing({ retentionDays: 7, storageAccountAccessKey: secret("s3cr3t-key") }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("s3cr3t-key");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while retentionDays is unknown", async () => {
            const r = await runResourcePolicy(policy, auditing({ retentionDays: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("retentionDays");
        });

        it("cannot decide a short retention while the storage endpoint is unknown", async () => {
            const r = await runResourcePolicy(policy, auditing({ retentionDays: 7, storageEndpoint: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("storageEndpoint");
        });

        it("passes a long retention whatever the unknown endpoint", async () => {
            expect((await runResourcePolicy(policy, auditing({ retentionDays: 120, storageEndpoint: UNKNOWN }))).verdict).toBe("pass");
        });
    });

    describe("config", () => {
        it("applies a stricter minimumRetentionDays", async () => {
            const r = await runResourcePolicy(policy, auditing({ retentionDays: 180 }), { minimumRetentionDays: 365 });
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("fewer than 365");
        });

        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, auditing({}), { minimumDays: 30 })).rejects.toThrow("config key 'minimumDays'");
        });
    });
});
