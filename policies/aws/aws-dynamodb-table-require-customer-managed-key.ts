import { blocks, flag, isAwsManagedKeyAlias, isSet, known } from "../core/encryption";
import { KnownValues } from "../core/known";
import { defineResourcePolicy } from "../core/policy-legacy";

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
    check({ props }, config, report) {
        const values = new KnownValues();
        const problems = new Set<string>();
        const keyOk = (owner: Parameters<typeof known>[0], base: string, where: string) => {
            const key = known(owner, "kmsKeyArn", base);
            if (!key.known) return values.defer(key.read);
            if (config.allowAwsManagedKey) return;
            if (!isSet(key.value)) {
                problems.add(`${where}\`kmsKeyArn\` is not set, so DynamoDB uses the AWS managed key; set it to a customer managed KMS key.`);
            } else if (isAwsManagedKeyAlias(key.value)) {
                problems.add(`${where}\`kmsKeyArn\` names an AWS managed key (alias/aws/...); set it to a customer managed KMS key.`);
            }
        };

        const settings = blocks(props, "serverSideEncryption");
        if (!settings.length) {
            problems.add(
                "`serverSideEncryption` is not set, so DynamoDB encrypts with an AWS owned key; set `enabled: true` and a customer managed `kmsKeyArn`.",
            );
        }
        for (const s of settings) {
            if (!s.known) {
                values.defer(s.read);
                continue;
            }
            const enabled = flag(s.value, "enabled");
            if (enabled === "unknown") values.defer(() => s.value["enabled"]);
            else if (enabled !== "on") {
                problems.add(
                    "`serverSideEncryption.enabled` is not true, so DynamoDB encrypts with an AWS owned key; set it to true with a customer managed `kmsKeyArn`.",
                );
            } else keyOk(s.value, s.path, "`serverSideEncryption`: ");
        }

        for (const replica of blocks(props, "replicas")) {
            if (!replica.known) values.defer(replica.read);
            else keyOk(replica.value, replica.path, "a `replicas` entry: ");
        }

        if (problems.size) problems.forEach(report);
        else values.settle();
    },
});
