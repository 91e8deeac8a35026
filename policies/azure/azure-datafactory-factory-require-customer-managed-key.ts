import { namesKey } from "../core/azure-cmk";
import { all } from "../core/verdict";
import { defineResourcePolicy } from "../core/policy";

export default defineResourcePolicy({
    name: "azure-datafactory-factory-require-customer-managed-key",
    title: "Data factories encrypt with a customer-managed key",
    cloud: "azure",
    control: "encryption-at-rest",
    severity: "medium",
    description:
        "Data Factory encrypts its metadata (linked services, pipelines, credentials) at rest with Microsoft-managed keys. " +
        "Factories handling sensitive data should encrypt with a customer-managed key from Key Vault (`encryption`).",
    remediation:
        "Set `encryption.vaultBaseUrl` and `encryption.keyName` to a Key Vault key (with `encryption.identity` an identity that may use it).",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "DP-5" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: ["azure-native:datafactory:Factory"],
    config: {},
    catalogue: ["azure-enc-datafactory-cmk"],
    examples: {
        pass: [{ title: "encrypted with a Key Vault key", type: "azure-native:datafactory:Factory", props: { resourceGroupName: "rg", encryption: { vaultBaseUrl: "https://contoso.vault.azure.net", keyName: "adf" } } }],
        fail: [{ title: "Microsoft-managed keys only", type: "azure-native:datafactory:Factory", props: { resourceGroupName: "rg" } }],
    },
    check({ props }) {
        const encryption = props.get("encryption");
        return all([
            namesKey(encryption.get("vaultBaseUrl"), "`encryption.vaultBaseUrl` is not set (the factory uses Microsoft-managed keys); set it to the Key Vault URL."),
            namesKey(encryption.get("keyName"), "`encryption.keyName` is not set; set it to the key name."),
        ]);
    },
});
