import { defineResourcePolicy } from "../core/policy-legacy";
import { isObject, isTrue } from "../core/values";

export default defineResourcePolicy({
    name: "azure-storage-account-require-infrastructure-encryption",
    title: "Storage accounts add infrastructure (double) encryption",
    cloud: "azure",
    control: "encryption-at-rest",
    severity: "medium",
    description:
        "Storage accounts should require infrastructure encryption, so that data is encrypted a second time, at the " +
        "infrastructure layer with a separate key and algorithm, in case one layer's key or algorithm is compromised.",
    remediation:
        "Set `encryption.requireInfrastructureEncryption` to true. Azure only accepts it when the account is created: " +
        "an existing account has to be replaced (and its data copied) to gain it.",
    frameworks: [
        { framework: "cis-azure", version: "2.1.0", id: "3.2" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: ["azure-native:storage:StorageAccount"],
    config: {},
    check({ props }, _config, report) {
        const enc = props.encryption;
        if (!isObject(enc) || !isTrue(enc.requireInfrastructureEncryption)) {
            report("`encryption.requireInfrastructureEncryption` is not true; set it to true when the account is created.");
        }
    },
});
