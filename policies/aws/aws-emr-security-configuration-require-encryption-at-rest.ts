import { defineResourcePolicy } from "../core/policy";
import { Value } from "../core/read";
import { fail, pass, unknown } from "../core/verdict";

const SECURITY_CONFIGURATION = "aws:emr/securityConfiguration:SecurityConfiguration";

/** The configuration document: a JSON string (as the provider takes it) or, from a program, an object. */
function parse(v: Value): Value | undefined {
    const text = v.text();
    if (text === undefined) return v.isSet && typeof v.value === "object" ? v : undefined;
    try {
        return Value.root(JSON.parse(text) as unknown, "configuration");
    } catch {
        return undefined;
    }
}

export default defineResourcePolicy({
    name: "aws-emr-security-configuration-require-encryption-at-rest",
    title: "EMR security configurations enable encryption at rest",
    cloud: "aws",
    control: "encryption-at-rest",
    severity: "high",
    description:
        "An EMR security configuration must turn on at-rest encryption: in its `configuration` document, " +
        "`EncryptionConfiguration.EnableAtRestEncryption` must be true (EMRFS data in S3 and the clusters' local disks " +
        "then follow its `AtRestEncryptionConfiguration`). EMR does not encrypt at rest unless a security configuration " +
        "says so.",
    remediation:
        "Set `EncryptionConfiguration.EnableAtRestEncryption: true` with an `AtRestEncryptionConfiguration` " +
        "(`S3EncryptionConfiguration` with SSE-S3 or SSE-KMS, `LocalDiskEncryptionConfiguration` with a KMS key) in the " +
        "configuration JSON.",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "EMR.3" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [SECURITY_CONFIGURATION],
    config: {},
    catalogue: ["aws-enc-emr-security-configuration"],
    examples: {
        pass: [
            {
                title: "at-rest encryption enabled",
                type: SECURITY_CONFIGURATION,
                props: {
                    configuration: JSON.stringify({
                        EncryptionConfiguration: {
                            EnableAtRestEncryption: true,
                            EnableInTransitEncryption: false,
                            AtRestEncryptionConfiguration: { S3EncryptionConfiguration: { EncryptionMode: "SSE-S3" } },
                        },
                    }),
                },
            },
        ],
        fail: [
            {
                title: "at-rest encryption turned off",
                type: SECURITY_CONFIGURATION,
                props: { configuration: JSON.stringify({ EncryptionConfiguration: { EnableAtRestEncryption: false, EnableInTransitEncryption: true } }) },
            },
        ],
    },
    check({ props }) {
        const configuration = props.get("configuration");
        if (configuration.isUnknown) return unknown(configuration);
        const document = parse(configuration);
        if (!document) return fail("`configuration` is not a JSON document EMR can read; write it with `EncryptionConfiguration.EnableAtRestEncryption: true`.");
        if (document.hasUnknown) return unknown(configuration);
        const enabled = (document as Value<{ EncryptionConfiguration?: { EnableAtRestEncryption?: unknown } }>).get("EncryptionConfiguration").get("EnableAtRestEncryption");
        if (enabled.isTrue()) return pass;
        return fail("`configuration` does not set `EncryptionConfiguration.EnableAtRestEncryption` to true, so data at rest is not encrypted; set it to true with an `AtRestEncryptionConfiguration`.");
    },
});
