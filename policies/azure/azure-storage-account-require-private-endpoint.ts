import { privateEndpointFindings } from "../core/azure-private-endpoint";
import { defineStackPolicy } from "../core/policy";

const TARGET = "azure-native:storage:StorageAccount";
const PRIVATE_ENDPOINT = "azure-native:network:PrivateEndpoint";
const ID = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/data";

export default defineStackPolicy({
    name: "azure-storage-account-require-private-endpoint",
    title: "Storage accounts are reached through private endpoints",
    cloud: "azure",
    control: "public-access",
    severity: "medium",
    description:
        "Storage accounts must be reached through private endpoints (CIS 3.10). One whose public network access is off (`publicNetworkAccess` " +
        "Disabled or SecuredByPerimeter) can only be reached privately and passes, wherever its endpoint is declared; one " +
        "with a public endpoint needs a network.PrivateEndpoint in this stack that connects to it. Advisory by default: " +
        "the endpoint may be declared in another stack (a hub network), which this stack cannot see.",
    remediation:
        "Add a `network.PrivateEndpoint` whose `privateLinkServiceConnections[].privateLinkServiceId` is the resource's " +
        "`id` and set `publicNetworkAccess` to Disabled. When the endpoint is managed in another stack, exempt the resource " +
        "(srguard-exempt:azure-storage-account-require-private-endpoint) or turn public network access off here.",
    frameworks: [
        { framework: "cis-azure", version: "2.1.0", id: "3.10" },
        { framework: "mcsb", version: "v1", id: "NS-2" },
        { framework: "iso27001", version: "2022", id: "A.8.20" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: [TARGET, PRIVATE_ENDPOINT],
    catalogue: ["azure-public-storage-private-endpoint"],
    config: {},
    examples: {
        pass: [
            { title: "an account with public network access disabled and no endpoint in this stack", resources: [{ type: TARGET, name: "data", props: { publicNetworkAccess: "Disabled" } }] },
            {
                title: "an account reached through a private endpoint",
                resources: [
                    { type: TARGET, name: "data", props: { kind: "StorageV2", sku: { name: "Standard_ZRS" } } },
                    {
                        type: PRIVATE_ENDPOINT,
                        name: "data-pe",
                        props: { privateLinkServiceConnections: [{ name: "data", groupIds: ["blob"], privateLinkServiceId: ID }] },
                        propertyDependencies: { privateLinkServiceConnections: ["data"] },
                    },
                ],
            },
        ],
        fail: [{ title: "an account with a public endpoint and no private endpoint", resources: [{ type: TARGET, name: "data", props: { kind: "StorageV2", sku: { name: "Standard_ZRS" } } }] }],
    },
    *check(stack) {
        yield* privateEndpointFindings(stack, {
            resources: stack.ofType(TARGET),
            access: (r) => r.props.get("publicNetworkAccess"),
            accessName: "`publicNetworkAccess`",
            noun: "the account",
        });
    },
});
