import { blocks, flag } from "../core/encryption";
import { defineResourcePolicy } from "../core/policy-legacy";

export default defineResourcePolicy({
    name: "aws-dax-cluster-require-encryption",
    title: "DynamoDB Accelerator (DAX) clusters are encrypted at rest",
    cloud: "aws",
    control: "encryption-at-rest",
    severity: "medium",
    description:
        "DAX clusters cache DynamoDB items and must encrypt them at rest: `serverSideEncryption.enabled` defaults to false.",
    remediation: "Set `serverSideEncryption: { enabled: true }`; it can only be set when the cluster is created.",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "DynamoDB.3" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["aws:dax/cluster:Cluster"],
    config: {},
    check({ props }, _config, report) {
        const settings = blocks(props, "serverSideEncryption");
        if (!settings.length) {
            report("`serverSideEncryption` is not set and DAX does not encrypt at rest by default; set `serverSideEncryption.enabled` to true.");
            return;
        }
        for (const s of settings) {
            if (!s.known) return void s.read();
            const enabled = flag(s.value, "enabled");
            if (enabled === "unknown") return void s.value["enabled"];
            if (enabled !== "on") report("`serverSideEncryption.enabled` is not true; set it to true.");
        }
    },
});
