import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

export default defineResourcePolicy({
    name: "azure-sql-managed-instance-disallow-public-data-endpoint",
    title: "SQL managed instances keep the public data endpoint off",
    cloud: "azure",
    control: "public-access",
    severity: "high",
    description:
        "A SQL managed instance lives in its own subnet; `publicDataEndpointEnabled` adds a public endpoint (port 3342) " +
        "that any network can reach through the subnet's security group. The endpoint is off unless the program turns it " +
        "on, so an instance that leaves `publicDataEndpointEnabled` unset passes; `true` fails.",
    remediation:
        "Leave `publicDataEndpointEnabled` unset or set it to false, and connect from the instance's virtual network or a " +
        "private endpoint. Set the config `allowPublicDataEndpoint` to true only for stacks whose instances must keep one.",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "NS-2" },
        { framework: "iso27001", version: "2022", id: "A.8.20" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:sql:ManagedInstance"],
    catalogue: ["azure-public-sql-mi"],
    config: {
        allowPublicDataEndpoint: {
            type: "boolean",
            default: false,
            description: "Allow managed instances with the public data endpoint on (turns this policy's check off).",
        },
    },
    examples: {
        pass: [
            { title: "an instance that leaves the public data endpoint unset (off)", type: "azure-native:sql:ManagedInstance", props: { subnetId: "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/mi" } },
            { title: "an instance with the public data endpoint off", type: "azure-native:sql:ManagedInstance", props: { publicDataEndpointEnabled: false } },
        ],
        fail: [{ title: "an instance with the public data endpoint on", type: "azure-native:sql:ManagedInstance", props: { publicDataEndpointEnabled: true } }],
    },
    check({ props }, config) {
        if (config.allowPublicDataEndpoint) return pass;
        const endpoint = props.get("publicDataEndpointEnabled");
        if (endpoint.isUnknown) return unknown(endpoint);
        return endpoint.isTrue() ? fail("`publicDataEndpointEnabled` is true, which opens a public endpoint to the instance; set it to false and connect privately.") : pass;
    },
});
