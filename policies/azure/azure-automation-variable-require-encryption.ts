import { isOn } from "../core/azure-cmk";
import { defineResourcePolicy } from "../core/policy";

export default defineResourcePolicy({
    name: "azure-automation-variable-require-encryption",
    title: "Automation account variables are encrypted",
    cloud: "azure",
    control: "encryption-at-rest",
    severity: "high",
    description:
        "An Azure Automation variable is stored encrypted only when `isEncrypted` is true; unset means false, and the " +
        "value is then stored and shown in plain text. Azure cannot encrypt a variable after it is created, so the " +
        "variable has to be created encrypted.",
    remediation: "Set `isEncrypted: true` (a new variable: Azure cannot change an existing variable's encryption; replace it).",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "DP-4" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:automation:Variable"],
    config: {},
    catalogue: ["azure-enc-automation-variables"],
    examples: {
        pass: [{ title: "an encrypted variable", type: "azure-native:automation:Variable", props: { resourceGroupName: "rg", automationAccountName: "ops", name: "apiToken", isEncrypted: true } }],
        fail: [
            { title: "a variable that says nothing (stored unencrypted)", type: "azure-native:automation:Variable", props: { resourceGroupName: "rg", automationAccountName: "ops", name: "apiToken" } },
            { title: "a variable with isEncrypted false", type: "azure-native:automation:Variable", props: { resourceGroupName: "rg", automationAccountName: "ops", name: "apiToken", isEncrypted: false } },
        ],
    },
    check({ props }) {
        const flag = props.get("isEncrypted");
        return isOn(flag, flag.isUnset ? "`isEncrypted` is not set, so Azure stores the variable unencrypted; set `isEncrypted: true`." : "`isEncrypted` is false (the variable is stored unencrypted); set it to true.");
    },
});
