import { defineResourcePolicy } from "../core/policy";
import { distinct, isAwsManagedKeyAlias } from "../core/encryption";
import type { Value } from "../core/read";
import { all, each, fail, failIf, pass, unknown, type Verdict } from "../core/verdict";

export default defineResourcePolicy({
    name: "aws-dynamodb-table-require-customer-managed-key",
    title: "DynamoDB tables encrypt with a customer managed KMS key",
    cloud: "aws",
    control: "encryption-at-rest",
    severity: "medium",
    description:
        "DynamoDB always encrypts tables at rest — with an AWS owned key unless told otherwise (`serverSideEncryption." +
        "enabled: false` or no block means that AWS owned key, not \"unencrypted\") — so there is no mandatory DynamoDB " +
        "policy. This advisory one asks for a KMS key the customer controls: `serverSideEncryption.enabled: true` with a " +
        "customer managed `kmsKeyArn`, also on every global-table replica.",
    remediation:
        "Set `serverSideEncryption: { enabled: true, kmsKeyArn: key.arn }` with a customer managed key, and `kmsKeyArn` on " +
        "every `replicas` entry (a key in the replica's region). With `allowAwsManagedKey`, the AWS managed key " +
        "(alias/aws/dynamodb, `enabled: true` without `kmsKeyArn`) is accepted too.",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.8.24" }],
    enforcementLevel: "advisory",
    resourceTypes: ["aws:dynamodb/table:Table"],
    config: {
        allowAwsManagedKey: {
            type: "boolean",
            default: false,
            description:
                "Accept the AWS managed key alias/aws/dynamodb (`enabled: true` without a customer managed `kmsKeyArn`), " +
                "which is KMS-audited but whose key policy the customer cannot change.",
        },
    },
    examples: {
        pass: [
            {
                title: "a customer managed key",
                type: "aws:dynamodb/table:Table",
                props: { serverSideEncryption: { enabled: true, kmsKeyArn: "arn:aws:kms:eu-west-1:111122223333:key/k1" } },
            },
            { title: "the AWS managed key, when allowed", type: "aws:dynamodb/table:Table", props: { serverSideEncryption: { enabled: true } }, config: { allowAwsManagedKey: true } },
        ],
        fail: [
            { title: "no `serverSideEncryption` (an AWS owned key)", type: "aws:dynamodb/table:Table", props: {} },
            { title: "the AWS managed key alias", type: "aws:dynamodb/table:Table", props: { serverSideEncryption: { enabled: true, kmsKeyArn: "alias/aws/dynamodb" } } },
        ],
    },
    check({ props }, config) {
        const customerKey = (key: Value, where: string): Verdict => {
            if (key.isUnknown) return unknown(key);
            if (config.allowAwsManagedKey) return pass;
            if (!key.isText()) return fail(`${where}\`kmsKeyArn\` is not set, so DynamoDB uses the AWS managed key; set it to a customer managed KMS key.`);
            if (isAwsManagedKeyAlias(key)) return fail(`${where}\`kmsKeyArn\` names an AWS managed key (alias/aws/...); set it to a customer managed KMS key.`);
            return pass;
        };
        const settings = props.get("serverSideEncryption").blocks();
        return distinct(
            all([
                failIf(
                    !settings.length,
                    "`serverSideEncryption` is not set, so DynamoDB encrypts with an AWS owned key; set `enabled: true` and a customer managed `kmsKeyArn`.",
                ),
                each(settings, (s) => {
                    if (s.isUnknown) return unknown(s);
                    const enabled = s.get("enabled");
                    if (enabled.isUnknown) return unknown(enabled);
                    if (!enabled.isTrue()) {
                        return fail(
                            "`serverSideEncryption.enabled` is not true, so DynamoDB encrypts with an AWS owned key; set it to true with a customer managed `kmsKeyArn`.",
                        );
                    }
                    return customerKey(s.get("kmsKeyArn"), "`serverSideEncryption`: ");
                }),
                each(props.get("replicas").blocks(), (r) => (r.isUnknown ? unknown(r) : customerKey(r.get("kmsKeyArn"), "a `replicas` entry: "))),
            ]),
        );
    },
});
