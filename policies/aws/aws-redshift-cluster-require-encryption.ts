import { flag } from "../core/encryption";
import { defineResourcePolicy } from "../core/policy-legacy";

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
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.8.24" }],
    enforcementLevel: "mandatory",
    resourceTypes: ["aws:redshift/cluster:Cluster"],
    config: {},
    check({ props }, _config, report) {
        switch (flag(props, "encrypted")) {
            case "on":
            case "unset":
                return;
            case "unknown":
                void props["encrypted"];
                return;
            default:
                report("`encrypted` is not true; set it to \"true\" or leave it unset (Redshift encrypts by default).");
        }
    },
});
