// Which benchmark-catalogue items (docs/catalogue.json, by key) the policies written before the `catalogue` metadata
// field existed enforce. New policies set `catalogue: [...]` in their own metadata instead; when a policy below is
// next edited, move its keys into its file and delete its line here (tests/compliance.test.ts rejects a policy that
// is listed here and sets the field, a key the catalogue lacks, and a policy the registry lacks).
//
// A policy is listed against an item only when it enforces the item's requirement in full on the tokens it looks at;
// where several policies are listed against one item (e.g. EBS volumes and the volumes an instance creates), together
// they enforce all of it. A partial check is not listed — the reasons are noted below, so the next reader does not
// have to rediscover them.

export const EXISTING_POLICY_COVERAGE: Readonly<Record<string, readonly string[]>> = {
    // AWS — encryption-at-rest
    "aws-dax-cluster-require-encryption": ["aws-enc-dax-cluster"],
    "aws-ebs-encryption-by-default-enable": ["aws-enc-ebs-default"],
    "aws-ebs-volume-require-encryption": ["aws-enc-ebs-volume"], // standalone volumes ...
    "aws-ec2-instance-require-ebs-encryption": ["aws-enc-ebs-volume"], // ... and the volumes an instance creates
    "aws-ec2-launch-template-require-ebs-encryption": ["aws-enc-launch-template-ebs"],
    "aws-efs-file-system-require-encryption": ["aws-enc-efs"],
    "aws-elasticache-replication-group-require-encryption-at-rest": ["aws-enc-elasticache-redis"],
    "aws-kinesis-stream-require-encryption": ["aws-enc-kinesis-stream"],
    "aws-opensearch-domain-require-encryption-at-rest": ["aws-enc-opensearch-domain"],
    "aws-rds-cluster-require-storage-encryption": ["aws-enc-rds-cluster"],
    "aws-rds-instance-require-storage-encryption": ["aws-enc-rds-instance"],
    "aws-redshift-cluster-require-encryption": ["aws-enc-redshift-cluster"],
    // Stricter than S3.17 (a customer managed key, not any KMS key), and advisory by default.
    "aws-s3-bucket-require-customer-managed-key": ["aws-enc-s3-kms"],
    "aws-sns-topic-require-encryption": ["aws-enc-sns-topic"],
    "aws-sqs-queue-require-encryption": ["aws-enc-sqs-queue"],
    // Not listed: aws-s3-bucket-require-server-side-encryption (S3 default encryption; the catalogue has no item — FSBP
    // S3.4 is retired), aws-cloudwatch-log-group-require-kms-key and aws-dynamodb-table-require-customer-managed-key
    // (hardening beyond the catalogue).

    // AWS — public-access
    "aws-rds-instance-disallow-public-access": ["aws-public-rds-instance"],
    "aws-redshift-cluster-disallow-public-access": ["aws-public-redshift-cluster"],
    "aws-redshiftserverless-workgroup-disallow-public-access": ["aws-public-redshiftserverless-workgroup"],
    "aws-s3-access-point-disallow-public-access": ["aws-public-s3-access-points"],
    "aws-s3-account-public-access-block-enable-all-settings": ["aws-public-s3-account-block"],
    "aws-s3-bucket-disallow-public-acl": ["aws-public-s3-bucket-acl"],
    "aws-s3-bucket-policy-disallow-public-access": ["aws-public-s3-bucket-policy"],
    // The MFA policy also fails a trust policy open to anyone without a restricting condition, whatever its MFA condition.
    "aws-iam-role-require-mfa": ["aws-public-iam-role-trust"],
    // Not listed: aws-cloudtrail-trail-require-msp-audit-logging checks that the trail bucket is not public only in
    // stacks with an MSP role (aws-public-cloudtrail-bucket needs it for every trail).

    // AWS — log-retention
    "aws-cloudtrail-trail-enable-log-file-validation": ["aws-log-cloudtrail-validation"],
    // aws-cloudtrail-trail-enable-logging and -enable-cloudwatch-logs carry their `catalogue` keys in their metadata; the
    // retention policies (CloudTrail bucket lifecycle, log groups) go beyond the catalogue.

    // Azure — encryption-at-rest
    "azure-storage-account-require-infrastructure-encryption": ["azure-enc-storage-infrastructure"],
    "azure-storage-account-require-customer-managed-key": ["azure-enc-storage-cmk"],
    "azure-sql-server-require-customer-managed-key": ["azure-enc-sql-tde-cmk"],
    "azure-sql-database-enable-transparent-data-encryption": ["azure-enc-sql-tde-on"],
    "azure-cosmosdb-account-require-customer-managed-key": ["azure-enc-cosmosdb-cmk"],
    "azure-dbforpostgresql-server-require-customer-managed-key": ["azure-enc-postgresql-flexible-cmk"],
    "azure-dbformysql-server-require-customer-managed-key": ["azure-enc-mysql-cmk"],
    "azure-keyvault-vault-enable-purge-protection": ["azure-enc-keyvault-recoverable"],

    // Azure — public-access
    "azure-storage-account-disallow-public-blob-access": ["azure-public-storage-blob-anonymous"], // the account ...
    "azure-storage-blob-container-disallow-public-access": ["azure-public-storage-blob-anonymous"], // ... and its containers
    // Deny-by-default or public network access Disabled: CIS 3.8. Not azure-public-storage-pna-disabled (CIS 3.7), which
    // asks for Disabled.
    "azure-storage-account-restrict-network-access": ["azure-public-storage-default-deny"],
    // Requires public network access Disabled, which makes every firewall rule moot.
    "azure-sql-server-restrict-public-network-access": ["azure-public-sql-server"],
    "azure-cosmosdb-account-restrict-public-network-access": ["azure-public-cosmosdb"],
    "azure-keyvault-vault-restrict-public-network-access": ["azure-public-keyvault"],

    // Azure — log-retention
    // Not listed: azure-monitor-diagnostic-setting-require-log-destination (any diagnostic setting keeps some log
    // category somewhere retained) goes beyond the catalogue; the items it was once read against are now set in the
    // metadata of azure-monitor-diagnostic-setting-require-coverage and
    // azure-monitor-subscription-diagnostic-setting-require-activity-log-categories.
};
