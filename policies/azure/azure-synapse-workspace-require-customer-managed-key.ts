import { namesKey } from "../core/azure-cmk";
import { all } from "../core/verdict";
import { defineResourcePolicy } from "../core/policy";

export default defineResourcePolicy({
    name: "azure-synapse-workspace-require-customer-managed-key",
    title: "Synapse workspaces encrypt with a customer-managed key",
    cloud: "azure",
    control: "encryption-at-rest",
    severity: "medium",
    description:
        "Synapse workspaces encrypt data at rest with Microsoft-managed keys; a customer-managed key from Key Vault adds a " +
        "second layer over the workspace's SQL pools, Spark pools and pipelines. Workspaces holding sensitive data should set " +
        "one (`encryption.cmk.key`), which Azure only accepts when the workspace is created.",
    remediation:
        "Set `encryption.cmk.key.name` and `encryption.cmk.key.keyVaultUrl` to a Key Vault key (and `encryption.cmk.kekIdentity` " +
        "to an identity that may use it).",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "DP-5" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: ["azure-native:synapse:Workspace"],
    config: {},
    catalogue: ["azure-enc-synapse-cmk"],
    examples: {
        pass: [{ title: "encrypted with a Key Vault key", type: "azure-native:synapse:Workspace", props: { resourceGroupName: "rg", encryption: { cmk: { key: { name: "default", keyVaultUrl: "https://contoso.vault.azure.net/keys/synapse" } } } } }],
        fail: [{ title: "Microsoft-managed keys only", type: "azure-native:synapse:Workspace", props: { resourceGroupName: "rg" } }],
    },
    check({ props }) {
        const key = props.get("encryption").get("cmk").get("key");
        return all([
            namesKey(key.get("name"), "`encryption.cmk.key.name` is not set (the workspace uses Microsoft-managed keys only); set a customer-managed key."),
            namesKey(key.get("keyVaultUrl"), "`encryption.cmk.key.keyVaultUrl` is not set; set it to the Key Vault key URL."),
        ]);
    },
});
