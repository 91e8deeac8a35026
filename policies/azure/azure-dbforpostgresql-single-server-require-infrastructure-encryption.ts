import { isSetting } from "../core/azure-cmk";
import { defineResourcePolicy, type PropsOf } from "../core/policy";

export default defineResourcePolicy({
    name: "azure-dbforpostgresql-single-server-require-infrastructure-encryption",
    title: "PostgreSQL and MySQL single servers encrypt twice (infrastructure encryption)",
    cloud: "azure",
    control: "encryption-at-rest",
    severity: "low",
    description:
        "Azure Database for PostgreSQL and MySQL single servers (retired; flexible servers have no such setting) can add " +
        "a second, infrastructure layer of encryption with a platform-managed key, chosen only when the server is " +
        "created: `properties.infrastructureEncryption` Enabled. Unset means Disabled.",
    remediation: "Set `properties.infrastructureEncryption` to Enabled when the server is created (better: migrate to a flexible server).",
    frameworks: [
        { framework: "cis-azure", version: "2.1.0", id: "4.3.8" },
        { framework: "mcsb", version: "v1", id: "DP-4" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: ["azure-native:dbforpostgresql:SingleServer", "azure-native:dbformysql:SingleServer"],
    config: {},
    catalogue: ["azure-enc-singleserver-infrastructure"],
    examples: {
        pass: [{ title: "a single server with infrastructure encryption", type: "azure-native:dbforpostgresql:SingleServer", props: { resourceGroupName: "rg", properties: { createMode: "Default", infrastructureEncryption: "Enabled" } } }],
        fail: [{ title: "a single server with one layer of encryption", type: "azure-native:dbformysql:SingleServer", props: { resourceGroupName: "rg", properties: { createMode: "Default" } } }],
    },
    check(resource) {
        const props: PropsOf<"azure-native:dbforpostgresql:SingleServer" | "azure-native:dbformysql:SingleServer"> = resource.props;
        return isSetting(
            props.get("properties").get("infrastructureEncryption"),
            ["Enabled"],
            "`properties.infrastructureEncryption` is not Enabled (unset means Disabled: data is encrypted once); set it to Enabled when the server is created.",
        );
    },
});
