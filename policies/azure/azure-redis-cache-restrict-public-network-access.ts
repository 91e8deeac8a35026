import { exposureVerdict } from "../core/azure";
import { defineResourcePolicy, type PropsOf } from "../core/policy";
import { pass } from "../core/verdict";

export default defineResourcePolicy({
    name: "azure-redis-cache-restrict-public-network-access",
    title: "Azure Cache for Redis turns public network access off",
    cloud: "azure",
    control: "public-access",
    severity: "high",
    description:
        "An Azure Cache for Redis (or Azure Managed Redis / Redis Enterprise cluster) keeps a public endpoint " +
        "unless `publicNetworkAccess` is Disabled (unset means Enabled), leaving the cache one access key away " +
        "from the internet. Caches must set `publicNetworkAccess` to Disabled and be reached through private " +
        "endpoints.",
    remediation:
        "Set `publicNetworkAccess` to Disabled and connect through a private endpoint. Set the config " +
        "`allowPublicNetworkAccess` to true only for stacks whose caches must keep a public endpoint.",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "NS-2" },
        { framework: "iso27001", version: "2022", id: "A.8.20" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:redis:Redis", "azure-native:redisenterprise:RedisEnterprise"],
    catalogue: ["azure-public-redis"],
    config: {
        allowPublicNetworkAccess: {
            type: "boolean",
            default: false,
            description: "Allow Redis caches with a public endpoint (turns this policy's check off).",
        },
    },
    examples: {
        pass: [
            { title: "a cache with public network access disabled", type: "azure-native:redis:Redis", props: { sku: { name: "Premium", family: "P", capacity: 1 }, publicNetworkAccess: "Disabled" } },
            { title: "a Redis Enterprise cluster with public network access disabled", type: "azure-native:redisenterprise:RedisEnterprise", props: { sku: { name: "Balanced_B0" }, publicNetworkAccess: "Disabled" } },
        ],
        fail: [
            { title: "a cache that leaves public network access unset (Enabled)", type: "azure-native:redis:Redis", props: { sku: { name: "Standard", family: "C", capacity: 1 } } },
        ],
    },
    check(resource, config) {
        const props: PropsOf<"azure-native:redis:Redis" | "azure-native:redisenterprise:RedisEnterprise"> = resource.props;
        if (config.allowPublicNetworkAccess) return pass;
        return exposureVerdict(
            { access: props.get("publicNetworkAccess"), noun: "the cache" },
            { acceptSelected: false },
        );
    },
});
