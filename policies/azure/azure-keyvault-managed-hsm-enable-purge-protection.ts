import { defineResourcePolicy } from "../core/policy";
import { all, fail, pass, unknown } from "../core/verdict";

export default defineResourcePolicy({
    name: "azure-keyvault-managed-hsm-enable-purge-protection",
    title: "Managed HSM pools keep soft delete and purge protection on",
    cloud: "azure",
    control: "encryption-at-rest",
    severity: "high",
    description:
        "A Managed HSM pool holds the keys that protect encrypted data (customer-managed keys of storage, SQL, disks); if " +
        "the pool or a key can be purged at once, the data it protects is lost with it. Pools must keep soft delete on " +
        "(`properties.enableSoftDelete` not false) and turn purge protection on (`properties.enablePurgeProtection` " +
        "true, off by default), so a deleted pool or key stays recoverable for the whole retention period.",
    remediation:
        "Set `properties.enablePurgeProtection` to true (it cannot be turned off again) and remove " +
        "`properties.enableSoftDelete: false`. Key Vault vaults are checked by azure-keyvault-vault-enable-purge-protection.",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.8.24" }],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:keyvault:ManagedHsm"],
    config: {},
    examples: {
        pass: [
            {
                title: "a Managed HSM with purge protection",
                type: "azure-native:keyvault:ManagedHsm",
                props: { resourceGroupName: "rg", sku: { family: "B", name: "Standard_B1" }, properties: { initialAdminObjectIds: ["00000000-0000-0000-0000-000000000001"], enablePurgeProtection: true } },
            },
        ],
        fail: [
            {
                title: "a Managed HSM without purge protection",
                type: "azure-native:keyvault:ManagedHsm",
                props: { resourceGroupName: "rg", sku: { family: "B", name: "Standard_B1" }, properties: { initialAdminObjectIds: ["00000000-0000-0000-0000-000000000001"] } },
            },
        ],
    },
    check({ props }) {
        const properties = props.get("properties");
        if (properties.isUnknown) return unknown(properties);
        const softDelete = properties.get("enableSoftDelete");
        const purge = properties.get("enablePurgeProtection");
        return all([
            softDelete.isUnknown ? unknown(softDelete) : softDelete.isFalse() ? fail("`properties.enableSoftDelete` is false; remove it or set it to true.") : pass,
            purge.isUnknown
                ? unknown(purge)
                : purge.isTrue()
                  ? pass
                  : fail(`\`properties.enablePurgeProtection\` is ${purge.isFalse() ? "false" : "not set (off by default)"}; set it to true.`),
        ]);
    },
});
