import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

const CONFIGURATION = "aws:emr/blockPublicAccessConfiguration:BlockPublicAccessConfiguration";

export default defineResourcePolicy({
    name: "aws-emr-block-public-access-configuration-enable",
    title: "EMR block public access stays on",
    cloud: "aws",
    control: "public-access",
    severity: "high",
    description:
        "An EMR block public access configuration the stack manages must keep `blockPublicSecurityGroupRules: true`, " +
        "so that no cluster starts with a security group open to 0.0.0.0/0 or ::/0 (beyond the permitted port ranges). " +
        "A stack that does not manage the setting leaves the account's (on by default).",
    remediation: "Set `blockPublicSecurityGroupRules: true`; list the ports that may be public (e.g. 22) in `permittedPublicSecurityGroupRuleRanges`.",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.8.3" }],
    enforcementLevel: "mandatory",
    catalogue: ["aws-public-emr-block-public-access"],
    resourceTypes: [CONFIGURATION],
    config: {},
    examples: {
        pass: [{ title: "block public access on", type: CONFIGURATION, props: { blockPublicSecurityGroupRules: true } }],
        fail: [{ title: "block public access off", type: CONFIGURATION, props: { blockPublicSecurityGroupRules: false } }],
    },
    check({ props }) {
        const on = props.get("blockPublicSecurityGroupRules");
        if (on.isUnknown) return unknown(on);
        return on.isTrue() ? pass : fail("`blockPublicSecurityGroupRules` is not true, so EMR clusters may start with security groups open to the internet; set it to true.");
    },
});
