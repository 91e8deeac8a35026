import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

const CLUSTER = "aws:eks/cluster:Cluster";

export default defineResourcePolicy({
    name: "aws-eks-cluster-enable-audit-logging",
    title: "EKS clusters send the Kubernetes audit log to CloudWatch Logs",
    cloud: "aws",
    control: "log-retention",
    severity: "medium",
    description:
        "An EKS cluster must send its control plane's `audit` log (who did what through the Kubernetes API) to CloudWatch " +
        "Logs: `enabledClusterLogTypes` must contain \"audit\". EKS sends no control plane logs unless asked. The log group " +
        "(/aws/eks/<cluster>/cluster) keeps them as long as its retention says (aws-cloudwatch-log-group-configure-retention).",
    remediation:
        "Add \"audit\" to `enabledClusterLogTypes` (\"api\" and \"authenticator\" help investigations too), and declare the " +
        "`/aws/eks/<cluster>/cluster` log group with a retention before the cluster so that it is not created without one.",
    frameworks: [{ framework: "aws-fsbp", version: "1.0.0", id: "EKS.8" }],
    enforcementLevel: "mandatory",
    resourceTypes: [CLUSTER],
    config: {},
    catalogue: ["aws-log-eks-audit"],
    examples: {
        pass: [{ title: "a cluster that logs audit events", type: CLUSTER, props: { roleArn: "arn:aws:iam::111122223333:role/eks", enabledClusterLogTypes: ["api", "audit"] } }],
        fail: [
            { title: "a cluster without control plane logs (the default)", type: CLUSTER, props: { roleArn: "arn:aws:iam::111122223333:role/eks" } },
            { title: "a cluster that logs the API server but not audit events", type: CLUSTER, props: { roleArn: "arn:aws:iam::111122223333:role/eks", enabledClusterLogTypes: ["api"] } },
        ],
    },
    check({ props }) {
        const types = props.get("enabledClusterLogTypes").items();
        if (types.some((t) => t.isOneOf("audit"))) return pass;
        if (types.some((t) => t.isUnknown)) return unknown(...types);
        return fail(
            "`enabledClusterLogTypes` does not contain \"audit\", so the Kubernetes audit log is not kept; add \"audit\" to it.",
        );
    },
});
