import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

const KEY = "aws:kms/key:Key";

export default defineResourcePolicy({
    name: "aws-kms-key-enable-rotation",
    title: "Symmetric KMS keys rotate their key material",
    cloud: "aws",
    control: "encryption-at-rest",
    severity: "medium",
    description:
        "A customer managed symmetric encryption KMS key (`keyUsage` ENCRYPT_DECRYPT with `customerMasterKeySpec` " +
        "SYMMETRIC_DEFAULT — the defaults) must rotate its key material automatically: `enableKeyRotation` must be true " +
        "(CIS AWS 3.6). Rotation is off unless enabled. KMS cannot rotate asymmetric or HMAC keys, keys with imported " +
        "material or keys in a custom key store (`customKeyStoreId`, `xksKeyId`): those are not checked. Multi-Region " +
        "replica keys follow their primary key's setting.",
    remediation:
        "Set `enableKeyRotation: true` (optionally with `rotationPeriodInDays`, 90–2560; the default is 365). Data " +
        "encrypted under earlier key material stays readable.",
    frameworks: [
        { framework: "cis-aws", version: "3.0.0", id: "3.6" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [KEY],
    config: {},
    catalogue: ["aws-enc-kms-rotation"],
    examples: {
        pass: [
            { title: "a symmetric key with rotation enabled", type: KEY, props: { description: "orders", enableKeyRotation: true } },
            { title: "an asymmetric signing key (cannot rotate)", type: KEY, props: { keyUsage: "SIGN_VERIFY", customerMasterKeySpec: "ECC_NIST_P256" } },
        ],
        fail: [{ title: "a symmetric key that leaves rotation unset (off)", type: KEY, props: { description: "orders" } }],
    },
    check({ props }) {
        const usage = props.get("keyUsage");
        const spec = props.get("customerMasterKeySpec");
        const store = props.get("customKeyStoreId");
        const xks = props.get("xksKeyId");
        const rotation = props.get("enableKeyRotation");
        if (rotation.isTrue()) return pass;
        if (usage.isUnknown || spec.isUnknown || store.isUnknown || xks.isUnknown) return unknown(usage, spec, store, xks);
        const symmetric = (usage.isBlank || usage.isOneOf("ENCRYPT_DECRYPT")) && (spec.isBlank || spec.isOneOf("SYMMETRIC_DEFAULT"));
        if (!symmetric || store.isText() || xks.isText()) return pass; // KMS cannot rotate these keys
        if (rotation.isUnknown) return unknown(rotation);
        return fail(
            rotation.isFalse()
                ? "`enableKeyRotation` is false, so the key's material is never rotated; set it to true."
                : "`enableKeyRotation` is not set and KMS does not rotate customer managed keys by default; set it to true.",
        );
    },
});
