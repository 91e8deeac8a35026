import { isAzureText } from "../core/azure";
import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

/** `minimumTlsVersion` values at or above TLS 1.2 (the enum also has TLS1_0 and TLS1_1). */
const ACCEPTED = ["TLS1_2", "TLS1_3"] as const;

export default defineResourcePolicy({
    name: "azure-storage-account-require-minimum-tls-version",
    title: "Storage accounts refuse TLS versions below 1.2",
    cloud: "azure",
    control: "public-access",
    severity: "medium",
    description:
        "Storage accounts must refuse TLS 1.0 and 1.1, which have known weaknesses. Since 3 February 2026 Azure Storage " +
        "accepts only TLS 1.2 or later whatever the account says, so an account that leaves `minimumTlsVersion` unset " +
        "passes (the service's floor is TLS 1.2); one that states TLS1_0 or TLS1_1 (or any other value below TLS1_2) fails, " +
        "since it declares an intent the pack must not let stand.",
    remediation: "Set `minimumTlsVersion` to TLS1_2 (or leave it unset: Azure Storage has refused older versions since 3 February 2026).",
    frameworks: [
        { framework: "cis-azure", version: "2.1.0", id: "3.15" },
        { framework: "mcsb", version: "v1", id: "DP-3" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:storage:StorageAccount"],
    config: {},
    examples: {
        pass: [
            { title: "an account that requires TLS 1.2", type: "azure-native:storage:StorageAccount", props: { minimumTlsVersion: "TLS1_2" } },
            { title: "an account that leaves the minimum unset (the service's floor is TLS 1.2)", type: "azure-native:storage:StorageAccount", props: { kind: "StorageV2" } },
        ],
        fail: [
            { title: "an account that accepts TLS 1.0", type: "azure-native:storage:StorageAccount", props: { minimumTlsVersion: "TLS1_0" } },
        ],
    },
    check({ props }) {
        const version = props.get("minimumTlsVersion");
        if (version.isUnknown) return unknown(version);
        // Unset: Azure Storage has refused TLS 1.0 and 1.1 on every account since 3 February 2026 (docs/how-it-works.md,
        // "Defaults, service by service — Azure").
        if (version.isBlank) return pass;
        return isAzureText(version, ...ACCEPTED) ? pass : fail("`minimumTlsVersion` is below TLS1_2; set it to TLS1_2.");
    },
});
