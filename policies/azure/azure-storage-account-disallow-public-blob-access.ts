import { defineResourcePolicy } from "../core/policy-legacy";
import { isTrue } from "../core/values";

export default defineResourcePolicy({
    name: "azure-storage-account-disallow-public-blob-access",
    title: "Storage accounts disallow anonymous blob access",
    cloud: "azure",
    control: "public-access",
    severity: "high",
    description:
        "A storage account with `allowBlobPublicAccess` true lets any of its containers be opened to anonymous " +
        "reads. The property's default interpretation is false, so leaving it unset passes; setting it to true fails.",
    remediation: "Remove `allowBlobPublicAccess` or set it to false; share data with SAS tokens or Microsoft Entra ID roles instead.",
    frameworks: [
        { framework: "cis-azure", version: "2.1.0", id: "3.17" },
        { framework: "iso27001", version: "2022", id: "A.8.3" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:storage:StorageAccount"],
    config: {},
    check({ props }, _config, report) {
        if (isTrue(props.allowBlobPublicAccess)) {
            report("`allowBlobPublicAccess` is true, which lets containers allow anonymous reads; set it to false.");
        }
    },
});
