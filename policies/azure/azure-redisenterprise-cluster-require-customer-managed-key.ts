import { namesKey } from "../core/azure-cmk";
import { defineResourcePolicy } from "../core/policy";

export default defineResourcePolicy({
    name: "azure-redisenterprise-cluster-require-customer-managed-key",
    title: "Redis Enterprise clusters encrypt disks with a customer-managed key",
    cloud: "azure",
    control: "encryption-at-rest",
    severity: "medium",
    description:
        "Azure Cache for Redis Enterprise (and Azure Managed Redis) encrypts persisted data on disk with Microsoft-managed " +
        "keys. Clusters holding sensitive data should encrypt it with a customer-managed key from Key Vault.",
    remediation:
        "Set `encryption.customerManagedKeyEncryption.keyEncryptionKeyUrl` to a Key Vault key URL, with " +
        "`keyEncryptionKeyIdentity` a user-assigned identity that may use the key.",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "DP-5" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: ["azure-native:redisenterprise:RedisEnterprise"],
    config: {},
    catalogue: ["azure-enc-redis-enterprise-cmk"],
    examples: {
        pass: [{ title: "encrypted with a Key Vault key", type: "azure-native:redisenterprise:RedisEnterprise", props: { resourceGroupName: "rg", sku: { name: "Enterprise_E10" }, encryption: { customerManagedKeyEncryption: { keyEncryptionKeyUrl: "https://contoso.vault.azure.net/keys/redis/1" } } } }],
        fail: [{ title: "Microsoft-managed keys only", type: "azure-native:redisenterprise:RedisEnterprise", props: { resourceGroupName: "rg", sku: { name: "Enterprise_E10" } } }],
    },
    check({ props }) {
        return namesKey(
            props.get("encryption").get("customerManagedKeyEncryption").get("keyEncryptionKeyUrl"),
            "`encryption.customerManagedKeyEncryption.keyEncryptionKeyUrl` is not set (disks use Microsoft-managed keys); set it to a Key Vault key URL.",
        );
    },
});
