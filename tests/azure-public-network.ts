// The cases every "public network access" resource policy shares (core/azure.ts `exposureVerdict`): a switch that is
// off in any case and spelling passes, unset or Enabled fails, an unknown switch cannot be decided, the off-switch
// config turns the check off and a bad config value is refused — under the canonical and the versioned tokens.
// Each policy's own test calls it and adds the cases of its service (firewalls, companion resources).

import { describe, expect, it } from "vitest";
import type { SrguardPolicy } from "../policies/core/policy";
import { versionedTokens } from "./azure-tokens";
import { runResourcePolicy, UNKNOWN } from "./harness";

export interface PublicNetworkCase {
    readonly policy: SrguardPolicy;
    readonly type: string;
    /** A resource's props with the switch set to `access` (undefined: left out). */
    readonly props: (access: unknown) => Record<string, unknown>;
    /** The switch's path as the SDK names it in "can't run during preview". */
    readonly accessPath: string;
    /** The config key that turns the check off. */
    readonly offSwitch?: string;
    /** Off values besides Disabled (SecuredByPerimeter where the service has it). */
    readonly alsoOff?: readonly string[];
}

export function publicNetworkAccessCases(c: PublicNetworkCase): void {
    const offSwitch = c.offSwitch ?? "allowPublicNetworkAccess";
    describe("passes (shared)", () => {
        it.each(["Disabled", "disabled", "DISABLED", ...(c.alsoOff ?? [])])("when the switch is %s", async (v) => {
            expect((await runResourcePolicy(c.policy, { type: c.type, props: c.props(v) })).verdict).toBe("pass");
        });
        it.each(versionedTokens(c.type))("for the aliased token %s", async (type) => {
            expect((await runResourcePolicy(c.policy, { type, props: c.props("Disabled") })).verdict).toBe("pass");
        });
    });
    describe("fails (shared)", () => {
        it.each([
            ["left unset (Enabled)", undefined],
            ["Enabled", "Enabled"],
            ["enabled in lower case", "enabled"],
            ["blank", " "],
        ])("when the switch is %s, naming it", async (_, v) => {
            const r = await runResourcePolicy(c.policy, { type: c.type, props: c.props(v) });
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain(`\`${c.accessPath}\` is not Disabled`);
        });
        it.each(versionedTokens(c.type))("for the aliased token %s", async (type) => {
            expect((await runResourcePolicy(c.policy, { type, props: c.props(undefined) })).verdict).toBe("fail");
        });
    });
    describe("unknown during preview (shared)", () => {
        it("cannot decide while the switch is unknown, naming it", async () => {
            const r = await runResourcePolicy(c.policy, { type: c.type, props: c.props(UNKNOWN) });
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(c.accessPath);
        });
    });
    describe("config (shared)", () => {
        it(`passes anything when ${offSwitch} is true`, async () => {
            expect((await runResourcePolicy(c.policy, { type: c.type, props: c.props("Enabled") }, { [offSwitch]: true })).verdict).toBe("pass");
        });
        it(`rejects a non-boolean ${offSwitch}, naming the key`, async () => {
            await expect(runResourcePolicy(c.policy, { type: c.type, props: c.props("Enabled") }, { [offSwitch]: "yes" })).rejects.toThrow(`config key '${offSwitch}' must be a boolean`);
        });
        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(c.policy, { type: c.type, props: c.props("Enabled") }, { publicNetworkAccess: "Enabled" })).rejects.toThrow("config key 'publicNetworkAccess'");
        });
    });
}
