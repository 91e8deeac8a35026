import { defineResourcePolicy } from "../core/policy";
import { each, fail, pass, unknown } from "../core/verdict";

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
    examples: {
        pass: [{ title: "server-side encryption enabled", type: "aws:dax/cluster:Cluster", props: { serverSideEncryption: { enabled: true } } }],
        fail: [
            { title: "no server-side encryption block", type: "aws:dax/cluster:Cluster", props: {} },
            { title: "server-side encryption turned off", type: "aws:dax/cluster:Cluster", props: { serverSideEncryption: { enabled: false } } },
        ],
    },
    check({ props }) {
        const settings = props.get("serverSideEncryption").blocks();
        if (!settings.length) {
            return fail("`serverSideEncryption` is not set and DAX does not encrypt at rest by default; set `serverSideEncryption.enabled` to true.");
        }
        return each(settings, (s) => {
            if (s.isUnknown) return unknown(s);
            const enabled = s.get("enabled");
            if (enabled.isTrue()) return pass;
            return enabled.isUnknown ? unknown(enabled) : fail("`serverSideEncryption.enabled` is not true; set it to true.");
        });
    },
});
