import { isSetting } from "../core/azure-cmk";
import { defineResourcePolicy } from "../core/policy";

export default defineResourcePolicy({
    name: "azure-search-service-require-customer-managed-key",
    title: "Azure AI Search services enforce customer-managed keys",
    cloud: "azure",
    control: "encryption-at-rest",
    severity: "medium",
    description:
        "Azure AI Search encrypts indexes and other objects at rest with Microsoft-managed keys; customer-managed keys are " +
        "set per object. `encryptionWithCmk.enforcement` Enabled makes the service report every object that is not " +
        "encrypted with a customer-managed key, which is what the Azure Policy built-in checks.",
    remediation:
        "Set `encryptionWithCmk.enforcement` to Enabled and encrypt each index, synonym map, indexer, data source and skillset with a Key Vault key.",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "DP-5" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: ["azure-native:search:Service"],
    config: {},
    catalogue: ["azure-enc-search-cmk"],
    examples: {
        pass: [{ title: "enforcement of customer-managed keys on", type: "azure-native:search:Service", props: { resourceGroupName: "rg", sku: { name: "standard" }, encryptionWithCmk: { enforcement: "Enabled" } } }],
        fail: [{ title: "Microsoft-managed keys only", type: "azure-native:search:Service", props: { resourceGroupName: "rg", sku: { name: "standard" } } }],
    },
    check({ props }) {
        return isSetting(
            props.get("encryptionWithCmk").get("enforcement"),
            ["Enabled"],
            "`encryptionWithCmk.enforcement` is not Enabled (unset and Unspecified mean Disabled: objects may use Microsoft-managed keys); set it to Enabled.",
        );
    },
});
