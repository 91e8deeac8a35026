import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

export default defineResourcePolicy({
    name: "azure-storage-account-require-secure-transfer",
    title: "Storage accounts accept only encrypted (HTTPS) connections",
    cloud: "azure",
    control: "public-access",
    severity: "high",
    description:
        "A storage account with `enableHttpsTrafficOnly` false accepts plain HTTP (and unencrypted SMB), exposing " +
        "data and credentials on the network. The default is true since API version 2019-04-01, so leaving it unset passes.",
    remediation: "Remove `enableHttpsTrafficOnly` or set it to true.",
    frameworks: [
        { framework: "cis-azure", version: "2.1.0", id: "3.1" },
        { framework: "mcsb", version: "v1", id: "DP-3" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:storage:StorageAccount"],
    config: {},
    examples: {
        pass: [
            { title: "an account that leaves `enableHttpsTrafficOnly` unset (true)", type: "azure-native:storage:StorageAccount", props: {} },
            { title: "an account that accepts HTTPS only", type: "azure-native:storage:StorageAccount", props: { enableHttpsTrafficOnly: true } },
        ],
        fail: [{ title: "an account that accepts HTTP", type: "azure-native:storage:StorageAccount", props: { enableHttpsTrafficOnly: false } }],
    },
    check({ props }) {
        const httpsOnly = props.get("enableHttpsTrafficOnly");
        if (httpsOnly.isUnknown) return unknown(httpsOnly);
        return httpsOnly.isFalse() ? fail("`enableHttpsTrafficOnly` is false, so the account accepts unencrypted HTTP; set it to true.") : pass;
    },
});
