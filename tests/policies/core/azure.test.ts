// The Azure helpers (policies/core/azure.ts, azure-diagnostics.ts, lighthouse.ts, region.ts azurePlacement) on
// properties as the SDK hands them over (tests/harness.ts `decodeProps`).

import { describe, expect, it } from "vitest";
import { firewallVerdict, ipRulesVerdict, isAzureText, isPublicNetworkAccessOff, pendingOn } from "../../../policies/core/azure";
import { judgeDiagnosticSetting } from "../../../policies/core/azure-diagnostics";
import { lighthouseGrants, lighthousePrincipalIds } from "../../../policies/core/lighthouse";
import { Value } from "../../../policies/core/read";
import { azurePlacement } from "../../../policies/core/region";
import type { Verdict } from "../../../policies/core/verdict";
import { decodeProps, UNKNOWN } from "../../harness";

// The helpers are typed by the provider's Args; the tests hand them arbitrary (decoded) objects, so the root is
// deliberately untyped here (the policies' own tests and the type-check cover the typed path).
const root = (props: Record<string, unknown>) => Value.root(decodeProps(props)) as Value<any>;
const kind = (v: Verdict) => v.kind;
const needs = (v: Verdict) => (v.kind === "unknown" ? v.needs.map((n) => (typeof n === "string" ? n : n.path)) : []);
const MESSAGES = { openDefault: "open default", openRule: "open rule" };

describe("isAzureText", () => {
    it("compares without case but not around blanks", () => {
        const p = root({ a: "disabled", b: " Disabled", c: 1 });
        expect([isPublicNetworkAccessOff(p.get("a")), isPublicNetworkAccessOff(p.get("b")), isAzureText(p.get("c"), "1")]).toEqual([true, false, false]);
    });
});

describe("ipRulesVerdict", () => {
    it("fails on one rule that admits every address, whatever the unknown rules are", () => {
        const p = root({ rules: [UNKNOWN, { v: "0.0.0.0/0" }] });
        expect(ipRulesVerdict(p.get("rules"), "v", "too open")).toEqual({ kind: "fail", messages: ["too open"] });
    });

    it("waits for unknown rules and values, in order, when no known rule admits too much", () => {
        const p = root({ rules: [{ v: "10.0.0.0/16" }, { v: UNKNOWN }, UNKNOWN] });
        expect(needs(ipRulesVerdict(p.get("rules"), "v", "too open"))).toEqual(["rules[1].v", "rules[2]"]);
    });

    it("passes a list of narrow rules and anything that is not a list", () => {
        expect(kind(ipRulesVerdict(root({ rules: [{ v: "203.0.113.0/24" }] }).get("rules"), "v", "x"))).toBe("pass");
        expect(kind(ipRulesVerdict(root({ rules: { v: "0.0.0.0/0" } }).get("rules"), "v", "x"))).toBe("pass");
    });
});

describe("firewallVerdict", () => {
    const acl = (a: unknown) => root({ acl: a }).get("acl");
    it("fails a default action that is not Deny (absent: Allow) before looking at rules", () => {
        expect(firewallVerdict(acl({ ipRules: [UNKNOWN] }), "value", MESSAGES)).toEqual({ kind: "fail", messages: ["open default"] });
    });
    it("fails a Deny firewall with a rule that admits every address", () => {
        expect(firewallVerdict(acl({ defaultAction: "deny", ipRules: [{ value: "*" }] }), "value", MESSAGES)).toEqual({ kind: "fail", messages: ["open rule"] });
    });
    it("passes a closed firewall and waits for an unknown default action", () => {
        expect(kind(firewallVerdict(acl({ defaultAction: "Deny" }), "value", MESSAGES))).toBe("pass");
        expect(needs(firewallVerdict(acl({ defaultAction: UNKNOWN }), "value", MESSAGES))).toEqual(["acl.defaultAction"]);
    });
});

describe("pendingOn", () => {
    it("is unknown for the unknown values only, else pass", () => {
        const p = root({ a: 1, b: UNKNOWN });
        expect(needs(pendingOn(p.get("a"), p.get("b")))).toEqual(["b"]);
        expect(pendingOn(p.get("a"))).toEqual({ kind: "pass" });
    });
});

describe("azurePlacement", () => {
    const provider = (location: unknown) => ({ type: "pulumi:providers:azure-native", name: "p", urn: "urn:p", props: decodeProps({ location }) });
    it("places by the resource's location, then the provider's, normalised", () => {
        expect(azurePlacement(root({ location: "Japan East" }).get("location"), provider("westeurope"))).toEqual({ found: true, region: "japaneast", from: "resource" });
        expect(azurePlacement(root({}).get("location"), provider("West Europe"))).toEqual({ found: true, region: "westeurope", from: "provider" });
        expect(azurePlacement(root({ location: " " }).get("location"), undefined)).toEqual({ found: false });
    });
    it("is unknown for the location that decides", () => {
        expect(kind(azurePlacement(root({ location: UNKNOWN }).get("location"), provider("japaneast")) as Verdict)).toBe("unknown");
        expect(kind(azurePlacement(root({}).get("location"), provider(UNKNOWN)) as Verdict)).toBe("unknown");
        expect(azurePlacement(root({ location: "japaneast" }).get("location"), provider(UNKNOWN))).toEqual({ found: true, region: "japaneast", from: "resource" });
    });
});

describe("judgeDiagnosticSetting", () => {
    it("passes a setting that keeps a log category in a workspace, even with an unknown workspace id", () => {
        expect(kind(judgeDiagnosticSetting(root({ workspaceId: UNKNOWN, logs: [{ category: "AuditEvent", enabled: true }] })))).toBe("pass");
    });
    it("fails a streaming-only setting even while its logs are unknown", () => {
        const v = judgeDiagnosticSetting(root({ eventHubName: "hub", logs: UNKNOWN }));
        expect(v.kind).toBe("fail");
    });
    it("waits for the entries that could decide, in reading order", () => {
        expect(needs(judgeDiagnosticSetting(root({ storageAccountId: "sa", logs: [{ enabled: false, category: UNKNOWN }, { enabled: UNKNOWN }] })))).toEqual([
            "logs[0].category",
            "logs[1].enabled",
        ]);
    });
});

describe("lighthouse", () => {
    it("hands back known grants and the unknown values that may hold more", () => {
        const { grants, unknown } = lighthouseGrants(root({ properties: { authorizations: [{ roleDefinitionId: "r" }, UNKNOWN], eligibleAuthorizations: UNKNOWN } }));
        expect(grants.map((g) => g.path)).toEqual(["properties.authorizations[0]"]);
        expect(unknown.map((u) => u.path)).toEqual(["properties.authorizations[1]", "properties.eligibleAuthorizations"]);
    });
    it("collects principal and approver ids from known values, normalised", () => {
        const ids = lighthousePrincipalIds(
            root({
                properties: {
                    authorizations: [{ principalId: "{AAAAAAAA-0000-0000-0000-000000000001}" }],
                    eligibleAuthorizations: [{ principalId: UNKNOWN, justInTimeAccessPolicy: { managedByTenantApprovers: [{ principalId: "aaaaaaaa-0000-0000-0000-000000000002" }, UNKNOWN] } }],
                },
            }),
        );
        expect(ids).toEqual(["aaaaaaaa-0000-0000-0000-000000000001", "aaaaaaaa-0000-0000-0000-000000000002"]);
    });
});
