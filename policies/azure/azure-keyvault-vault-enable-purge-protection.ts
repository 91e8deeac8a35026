import { defineResourcePolicy } from "../core/policy";
import { all, fail, pass, unknown } from "../core/verdict";

export default defineResourcePolicy({
    name: "azure-keyvault-vault-enable-purge-protection",
    title: "Key Vaults keep soft delete and purge protection on",
    cloud: "azure",
    control: "encryption-at-rest",
    severity: "high",
    description:
        "A Key Vault holds the keys that protect encrypted data; if the vault or a key can be destroyed at once, the " +
        "data it protects is lost with it. Vaults must keep soft delete on (`properties.enableSoftDelete` not false) " +
        "and turn purge protection on (`properties.enablePurgeProtection` true), so that a deleted vault or key stays " +
        "recoverable for the whole retention period, even against a privileged insider.",
    remediation:
        "Set `properties.enablePurgeProtection` to true (it cannot be turned off again) and remove " +
        "`properties.enableSoftDelete: false` (soft delete is on by default and cannot be turned off once on).",
    frameworks: [
        { framework: "cis-azure", version: "2.1.0", id: "8.5" },
        { framework: "mcsb", version: "v1", id: "DP-8" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:keyvault:Vault"],
    config: {},
    examples: {
        pass: [{ title: "a vault with purge protection", type: "azure-native:keyvault:Vault", props: { properties: { tenantId: "00000000-0000-0000-0000-000000000001", sku: { family: "A", name: "standard" }, enablePurgeProtection: true } } }],
        fail: [
            { title: "a vault without purge protection", type: "azure-native:keyvault:Vault", props: { properties: { tenantId: "00000000-0000-0000-0000-000000000001", sku: { family: "A", name: "standard" } } } },
            { title: "a vault with soft delete off", type: "azure-native:keyvault:Vault", props: { properties: { enableSoftDelete: false, enablePurgeProtection: true } } },
        ],
    },
    check({ props }) {
        const properties = props.get("properties");
        if (properties.isUnknown) return unknown(properties);
        const softDelete = properties.get("enableSoftDelete");
        const purge = properties.get("enablePurgeProtection");
        return all([
            softDelete.isUnknown ? unknown(softDelete) : softDelete.isFalse() ? fail("`properties.enableSoftDelete` is false; remove it or set it to true.") : pass,
            purge.isUnknown ? unknown(purge) : purge.isTrue() ? pass : fail("`properties.enablePurgeProtection` is not true; set it to true."),
        ]);
    },
});
