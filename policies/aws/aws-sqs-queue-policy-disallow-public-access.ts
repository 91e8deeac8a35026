import { defineResourcePolicy, type PropsOf } from "../core/policy";
import { resourcePolicy } from "../core/public-access";

export default defineResourcePolicy({
    name: "aws-sqs-queue-policy-disallow-public-access",
    title: "SQS queue policies do not grant public access",
    cloud: "aws",
    control: "public-access",
    severity: "high",
    description:
        "SQS queue policies (QueuePolicy and the inline `policy` of a Queue) must not allow anyone: no Allow statement with Principal `*`, `{AWS: \"*\"}` or a NotPrincipal unless a fixed condition restricts it (source ARN or account, organisation, VPC endpoint, IP range ...), and no Allow to a service principal that acts for any account's resources without a source condition. A queue without a policy is private.",
    remediation:
        "Name the principals (an account, a role, or a service such as `sns.amazonaws.com` with `ArnEquals: { \"aws:SourceArn\": <topic ARN> }`) instead of `*`, or add a fixed condition on aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID or aws:SourceVpce.",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.8.3" }],
    enforcementLevel: "mandatory",
    catalogue: ["aws-public-sqs-queue-policy"],
    resourceTypes: [
        "aws:sqs/queuePolicy:QueuePolicy",
        "aws:sqs/queue:Queue",
    ],
    config: {},
    examples: {
        pass: [
            { title: "a topic in the same stack may send, pinned by its ARN", type: "aws:sqs/queuePolicy:QueuePolicy", props: { queueUrl: "https://sqs.ap-northeast-1.amazonaws.com/111122223333/orders", policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "sns.amazonaws.com" }, Action: "sqs:SendMessage", Resource: "*", Condition: { ArnEquals: { "aws:SourceArn": "arn:aws:sns:ap-northeast-1:111122223333:orders" } } }] }) } },
        ],
        fail: [
            { title: "anyone may send", type: "aws:sqs/queuePolicy:QueuePolicy", props: { queueUrl: "https://sqs.ap-northeast-1.amazonaws.com/111122223333/orders", policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "sqs:SendMessage", Resource: "*" }] }) } },
        ],
    },
    check(r) {
        const props: PropsOf<typeof r.canonicalType> = r.props;
        return resourcePolicy(props.get("policy"), "policy", { confusedDeputyServices: ["s3.amazonaws.com"] });
    },
});
