import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

export default defineResourcePolicy({
    name: "azure-containerregistry-registry-disallow-anonymous-pull",
    title: "Container registries refuse anonymous pulls",
    cloud: "azure",
    control: "public-access",
    severity: "high",
    description:
        "`anonymousPullEnabled` lets anyone who can reach a container registry pull every image in it without " +
        "authenticating. Anonymous pull is off unless the program turns it on, so a registry that leaves it unset passes; " +
        "`true` fails.",
    remediation:
        "Leave `anonymousPullEnabled` unset or set it to false, and grant pull access with Azure RBAC (AcrPull) or " +
        "repository-scoped tokens. Set the config `allowAnonymousPull` to true only for stacks whose registries publish " +
        "public images.",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "PA-7" },
        { framework: "iso27001", version: "2022", id: "A.8.3" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:containerregistry:Registry"],
    catalogue: ["azure-public-acr-anonymous-pull"],
    config: {
        allowAnonymousPull: {
            type: "boolean",
            default: false,
            description: "Allow registries that serve anonymous pulls (turns this policy's check off).",
        },
    },
    examples: {
        pass: [
            { title: "a registry that leaves anonymous pull unset (off)", type: "azure-native:containerregistry:Registry", props: { sku: { name: "Standard" } } },
            { title: "a public image registry, allowed by config", type: "azure-native:containerregistry:Registry", props: { sku: { name: "Standard" }, anonymousPullEnabled: true }, config: { allowAnonymousPull: true } },
        ],
        fail: [{ title: "a registry with anonymous pull on", type: "azure-native:containerregistry:Registry", props: { sku: { name: "Standard" }, anonymousPullEnabled: true } }],
    },
    check({ props }, config) {
        if (config.allowAnonymousPull) return pass;
        const anonymous = props.get("anonymousPullEnabled");
        if (anonymous.isUnknown) return unknown(anonymous);
        return anonymous.isTrue() ? fail("`anonymousPullEnabled` is true, so anyone can pull the registry's images without signing in; set it to false.") : pass;
    },
});
