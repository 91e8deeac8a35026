import { isOn } from "../core/azure-cmk";
import { defineResourcePolicy } from "../core/policy";

export default defineResourcePolicy({
    name: "azure-eventhub-namespace-require-infrastructure-encryption",
    title: "Event Hubs namespaces encrypt twice (infrastructure encryption)",
    cloud: "azure",
    control: "encryption-at-rest",
    severity: "low",
    description:
        "Infrastructure encryption adds a second layer of encryption, with a platform-managed key, under the " +
        "customer-managed key of a Event Hubs namespace, so that a compromise of one key or algorithm does not expose the " +
        "data. It is off unless `encryption.requireInfrastructureEncryption` is true, and can only be chosen when the key is set up.",
    remediation: "Set `encryption.requireInfrastructureEncryption` to true, together with the customer-managed key in `encryption`.",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "DP-4" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: ["azure-native:eventhub:Namespace"],
    config: {},
    catalogue: ["azure-enc-eventhub-double"],
    examples: {
        pass: [
            {
                title: "a namespace with infrastructure encryption",
                type: "azure-native:eventhub:Namespace",
                props: { resourceGroupName: "rg", sku: { name: "Premium" }, encryption: { keySource: "Microsoft.KeyVault", requireInfrastructureEncryption: true, keyVaultProperties: [{ keyName: "ns-key", keyVaultUri: "https://contoso.vault.azure.net" }] } },
            },
        ],
        fail: [{ title: "a namespace with one layer of encryption", type: "azure-native:eventhub:Namespace", props: { resourceGroupName: "rg", sku: { name: "Premium" } } }],
    },
    check({ props }) {
        return isOn(
            props.get("encryption").get("requireInfrastructureEncryption"),
            "`encryption.requireInfrastructureEncryption` is not true (data is encrypted once); set it to true with a customer-managed key.",
        );
    },
});
