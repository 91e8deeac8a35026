import { isAzureText } from "../core/azure";
import { defineResourcePolicy } from "../core/policy";
import { all, fail, unknown, type Verdict } from "../core/verdict";

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
        { framework: "mcsb", version: "v1", id: "DP-4" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:storage:StorageAccount"],
    config: {},
    examples: {
        pass: [
            { title: "an account that says nothing about encryption (Microsoft-managed keys)", type: "azure-native:storage:StorageAccount", props: {} },
            {
                title: "an account with Microsoft-managed keys and blob encryption on",
                type: "azure-native:storage:StorageAccount",
                props: { encryption: { keySource: "Microsoft.Storage", services: { blob: { enabled: true } } } },
            },
        ],
        fail: [
            { title: "an account that writes blob encryption off", type: "azure-native:storage:StorageAccount", props: { encryption: { services: { blob: { enabled: false } } } } },
            { title: "an account with an unrecognised key source", type: "azure-native:storage:StorageAccount", props: { encryption: { keySource: "None" } } },
        ],
    },
    check({ props }) {
        const encryption = props.get("encryption");
        if (encryption.isUnknown) return unknown(encryption);
        const verdicts: Verdict[] = [];
        const keySource = encryption.get("keySource");
        if (keySource.isUnknown) verdicts.push(unknown(keySource));
        else if (keySource.isSet && !isAzureText(keySource, ...KEY_SOURCES)) {
            verdicts.push(fail(`\`encryption.keySource\` is not a key source Azure Storage accepts; set it to ${KEY_SOURCES.join(" or ")}.`));
        }
        const services = encryption.get("services");
        if (services.isUnknown) verdicts.push(unknown(services));
        else {
            for (const name of SERVICES) {
                const service = services.get(name);
                const enabled = service.get("enabled");
                if (service.isUnknown || enabled.isUnknown) verdicts.push(unknown(service, enabled));
                else if (enabled.isFalse()) {
                    verdicts.push(fail(`\`encryption.services.${name}.enabled\` is false; remove it or set it to true (Azure Storage encryption at rest cannot be turned off).`));
                }
            }
        }
        return all(verdicts);
    },
});
