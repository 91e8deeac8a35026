import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

const CLUSTER = "aws:eks/cluster:Cluster";

export default defineResourcePolicy({
    name: "aws-eks-cluster-require-secrets-encryption",
    title: "EKS clusters encrypt Kubernetes secrets with a KMS key",
    cloud: "aws",
    control: "encryption-at-rest",
    severity: "medium",
    description:
        "An EKS cluster should encrypt Kubernetes secrets with a KMS key of the account (`encryptionConfig` with " +
        "`resources: [\"secrets\"]` and `provider.keyArn`), as FSBP EKS.3 asks. EKS envelope-encrypts all " +
        "Kubernetes API data — secrets included — by default on Kubernetes 1.28 and later, with a key AWS owns, so a " +
        "cluster without `encryptionConfig` is not unencrypted: this is key control (revoking or auditing the key), and " +
        "advisory by default.",
    remediation:
        "Set `encryptionConfig: { resources: [\"secrets\"], provider: { keyArn: key.arn } }` with a symmetric KMS key. It " +
        "can be added to an existing cluster but never removed.",
    frameworks: [{ framework: "aws-fsbp", version: "1.0.0", id: "EKS.3" }],
    enforcementLevel: "advisory",
    resourceTypes: [CLUSTER],
    config: {},
    catalogue: ["aws-enc-eks-secrets"],
    examples: {
        pass: [
            {
                title: "secrets encrypted with a KMS key",
                type: CLUSTER,
                props: { roleArn: "arn:aws:iam::111122223333:role/eks", encryptionConfig: { resources: ["secrets"], provider: { keyArn: "arn:aws:kms:eu-west-1:111122223333:key/k1" } } },
            },
        ],
        fail: [{ title: "a cluster without `encryptionConfig`", type: CLUSTER, props: { roleArn: "arn:aws:iam::111122223333:role/eks" } }],
    },
    check({ props }) {
        const config = props.get("encryptionConfig");
        if (config.isUnknown) return unknown(config);
        const resources = config.get("resources").items();
        const key = config.get("provider").get("keyArn");
        if (resources.some((r) => r.isOneOf("secrets")) && key.isText()) return pass;
        if (resources.some((r) => r.isUnknown) || key.isUnknown) return unknown(...resources, key);
        return fail(
            "`encryptionConfig` does not encrypt \"secrets\" with a KMS key (`resources: [\"secrets\"]`, `provider.keyArn`), so secrets rest under a key AWS owns only; add it to control the key.",
        );
    },
});
