import { isAzureText } from "../core/azure";
import { defineResourcePolicy, type PropsOf } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

export default defineResourcePolicy({
    name: "azure-compute-disk-restrict-network-access",
    title: "Managed disks and snapshots cannot be exported over the internet",
    cloud: "azure",
    control: "public-access",
    severity: "medium",
    description:
        "Anyone who can generate a disk's or snapshot's SAS URI can download it from any network while " +
        "`networkAccessPolicy` is AllowAll and `publicNetworkAccess` is Enabled — the defaults when both are unset. A disk " +
        "or snapshot must either restrict export (`networkAccessPolicy` DenyAll, or AllowPrivate through a disk access " +
        "resource) or turn public network access off (`publicNetworkAccess` Disabled).",
    remediation:
        "Set `networkAccessPolicy` to DenyAll, or to AllowPrivate with `diskAccessId`, and/or `publicNetworkAccess` to " +
        "Disabled. Set the config `allowPublicExport` to true only for stacks whose disks must be exported over the internet.",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "NS-2" },
        { framework: "iso27001", version: "2022", id: "A.8.20" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:compute:Disk", "azure-native:compute:Snapshot"],
    catalogue: ["azure-public-managed-disk"],
    config: {
        allowPublicExport: {
            type: "boolean",
            default: false,
            description: "Allow disks and snapshots that can be exported from any network (turns this policy's check off).",
        },
    },
    examples: {
        pass: [
            { title: "a disk that cannot be exported", type: "azure-native:compute:Disk", props: { creationData: { createOption: "Empty" }, diskSizeGB: 64, networkAccessPolicy: "DenyAll" } },
            { title: "a snapshot with public network access disabled", type: "azure-native:compute:Snapshot", props: { creationData: { createOption: "Copy" }, publicNetworkAccess: "Disabled" } },
        ],
        fail: [
            { title: "a disk that leaves both settings unset (AllowAll, Enabled)", type: "azure-native:compute:Disk", props: { creationData: { createOption: "Empty" }, diskSizeGB: 64 } },
            { title: "a snapshot exportable from any network", type: "azure-native:compute:Snapshot", props: { creationData: { createOption: "Copy" }, networkAccessPolicy: "AllowAll", publicNetworkAccess: "Enabled" } },
        ],
    },
    check(resource, config) {
        const props: PropsOf<"azure-native:compute:Disk" | "azure-native:compute:Snapshot"> = resource.props;
        if (config.allowPublicExport) return pass;
        // Export over the internet needs both: AllowAll (the default) and public network access Enabled (the default).
        const policy = props.get("networkAccessPolicy");
        const access = props.get("publicNetworkAccess");
        if (isAzureText(policy, "DenyAll", "AllowPrivate") || isAzureText(access, "Disabled")) return pass;
        if (policy.isUnknown || access.isUnknown) return unknown(policy, access);
        return fail(
            "`networkAccessPolicy` is AllowAll (unset means AllowAll) and `publicNetworkAccess` is not Disabled (unset means Enabled), so a SAS URI " +
                "exports the data to any network; set `networkAccessPolicy` to DenyAll or AllowPrivate (with `diskAccessId`), or `publicNetworkAccess` to Disabled.",
        );
    },
});
