import { firewallState, isPublicNetworkAccessOff } from "../core/azure";
import { KnownValues } from "../core/known";
import { defineResourcePolicy } from "../core/policy-legacy";

export default defineResourcePolicy({
    name: "azure-keyvault-vault-restrict-public-network-access",
    title: "Key Vaults are not reachable from every network",
    cloud: "azure",
    control: "public-access",
    severity: "high",
    description:
        "Key Vaults accept traffic from every network unless told otherwise. A vault must either turn public network " +
        "access off (`properties.publicNetworkAccess` Disabled, any case) or deny by default " +
        "(`properties.networkAcls.defaultAction` Deny) and admit only listed networks, with no IP rule that admits every address.",
    remediation:
        "Set `properties.publicNetworkAccess` to Disabled and use a private endpoint, or set " +
        "`properties.networkAcls.defaultAction` to Deny with `ipRules` / `virtualNetworkRules` for the networks that need " +
        "access. Set the config `allowPublicNetworkAccess` to true only for stacks whose vaults must be public.",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "NS-2" },
        { framework: "iso27001", version: "2022", id: "A.8.20" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:keyvault:Vault"],
    config: {
        allowPublicNetworkAccess: {
            type: "boolean",
            default: false,
            description: "Allow Key Vaults that accept traffic from every network (turns this policy's check off).",
        },
    },
    check({ props }, config, report) {
        if (config.allowPublicNetworkAccess) return;
        const known = new KnownValues();
        const properties = known.get(props, "properties");
        if (!properties.known) return known.settle();
        const access = known.get(properties.value, "publicNetworkAccess");
        if (access.known && isPublicNetworkAccessOff(access.value)) return;
        const firewall = firewallState(known, properties.value, "networkAcls", "value");
        if (firewall === "closed") return;
        if (access.known && firewall === "open-default") {
            report(
                "`properties.publicNetworkAccess` is not Disabled and `properties.networkAcls.defaultAction` is not Deny, so the " +
                    "vault accepts traffic from every network; set `publicNetworkAccess` to Disabled, or `networkAcls.defaultAction` to Deny with explicit rules.",
            );
            return;
        }
        if (access.known && firewall === "open-rule") {
            report(
                "`properties.networkAcls.ipRules` admits every address (a range wider than /8 for IPv4 or /32 for IPv6), which undoes `defaultAction` Deny; remove " +
                    "that rule or set `publicNetworkAccess` to Disabled.",
            );
            return;
        }
        known.settle();
    },
});
