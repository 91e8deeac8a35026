import { namesKey } from "../core/azure-cmk";
import { defineResourcePolicy } from "../core/policy";

export default defineResourcePolicy({
    name: "azure-sql-managed-instance-require-customer-managed-key",
    title: "SQL managed instances protect TDE with a customer-managed key",
    cloud: "azure",
    control: "encryption-at-rest",
    severity: "medium",
    description:
        "A SQL managed instance encrypts its databases with transparent data encryption, protected by a service-managed " +
        "key unless the instance's `keyId` names a Key Vault key. Instances holding sensitive data should use a " +
        "customer-managed key, so that the customer controls the key that protects every database's encryption key.",
    remediation: "Set `keyId` to a Key Vault key URI (and give the instance an identity that may wrap and unwrap with the key).",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "DP-5" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: ["azure-native:sql:ManagedInstance"],
    config: {},
    catalogue: ["azure-enc-sql-mi-cmk"],
    examples: {
        pass: [{ title: "an instance with a Key Vault key", type: "azure-native:sql:ManagedInstance", props: { resourceGroupName: "rg", keyId: "https://contoso.vault.azure.net/keys/tde/1" } }],
        fail: [{ title: "an instance with a service-managed TDE key", type: "azure-native:sql:ManagedInstance", props: { resourceGroupName: "rg" } }],
    },
    check({ props }) {
        return namesKey(props.get("keyId"), "`keyId` is not set (TDE uses a service-managed key); set it to a Key Vault key URI.");
    },
});
