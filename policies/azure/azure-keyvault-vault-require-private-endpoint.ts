import { privateEndpointFindings } from "../core/azure-private-endpoint";
import { defineStackPolicy } from "../core/policy";

const TARGET = "azure-native:keyvault:Vault";
const PRIVATE_ENDPOINT = "azure-native:network:PrivateEndpoint";
const ID = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/data";

export default defineStackPolicy({
    name: "azure-keyvault-vault-require-private-endpoint",
    title: "Key Vaults are reached through private endpoints",
    cloud: "azure",
    control: "public-access",
    severity: "medium",
    description:
        "Key Vaults must be reached through private endpoints (CIS 8.7). One whose public network access is off (`properties.publicNetworkAccess` " +
        "Disabled or SecuredByPerimeter) can only be reached privately and passes, wherever its endpoint is declared; one " +
        "with a public endpoint needs a network.PrivateEndpoint in this stack that connects to it. Advisory by default: " +
        "the endpoint may be declared in another stack (a hub network), which this stack cannot see.",
    remediation:
        "Add a `network.PrivateEndpoint` whose `privateLinkServiceConnections[].privateLinkServiceId` is the resource's " +
        "`id` and set `properties.publicNetworkAccess` to Disabled. When the endpoint is managed in another stack, exempt the resource " +
        "(srguard-exempt:azure-keyvault-vault-require-private-endpoint) or turn public network access off here.",
    frameworks: [
        { framework: "cis-azure", version: "2.1.0", id: "8.7" },
        { framework: "mcsb", version: "v1", id: "NS-2" },
        { framework: "iso27001", version: "2022", id: "A.8.20" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: [TARGET, PRIVATE_ENDPOINT],
    catalogue: ["azure-public-keyvault-private-endpoint"],
    config: {},
    examples: {
        pass: [
            { title: "a vault with public network access disabled and no endpoint in this stack", resources: [{ type: TARGET, name: "data", props: { properties: { publicNetworkAccess: "Disabled" } } }] },
            {
                title: "a vault reached through a private endpoint",
                resources: [
                    { type: TARGET, name: "data", props: { properties: { tenantId: "00000000-0000-0000-0000-000000000001", sku: { family: "A", name: "standard" } } } },
                    {
                        type: PRIVATE_ENDPOINT,
                        name: "data-pe",
                        props: { privateLinkServiceConnections: [{ name: "data", groupIds: ["vault"], privateLinkServiceId: ID }] },
                        propertyDependencies: { privateLinkServiceConnections: ["data"] },
                    },
                ],
            },
        ],
        fail: [{ title: "a vault with a public endpoint and no private endpoint", resources: [{ type: TARGET, name: "data", props: { properties: { tenantId: "00000000-0000-0000-0000-000000000001", sku: { family: "A", name: "standard" } } } }] }],
    },
    *check(stack) {
        yield* privateEndpointFindings(stack, {
            resources: stack.ofType(TARGET),
            access: (r) => r.props.get("properties").get("publicNetworkAccess"),
            accessName: "`properties.publicNetworkAccess`",
            noun: "the vault",
        });
    },
});
