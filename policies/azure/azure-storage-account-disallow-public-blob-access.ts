import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

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
    examples: {
        pass: [
            { title: "an account that leaves `allowBlobPublicAccess` unset (false)", type: "azure-native:storage:StorageAccount", props: { kind: "StorageV2", sku: { name: "Standard_LRS" } } },
            { title: "an account that disallows anonymous blob access", type: "azure-native:storage:StorageAccount", props: { allowBlobPublicAccess: false } },
        ],
        fail: [{ title: "an account that allows anonymous blob access", type: "azure-native:storage:StorageAccount", props: { allowBlobPublicAccess: true } }],
    },
    check({ props }) {
        const access = props.get("allowBlobPublicAccess");
        if (access.isUnknown) return unknown(access);
        return access.isTrue() ? fail("`allowBlobPublicAccess` is true, which lets containers allow anonymous reads; set it to false.") : pass;
    },
});
