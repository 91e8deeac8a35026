import { isPublicNetworkAccessOff } from "../core/azure";
import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

export default defineResourcePolicy({
    name: "azure-storage-account-disallow-public-network-access",
    title: "Storage accounts have public network access disabled",
    cloud: "azure",
    control: "public-access",
    severity: "medium",
    description:
        "A storage account keeps a public endpoint unless `publicNetworkAccess` is Disabled (unset means Enabled); its " +
        "firewall (`networkRuleSet`) then decides who reaches it, and a firewall is one change away from admitting " +
        "every network. This policy asks for the endpoint to be off, reached through private endpoints only " +
        "(SecuredByPerimeter, which leaves inbound access to a network security perimeter, is accepted too, as by the " +
        "Azure Policy built-in). It is advisory: many legitimate accounts keep a public endpoint on purpose — static " +
        "websites, partners uploading through a firewall — and `azure-storage-account-restrict-network-access` already " +
        "blocks an endpoint that admits every network.",
    remediation:
        "Set `publicNetworkAccess` to Disabled and reach the account through private endpoints " +
        "(`azure-native:network:PrivateEndpoint`). Set the config `allowPublicEndpoint` to true for stacks whose " +
        "accounts must keep a (firewalled) public endpoint.",
    frameworks: [
        { framework: "cis-azure", version: "2.1.0", id: "3.7" },
        { framework: "mcsb", version: "v1", id: "NS-2" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: ["azure-native:storage:StorageAccount"],
    catalogue: ["azure-public-storage-pna-disabled"],
    config: {
        allowPublicEndpoint: {
            type: "boolean",
            default: false,
            description: "Allow storage accounts that keep a public endpoint behind their firewall (turns this policy's check off).",
        },
    },
    examples: {
        pass: [
            { title: "an account with public network access disabled", type: "azure-native:storage:StorageAccount", props: { kind: "StorageV2", publicNetworkAccess: "Disabled" } },
            { title: "an account secured by a network security perimeter", type: "azure-native:storage:StorageAccount", props: { kind: "StorageV2", publicNetworkAccess: "SecuredByPerimeter" } },
        ],
        fail: [
            { title: "an account that says nothing about public network access (default: Enabled)", type: "azure-native:storage:StorageAccount", props: { kind: "StorageV2" } },
            {
                title: "a public endpoint behind a deny-by-default firewall",
                type: "azure-native:storage:StorageAccount",
                props: { kind: "StorageV2", publicNetworkAccess: "Enabled", networkRuleSet: { defaultAction: "Deny", ipRules: [{ iPAddressOrRange: "203.0.113.0/24" }] } },
            },
        ],
    },
    check({ props }, config) {
        if (config.allowPublicEndpoint) return pass;
        const access = props.get("publicNetworkAccess");
        if (isPublicNetworkAccessOff(access)) return pass;
        if (access.isUnknown) return unknown(access);
        const state = access.isUnset ? "is unset (the default is Enabled)" : "is not Disabled";
        return fail(
            `\`publicNetworkAccess\` ${state}, so the account is reachable through its public endpoint, subject only to its ` +
                "firewall (`networkRuleSet`); set `publicNetworkAccess` to Disabled and use private endpoints, or set the config " +
                "`allowPublicEndpoint` to true if this account must keep a public endpoint.",
        );
    },
});
