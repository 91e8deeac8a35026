import { KnownValues } from "../core/known";
import { defineResourcePolicy } from "../core/policy-legacy";
import { isFalse, isTrue } from "../core/values";

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
        { framework: "mcsb", version: "v2", id: "DP-8" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:keyvault:Vault"],
    config: {},
    check({ props }, _config, report) {
        const known = new KnownValues();
        const properties = known.get(props, "properties");
        if (!properties.known) return known.settle();
        let violated = false;
        const softDelete = known.get(properties.value, "enableSoftDelete");
        if (softDelete.known && isFalse(softDelete.value)) {
            report("`properties.enableSoftDelete` is false; remove it or set it to true.");
            violated = true;
        }
        const purge = known.get(properties.value, "enablePurgeProtection");
        if (purge.known && !isTrue(purge.value)) {
            report("`properties.enablePurgeProtection` is not true; set it to true.");
            violated = true;
        }
        if (!violated) known.settle();
    },
});
