import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

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
    examples: {
        pass: [{ title: "an account with infrastructure encryption", type: "azure-native:storage:StorageAccount", props: { encryption: { requireInfrastructureEncryption: true } } }],
        fail: [
            { title: "an account that says nothing about infrastructure encryption", type: "azure-native:storage:StorageAccount", props: {} },
            { title: "an account with infrastructure encryption off", type: "azure-native:storage:StorageAccount", props: { encryption: { requireInfrastructureEncryption: false } } },
        ],
    },
    check({ props }) {
        const encryption = props.get("encryption");
        const required = encryption.get("requireInfrastructureEncryption");
        if (required.isUnknown) return unknown(required);
        return required.isTrue() ? pass : fail("`encryption.requireInfrastructureEncryption` is not true; set it to true when the account is created.");
    },
});
