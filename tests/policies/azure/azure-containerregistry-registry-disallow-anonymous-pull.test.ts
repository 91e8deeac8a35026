import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-containerregistry-registry-disallow-anonymous-pull";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const TYPE = "azure-native:containerregistry:Registry";
const registry = (props: Record<string, unknown> = {}, type = TYPE) => ({ type, props: { resourceGroupName: "rg", sku: { name: "Standard" }, ...props } });

describe("azure-containerregistry-registry-disallow-anonymous-pull", () => {
    describe("passes", () => {
        it.each([["leaves anonymous pull unset (off)", {}], ["turns it off", { anonymousPullEnabled: false }]])("a registry that %s", async (_, props) => {
            expect((await runResourcePolicy(policy, registry(props))).verdict).toBe("pass");
        });
        it.each(versionedTokens(TYPE))("for the aliased token %s", async (type) => {
            expect((await runResourcePolicy(policy, registry({}, type))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it.each([true, "true"])("a registry with anonymousPullEnabled %s", async (v) => {
            const r = await runResourcePolicy(policy, registry({ anonymousPullEnabled: v }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`anonymousPullEnabled` is true");
        });
        it.each(versionedTokens(TYPE))("for the aliased token %s", async (type) => {
            expect((await runResourcePolicy(policy, registry({ anonymousPullEnabled: true }, type))).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the setting is unknown", async () => {
            const r = await runResourcePolicy(policy, registry({ anonymousPullEnabled: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("anonymousPullEnabled");
        });
    });

    describe("config", () => {
        it("allows anonymous pull when allowAnonymousPull is true", async () => {
            expect((await runResourcePolicy(policy, registry({ anonymousPullEnabled: true }), { allowAnonymousPull: true })).verdict).toBe("pass");
        });
        it("rejects a non-boolean allowAnonymousPull", async () => {
            await expect(runResourcePolicy(policy, registry(), { allowAnonymousPull: 1 })).rejects.toThrow("config key 'allowAnonymousPull' must be a boolean");
        });
    });
});
