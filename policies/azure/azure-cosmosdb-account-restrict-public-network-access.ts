import { admitsEveryAddress, isPublicNetworkAccessOff, someRuleAdmits } from "../core/azure";
import { KnownValues } from "../core/known";
import { defineResourcePolicy } from "../core/policy-legacy";
import { isTrue } from "../core/values";

/**
 * An IP rule that opens the account to more than listed networks: every address (`/0`), or `0.0.0.0`, which Cosmos DB
 * reads as "accept connections from within public Azure datacenters" (any Azure customer's resources).
 */
function admitsTooMuch(v: unknown): boolean {
    return admitsEveryAddress(v) || (typeof v === "string" && v.trim() === "0.0.0.0");
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
    check({ props }, config, report) {
        if (config.allowPublicNetworkAccess) return;
        const known = new KnownValues();
        const access = known.get(props, "publicNetworkAccess");
        if (access.known && isPublicNetworkAccessOff(access.value)) return;

        const tooOpen = someRuleAdmits(known, props, "ipRules", "ipAddressOrRange", admitsTooMuch);
        const ipRules = known.get(props, "ipRules");
        const vnetFilter = known.get(props, "isVirtualNetworkFilterEnabled");
        const hasIpRules = ipRules.known && Array.isArray(ipRules.value) && ipRules.value.length > 0;
        const filtered = hasIpRules || (vnetFilter.known && isTrue(vnetFilter.value));
        const unfiltered = ipRules.known && !hasIpRules && vnetFilter.known && !isTrue(vnetFilter.value);

        if (filtered && tooOpen === "no") return;
        if (access.known && tooOpen === "yes") {
            report("`ipRules` admits every address or every Azure datacenter (0.0.0.0, or a range wider than /8 for IPv4 or /32 for IPv6); list only the networks that need access.");
            return;
        }
        if (access.known && unfiltered) {
            report(
                "`publicNetworkAccess` is not Disabled and no firewall is set (`ipRules` empty, `isVirtualNetworkFilterEnabled` not true), " +
                    "so the account accepts traffic from every network; set `publicNetworkAccess` to Disabled or limit access to selected networks.",
            );
            return;
        }
        known.settle();
    },
});
