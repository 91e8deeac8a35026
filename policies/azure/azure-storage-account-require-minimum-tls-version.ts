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
        "Storage accounts must refuse TLS 1.0 and 1.1, which have known weaknesses. The provider schema documents " +
        "the default interpretation of an unset `minimumTlsVersion` as TLS 1.0 (accounts created outside the portal " +
        "are not raised to 1.2), so an unset value fails: the version must be stated.",
    remediation: "Set `minimumTlsVersion` to TLS1_2.",
    frameworks: [
        { framework: "cis-azure", version: "2.1.0", id: "3.15" },
        { framework: "mcsb", version: "v2", id: "DP-3" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:storage:StorageAccount"],
    config: {},
    examples: {
        pass: [{ title: "an account that requires TLS 1.2", type: "azure-native:storage:StorageAccount", props: { minimumTlsVersion: "TLS1_2" } }],
        fail: [
            { title: "an account that leaves the minimum TLS version unset", type: "azure-native:storage:StorageAccount", props: {} },
            { title: "an account that accepts TLS 1.0", type: "azure-native:storage:StorageAccount", props: { minimumTlsVersion: "TLS1_0" } },
        ],
    },
    check({ props }) {
        const version = props.get("minimumTlsVersion");
        if (version.isUnknown) return unknown(version);
        if (version.isUnset || version.value === "") return fail("`minimumTlsVersion` is not set (Azure Storage then accepts TLS 1.0); set it to TLS1_2.");
        return isAzureText(version, ...ACCEPTED) ? pass : fail("`minimumTlsVersion` is below TLS1_2; set it to TLS1_2.");
    },
});
