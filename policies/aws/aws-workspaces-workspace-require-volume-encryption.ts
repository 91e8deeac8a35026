import { isUnsetFlag } from "../core/encryption";
import { defineResourcePolicy } from "../core/policy";
import type { Value } from "../core/read";
import { all, fail, pass, unknown, type Verdict } from "../core/verdict";

const WORKSPACE = "aws:workspaces/workspace:Workspace";

/** A volume encryption flag: true passes; false or unset (the default) fails. */
function volume(flag: Value, name: string, which: string): Verdict {
    if (flag.isTrue()) return pass;
    if (flag.isUnknown) return unknown(flag);
    return fail(
        isUnsetFlag(flag)
            ? `\`${name}\` is not set and WorkSpaces does not encrypt the ${which} volume by default; set it to true (with \`volumeEncryptionKey\`).`
            : `\`${name}\` is not true, so the ${which} volume is not encrypted; set it to true (with \`volumeEncryptionKey\`).`,
    );
}

export default defineResourcePolicy({
    name: "aws-workspaces-workspace-require-volume-encryption",
    title: "WorkSpaces encrypt their user and root volumes",
    cloud: "aws",
    control: "encryption-at-rest",
    severity: "high",
    description:
        "A WorkSpace must encrypt both of its volumes: `userVolumeEncryptionEnabled` (the user's D: drive or home " +
        "directory) and `rootVolumeEncryptionEnabled` must be true. Both default to false, so a WorkSpace that leaves " +
        "them unset is unencrypted.",
    remediation:
        "Set `userVolumeEncryptionEnabled: true` and `rootVolumeEncryptionEnabled: true` with `volumeEncryptionKey` (a " +
        "symmetric KMS key, or `alias/aws/workspaces`). Encryption cannot be turned on for an existing WorkSpace: it is " +
        "replaced (rebuild the user's data from its snapshots).",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "WorkSpaces.1" },
        { framework: "aws-fsbp", version: "1.0.0", id: "WorkSpaces.2" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [WORKSPACE],
    config: {},
    catalogue: ["aws-enc-workspaces-volumes"],
    examples: {
        pass: [
            {
                title: "both volumes encrypted",
                type: WORKSPACE,
                props: { bundleId: "wsb-1", directoryId: "d-1", userName: "jdoe", userVolumeEncryptionEnabled: true, rootVolumeEncryptionEnabled: true, volumeEncryptionKey: "alias/aws/workspaces" },
            },
        ],
        fail: [
            { title: "a WorkSpace that leaves volume encryption unset (the default)", type: WORKSPACE, props: { bundleId: "wsb-1", directoryId: "d-1", userName: "jdoe" } },
            {
                title: "only the user volume encrypted",
                type: WORKSPACE,
                props: { bundleId: "wsb-1", directoryId: "d-1", userName: "jdoe", userVolumeEncryptionEnabled: true, volumeEncryptionKey: "alias/aws/workspaces" },
            },
        ],
    },
    check({ props }) {
        return all([
            volume(props.get("userVolumeEncryptionEnabled"), "userVolumeEncryptionEnabled", "user"),
            volume(props.get("rootVolumeEncryptionEnabled"), "rootVolumeEncryptionEnabled", "root"),
        ]);
    },
});
