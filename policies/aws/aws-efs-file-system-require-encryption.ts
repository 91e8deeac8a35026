import { defineResourcePolicy } from "../core/policy";
import { isUnsetFlag } from "../core/encryption";
import { fail, pass, unknown } from "../core/verdict";

export default defineResourcePolicy({
    name: "aws-efs-file-system-require-encryption",
    title: "EFS file systems are encrypted at rest",
    cloud: "aws",
    control: "encryption-at-rest",
    severity: "high",
    description:
        "EFS file systems must set `encrypted: true`. The EFS API (and so the provider) creates an unencrypted file system " +
        "unless asked, and encryption cannot be turned on afterwards.",
    remediation:
        "Set `encrypted: true` (optionally with `kmsKeyId` for a customer managed key). For an existing unencrypted file " +
        "system, create an encrypted one and copy the data across (e.g. with AWS DataSync).",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "EFS.1" },
        { framework: "cis-aws", version: "3.0.0", id: "2.4.1" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["aws:efs/fileSystem:FileSystem"],
    config: {},
    examples: {
        pass: [{ title: "an encrypted file system", type: "aws:efs/fileSystem:FileSystem", props: { encrypted: true } }],
        fail: [
            { title: "a file system that leaves `encrypted` unset", type: "aws:efs/fileSystem:FileSystem", props: {} },
            { title: "an unencrypted file system", type: "aws:efs/fileSystem:FileSystem", props: { encrypted: false } },
        ],
    },
    check({ props }) {
        const encrypted = props.get("encrypted");
        if (encrypted.isTrue()) return pass;
        if (encrypted.isUnknown) return unknown(encrypted);
        return fail(
            isUnsetFlag(encrypted)
                ? "`encrypted` is not set and EFS does not encrypt file systems by default; set it to true."
                : "`encrypted` is not true; set it to true.",
        );
    },
});
