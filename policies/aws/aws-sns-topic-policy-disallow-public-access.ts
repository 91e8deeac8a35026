import { defineResourcePolicy, type PropsOf } from "../core/policy";
import { resourcePolicy } from "../core/public-access";

export default defineResourcePolicy({
    name: "aws-sns-topic-policy-disallow-public-access",
    title: "SNS topic policies do not grant public access",
    cloud: "aws",
    control: "public-access",
    severity: "high",
    description:
        "SNS topic policies (TopicPolicy and the inline `policy` of a Topic) must not allow anyone: no Allow statement with Principal `*`, `{AWS: \"*\"}` or a NotPrincipal unless a fixed condition restricts it (aws:SourceOwner, aws:SourceAccount, aws:SourceArn, aws:PrincipalOrgID ...), and no Allow to `s3.amazonaws.com` without a source condition. A topic without a policy has the default policy (its own account only).",
    remediation:
        "Name the principals instead of `*`, or add a fixed condition such as `StringEquals: { \"aws:SourceOwner\": <account id> }` (the default topic policy does this) or `ArnEquals: { \"aws:SourceArn\": <bucket ARN> }` for S3 notifications.",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.8.3" }],
    enforcementLevel: "mandatory",
    catalogue: ["aws-public-sns-topic-policy"],
    resourceTypes: [
        "aws:sns/topicPolicy:TopicPolicy",
        "aws:sns/topic:Topic",
    ],
    config: {},
    examples: {
        pass: [
            { title: "anyone in the owner's account (the default topic policy's condition)", type: "aws:sns/topicPolicy:TopicPolicy", props: { arn: "arn:aws:sns:ap-northeast-1:111122223333:alerts", policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: "sns:Publish", Resource: "*", Condition: { StringEquals: { "aws:SourceOwner": "111122223333" } } }] }) } },
        ],
        fail: [
            { title: "anyone may publish", type: "aws:sns/topicPolicy:TopicPolicy", props: { arn: "arn:aws:sns:ap-northeast-1:111122223333:alerts", policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "sns:Publish", Resource: "*" }] }) } },
            { title: "S3 notifications from any account's bucket", type: "aws:sns/topicPolicy:TopicPolicy", props: { arn: "arn:aws:sns:ap-northeast-1:111122223333:alerts", policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sns:Publish", Resource: "*" }] }) } },
        ],
    },
    check(r) {
        const props: PropsOf<typeof r.canonicalType> = r.props;
        return resourcePolicy(props.get("policy"), "policy", { confusedDeputyServices: ["s3.amazonaws.com"] });
    },
});
