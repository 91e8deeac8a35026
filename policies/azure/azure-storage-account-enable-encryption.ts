import { KnownValues } from "../core/known";
import { defineResourcePolicy } from "../core/policy-legacy";
import { isFalse, isObject, sameText } from "../core/values";

/** The storage services whose encryption the schema lets a program write down (`encryption.services.<name>`). */
const SERVICES = ["blob", "file", "queue", "table"] as const;

/** The key sources the storage resource provider accepts (case-insensitive). */
const KEY_SOURCES = ["Microsoft.Storage", "Microsoft.Keyvault"] as const;

export default defineResourcePolicy({
    name: "azure-storage-account-enable-encryption",
    title: "Storage accounts keep service-side encryption on",
    cloud: "azure",
    control: "encryption-at-rest",
    severity: "high",
    description:
        "Azure Storage encrypts every account at rest and the encryption cannot be turned off; a program that writes " +
        "`encryption.services.<service>.enabled: false` or an unrecognised `encryption.keySource` declares something " +
        "else, and must be corrected so that the code states what the account really does.",
    remediation:
        "Remove `enabled: false` from `encryption.services.blob|file|queue|table` (or set it to true), and set " +
        "`encryption.keySource` to Microsoft.Storage (Microsoft-managed keys) or Microsoft.Keyvault (customer-managed keys).",
    frameworks: [
        { framework: "mcsb", version: "v2", id: "DP-4" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:storage:StorageAccount"],
    config: {},
    check({ props }, _config, report) {
        const known = new KnownValues();
        const encryption = known.get(props, "encryption");
        if (!encryption.known) return known.settle();
        if (!isObject(encryption.value)) return; // not set: Microsoft-managed keys, always on
        const enc = encryption.value;
        let violated = false;

        const keySource = known.get(enc, "keySource");
        if (keySource.known && keySource.value !== undefined && keySource.value !== null) {
            if (!KEY_SOURCES.some((k) => sameText(keySource.value, k))) {
                report(`\`encryption.keySource\` is not a key source Azure Storage accepts; set it to ${KEY_SOURCES.join(" or ")}.`);
                violated = true;
            }
        }

        const services = known.get(enc, "services");
        if (services.known && isObject(services.value)) {
            const svc = services.value;
            for (const name of SERVICES) {
                const entry = known.get(svc, name);
                if (!entry.known || !isObject(entry.value)) continue;
                const enabled = known.get(entry.value, "enabled");
                if (enabled.known && isFalse(enabled.value)) {
                    report(`\`encryption.services.${name}.enabled\` is false; remove it or set it to true (Azure Storage encryption at rest cannot be turned off).`);
                    violated = true;
                }
            }
        }
        if (!violated) known.settle();
    },
});
