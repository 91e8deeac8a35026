import { defineResourcePolicy } from "../core/policy";
import { isUnsetFlag } from "../core/encryption";
import { fail, pass, unknown } from "../core/verdict";

export default defineResourcePolicy({
    name: "aws-redshift-cluster-require-encryption",
    title: "Redshift clusters are encrypted at rest",
    cloud: "aws",
    control: "encryption-at-rest",
    severity: "high",
    description:
        "Redshift clusters must be encrypted at rest. `encrypted` (a string in the provider) defaults to \"true\", so a " +
        "cluster that leaves it unset passes; `encrypted: \"false\"` fails.",
    remediation: "Remove `encrypted: \"false\"` or set it to \"true\" (optionally with `kmsKeyId` for a customer managed key).",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "Redshift.10" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["aws:redshift/cluster:Cluster"],
    config: {},
    examples: {
        pass: [
            { title: "a cluster that leaves `encrypted` unset (encrypted by default)", type: "aws:redshift/cluster:Cluster", props: { clusterIdentifier: "dw", nodeType: "ra3.xlplus" } },
            { title: "an encrypted cluster", type: "aws:redshift/cluster:Cluster", props: { clusterIdentifier: "dw", nodeType: "ra3.xlplus", encrypted: "true" } },
        ],
        fail: [{ title: "encryption turned off", type: "aws:redshift/cluster:Cluster", props: { clusterIdentifier: "dw", nodeType: "ra3.xlplus", encrypted: "false" } }],
    },
    check({ props }) {
        const encrypted = props.get("encrypted");
        if (encrypted.isTrue() || isUnsetFlag(encrypted)) return pass;
        if (encrypted.isUnknown) return unknown(encrypted);
        return fail("`encrypted` is not true; set it to \"true\" or leave it unset (Redshift encrypts by default).");
    },
});
