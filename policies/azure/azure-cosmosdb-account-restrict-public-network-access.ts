import { admitsEveryAddress, ipRulesVerdict, isPublicNetworkAccessOff } from "../core/azure";
import { defineResourcePolicy } from "../core/policy";
import type { Value } from "../core/read";
import { fail, pass, unknown } from "../core/verdict";

/**
 * An IP rule that opens the account to more than listed networks: every address (`/0`), or `0.0.0.0`, which Cosmos DB
 * reads as "accept connections from within public Azure datacenters" (any Azure customer's resources).
 */
function admitsTooMuch(v: Value): boolean {
    const s = v.text();
    return admitsEveryAddress(v) || (s !== undefined && s.trim() === "0.0.0.0");
}

export default defineResourcePolicy({
    name: "azure-cosmosdb-account-restrict-public-network-access",
    title: "Cosmos DB accounts are not reachable from every network",
    cloud: "azure",
    control: "public-access",
    severity: "high",
    description:
        "Cosmos DB accounts accept traffic from every network unless a firewall is configured. An account must either " +
        "turn public network access off (`publicNetworkAccess` Disabled, or SecuredByPerimeter) or limit it to selected " +
        "networks (`ipRules` and/or `isVirtualNetworkFilterEnabled` with `virtualNetworkRules`), with no IP rule that " +
        "admits every address or every Azure datacenter (0.0.0.0).",
    remediation:
        "Set `publicNetworkAccess` to Disabled and use private endpoints, or list the allowed networks in `ipRules` / " +
        "`virtualNetworkRules` (with `isVirtualNetworkFilterEnabled` true) and remove 0.0.0.0 and /0 entries. Set the " +
        "config `allowPublicNetworkAccess` to true only for stacks whose accounts must be public.",
    frameworks: [
        { framework: "cis-azure", version: "2.1.0", id: "4.5.1" },
        { framework: "mcsb", version: "v1", id: "NS-2" },
        { framework: "iso27001", version: "2022", id: "A.8.20" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:cosmosdb:DatabaseAccount"],
    config: {
        allowPublicNetworkAccess: {
            type: "boolean",
            default: false,
            description: "Allow Cosmos DB accounts that accept traffic from every network (turns this policy's check off).",
        },
    },
    examples: {
        pass: [
            { title: "an account with public network access disabled", type: "azure-native:cosmosdb:DatabaseAccount", props: { publicNetworkAccess: "Disabled" } },
            { title: "an account limited to listed networks", type: "azure-native:cosmosdb:DatabaseAccount", props: { ipRules: [{ ipAddressOrRange: "203.0.113.0/24" }] } },
        ],
        fail: [
            { title: "an account without a firewall", type: "azure-native:cosmosdb:DatabaseAccount", props: { ipRules: [], isVirtualNetworkFilterEnabled: false } },
            { title: "an IP rule that admits every Azure datacenter", type: "azure-native:cosmosdb:DatabaseAccount", props: { ipRules: [{ ipAddressOrRange: "0.0.0.0" }] } },
        ],
    },
    check({ props }, config) {
        if (config.allowPublicNetworkAccess) return pass;
        const access = props.get("publicNetworkAccess");
        if (isPublicNetworkAccessOff(access)) return pass;

        const ipRules = props.get("ipRules");
        const tooOpen = ipRulesVerdict(
            ipRules,
            "ipAddressOrRange",
            "`ipRules` admits every address or every Azure datacenter (0.0.0.0, or a range wider than /8 for IPv4 or /32 for IPv6); list only the networks that need access.",
            admitsTooMuch,
        );
        const vnetFilter = props.get("isVirtualNetworkFilterEnabled");
        const rules = ipRules.value;
        const hasIpRules = Array.isArray(rules) && rules.length > 0;
        const filtered = hasIpRules || vnetFilter.isTrue();
        const unfiltered = !ipRules.isUnknown && !hasIpRules && !vnetFilter.isUnknown && !vnetFilter.isTrue();

        if (filtered && tooOpen.kind === "pass") return pass;
        if (!access.isUnknown && tooOpen.kind === "fail") return tooOpen;
        if (!access.isUnknown && unfiltered) {
            return fail(
                "`publicNetworkAccess` is not Disabled and no firewall is set (`ipRules` empty, `isVirtualNetworkFilterEnabled` not true), " +
                    "so the account accepts traffic from every network; set `publicNetworkAccess` to Disabled or limit access to selected networks.",
            );
        }
        return unknown(access, ...(tooOpen.kind === "unknown" ? tooOpen.needs : []), ipRules, vnetFilter);
    },
});
