// The explicit list of every srguard policy. Nothing registers itself: a policy exists in the pack because it is
// listed here (tests/registry.test.ts checks that every policy file is listed exactly once).

import type { SrguardPolicy } from "./core/policy";

// AWS — encryption-at-rest
import awsApigatewayStageRequireCacheEncryption from "./aws/aws-apigateway-stage-require-cache-encryption";
import awsCloudtrailTrailRequireKmsKey from "./aws/aws-cloudtrail-trail-require-kms-key";
import awsCloudwatchLogGroupRequireKmsKey from "./aws/aws-cloudwatch-log-group-require-kms-key";
import awsCodebuildProjectRequireS3LogsEncryption from "./aws/aws-codebuild-project-require-s3-logs-encryption";
import awsCodebuildReportGroupRequireExportEncryption from "./aws/aws-codebuild-report-group-require-export-encryption";
import awsDaxClusterRequireEncryption from "./aws/aws-dax-cluster-require-encryption";
import awsDocdbClusterRequireStorageEncryption from "./aws/aws-docdb-cluster-require-storage-encryption";
import awsDynamodbTableRequireCustomerManagedKey from "./aws/aws-dynamodb-table-require-customer-managed-key";
import awsEbsEncryptionByDefaultEnable from "./aws/aws-ebs-encryption-by-default-enable";
import awsEbsVolumeRequireEncryption from "./aws/aws-ebs-volume-require-encryption";
import awsEc2InstanceRequireEbsEncryption from "./aws/aws-ec2-instance-require-ebs-encryption";
import awsEc2LaunchConfigurationRequireEbsEncryption from "./aws/aws-ec2-launch-configuration-require-ebs-encryption";
import awsEc2LaunchTemplateRequireEbsEncryption from "./aws/aws-ec2-launch-template-require-ebs-encryption";
import awsEc2SpotFleetRequestRequireEbsEncryption from "./aws/aws-ec2-spot-fleet-request-require-ebs-encryption";
import awsEfsFileSystemRequireEncryption from "./aws/aws-efs-file-system-require-encryption";
import awsEksClusterRequireSecretsEncryption from "./aws/aws-eks-cluster-require-secrets-encryption";
import awsElasticacheClusterRequireEncryptionAtRest from "./aws/aws-elasticache-cluster-require-encryption-at-rest";
import awsElasticacheReplicationGroupRequireEncryptionAtRest from "./aws/aws-elasticache-replication-group-require-encryption-at-rest";
import awsEmrSecurityConfigurationRequireEncryptionAtRest from "./aws/aws-emr-security-configuration-require-encryption-at-rest";
import awsKinesisFirehoseDeliveryStreamRequireEncryption from "./aws/aws-kinesis-firehose-delivery-stream-require-encryption";
import awsKinesisStreamRequireEncryption from "./aws/aws-kinesis-stream-require-encryption";
import awsKmsKeyEnableRotation from "./aws/aws-kms-key-enable-rotation";
import awsNeptuneClusterRequireStorageEncryption from "./aws/aws-neptune-cluster-require-storage-encryption";
import awsNeptuneClusterSnapshotRequireEncryption from "./aws/aws-neptune-cluster-snapshot-require-encryption";
import awsOpensearchDomainRequireEncryptionAtRest from "./aws/aws-opensearch-domain-require-encryption-at-rest";
import awsRdsClusterRequireStorageEncryption from "./aws/aws-rds-cluster-require-storage-encryption";
import awsRdsInstanceRequireStorageEncryption from "./aws/aws-rds-instance-require-storage-encryption";
import awsRdsSnapshotRequireEncryption from "./aws/aws-rds-snapshot-require-encryption";
import awsRedshiftClusterRequireEncryption from "./aws/aws-redshift-cluster-require-encryption";
import awsS3BucketRequireCustomerManagedKey from "./aws/aws-s3-bucket-require-customer-managed-key";
import awsS3BucketRequireServerSideEncryption from "./aws/aws-s3-bucket-require-server-side-encryption";
import awsSnsTopicRequireEncryption from "./aws/aws-sns-topic-require-encryption";
import awsSqsQueueRequireEncryption from "./aws/aws-sqs-queue-require-encryption";
import awsWorkspacesWorkspaceRequireVolumeEncryption from "./aws/aws-workspaces-workspace-require-volume-encryption";

// AWS — public-access
import awsRdsInstanceDisallowPublicAccess from "./aws/aws-rds-instance-disallow-public-access";
import awsRedshiftClusterDisallowPublicAccess from "./aws/aws-redshift-cluster-disallow-public-access";
import awsRedshiftserverlessWorkgroupDisallowPublicAccess from "./aws/aws-redshiftserverless-workgroup-disallow-public-access";
import awsS3AccessPointDisallowPublicAccess from "./aws/aws-s3-access-point-disallow-public-access";
import awsS3AccountPublicAccessBlockEnableAllSettings from "./aws/aws-s3-account-public-access-block-enable-all-settings";
import awsS3BucketDisallowPublicAcl from "./aws/aws-s3-bucket-disallow-public-acl";
import awsS3BucketPolicyDisallowPublicAccess from "./aws/aws-s3-bucket-policy-disallow-public-access";
import awsS3BucketRequirePublicAccessBlock from "./aws/aws-s3-bucket-require-public-access-block";
import awsS3ObjectDisallowPublicAcl from "./aws/aws-s3-object-disallow-public-acl";
import awsS3BucketConfigurePublicAccessBlock from "./aws/aws-s3-bucket-configure-public-access-block";
import awsSqsQueuePolicyDisallowPublicAccess from "./aws/aws-sqs-queue-policy-disallow-public-access";
import awsSnsTopicPolicyDisallowPublicAccess from "./aws/aws-sns-topic-policy-disallow-public-access";
import awsKmsKeyPolicyDisallowPublicAccess from "./aws/aws-kms-key-policy-disallow-public-access";
import awsSecretsmanagerSecretPolicyDisallowPublicAccess from "./aws/aws-secretsmanager-secret-policy-disallow-public-access";
import awsEcrRepositoryPolicyDisallowPublicAccess from "./aws/aws-ecr-repository-policy-disallow-public-access";
import awsEfsFileSystemPolicyDisallowPublicAccess from "./aws/aws-efs-file-system-policy-disallow-public-access";
import awsDynamodbResourcePolicyDisallowPublicAccess from "./aws/aws-dynamodb-resource-policy-disallow-public-access";
import awsOpensearchDomainPolicyDisallowPublicAccess from "./aws/aws-opensearch-domain-policy-disallow-public-access";
import awsLambdaFunctionDisallowPublicAccess from "./aws/aws-lambda-function-disallow-public-access";
import awsLambdaLayerVersionDisallowPublicAccess from "./aws/aws-lambda-layer-version-disallow-public-access";
import awsEbsSnapshotDisallowPublicSharing from "./aws/aws-ebs-snapshot-disallow-public-sharing";
import awsRdsSnapshotDisallowPublicSharing from "./aws/aws-rds-snapshot-disallow-public-sharing";
import awsDmsReplicationInstanceDisallowPublicAccess from "./aws/aws-dms-replication-instance-disallow-public-access";
import awsMskClusterDisallowPublicAccess from "./aws/aws-msk-cluster-disallow-public-access";
import awsEmrBlockPublicAccessConfigurationEnable from "./aws/aws-emr-block-public-access-configuration-enable";
import awsSsmDocumentDisallowPublicSharing from "./aws/aws-ssm-document-disallow-public-sharing";
import awsCloudtrailTrailRequirePrivateBucket from "./aws/aws-cloudtrail-trail-require-private-bucket";
import awsOpensearchDomainRequireVpc from "./aws/aws-opensearch-domain-require-vpc";

// AWS — mfa
import awsIamRoleRequireMfa from "./aws/aws-iam-role-require-mfa";
import awsIamRoleRestrictFederatedTrust from "./aws/aws-iam-role-restrict-federated-trust";
import awsS3BucketVersioningEnableMfaDelete from "./aws/aws-s3-bucket-versioning-enable-mfa-delete";

// AWS — log-retention
import awsApigatewayStageEnableExecutionLogging from "./aws/aws-apigateway-stage-enable-execution-logging";
import awsApigatewayv2StageEnableAccessLogging from "./aws/aws-apigatewayv2-stage-enable-access-logging";
import awsAppsyncGraphqlApiEnableFieldLogging from "./aws/aws-appsync-graphql-api-enable-field-logging";
import awsAthenaWorkgroupEnableCloudwatchMetrics from "./aws/aws-athena-workgroup-enable-cloudwatch-metrics";
import awsCloudfrontDistributionEnableAccessLogging from "./aws/aws-cloudfront-distribution-enable-access-logging";
import awsCloudtrailTrailConfigureLogRetention from "./aws/aws-cloudtrail-trail-configure-log-retention";
import awsCloudtrailTrailEnableCloudwatchLogs from "./aws/aws-cloudtrail-trail-enable-cloudwatch-logs";
import awsCloudtrailTrailEnableLogFileValidation from "./aws/aws-cloudtrail-trail-enable-log-file-validation";
import awsCloudtrailTrailEnableLogging from "./aws/aws-cloudtrail-trail-enable-logging";
import awsCloudwatchLogGroupConfigureRetention from "./aws/aws-cloudwatch-log-group-configure-retention";
import awsCodebuildProjectEnableLogging from "./aws/aws-codebuild-project-enable-logging";
import awsConfigRecorderEnableRecording from "./aws/aws-config-recorder-enable-recording";
import awsConnectInstanceEnableContactFlowLogs from "./aws/aws-connect-instance-enable-contact-flow-logs";
import awsDatasyncTaskEnableLogging from "./aws/aws-datasync-task-enable-logging";
import awsDmsReplicationTaskEnableLogging from "./aws/aws-dms-replication-task-enable-logging";
import awsDocdbClusterEnableAuditLogExport from "./aws/aws-docdb-cluster-enable-audit-log-export";
import awsEc2VpcRequireFlowLogs from "./aws/aws-ec2-vpc-require-flow-logs";
import awsEc2VpnConnectionEnableTunnelLogging from "./aws/aws-ec2-vpn-connection-enable-tunnel-logging";
import awsEc2clientvpnEndpointEnableConnectionLogging from "./aws/aws-ec2clientvpn-endpoint-enable-connection-logging";
import awsEcsTaskDefinitionConfigureLogging from "./aws/aws-ecs-task-definition-configure-logging";
import awsEksClusterEnableAuditLogging from "./aws/aws-eks-cluster-enable-audit-logging";
import awsElasticbeanstalkEnvironmentEnableLogStreaming from "./aws/aws-elasticbeanstalk-environment-enable-log-streaming";
import awsElbLoadBalancerEnableAccessLogging from "./aws/aws-elb-load-balancer-enable-access-logging";
import awsMqBrokerEnableAuditLogs from "./aws/aws-mq-broker-enable-audit-logs";
import awsMskconnectConnectorEnableLogging from "./aws/aws-mskconnect-connector-enable-logging";
import awsNeptuneClusterEnableAuditLogExport from "./aws/aws-neptune-cluster-enable-audit-log-export";
import awsNetworkfirewallFirewallEnableLogging from "./aws/aws-networkfirewall-firewall-enable-logging";
import awsOpensearchDomainEnableLogging from "./aws/aws-opensearch-domain-enable-logging";
import awsRdsClusterEnableAuditLogging from "./aws/aws-rds-cluster-enable-audit-logging";
import awsRdsClusterEnableLogExports from "./aws/aws-rds-cluster-enable-log-exports";
import awsRdsInstanceEnableLogExports from "./aws/aws-rds-instance-enable-log-exports";
import awsRedshiftClusterEnableAuditLogging from "./aws/aws-redshift-cluster-enable-audit-logging";
import awsRedshiftserverlessNamespaceEnableLogExports from "./aws/aws-redshiftserverless-namespace-enable-log-exports";
import awsRoute53ZoneEnableQueryLogging from "./aws/aws-route53-zone-enable-query-logging";
import awsS3BucketEnableServerAccessLogging from "./aws/aws-s3-bucket-enable-server-access-logging";
import awsSfnStateMachineEnableLogging from "./aws/aws-sfn-state-machine-enable-logging";
import awsTransferConnectorEnableLogging from "./aws/aws-transfer-connector-enable-logging";
import awsWafWebAclEnableLogging from "./aws/aws-waf-web-acl-enable-logging";
import awsWafv2WebAclEnableLogging from "./aws/aws-wafv2-web-acl-enable-logging";
import awsCloudtrailTrailBucketEnableAccessLogging from "./aws/aws-cloudtrail-trail-bucket-enable-access-logging";
import awsCloudtrailTrailEnableS3DataEvents from "./aws/aws-cloudtrail-trail-enable-s3-data-events";

// AWS — data-region
import awsRegionalResourceRestrictRegion from "./aws/aws-regional-resource-restrict-region";
import awsRegionalResourceRestrictTargetRegion from "./aws/aws-regional-resource-restrict-target-region";
import awsRegionalResourceRestrictDeliveryRegion from "./aws/aws-regional-resource-restrict-delivery-region";
import awsS3BucketRestrictReplicationRegion from "./aws/aws-s3-bucket-restrict-replication-region";

// AWS — msp-delegation
import awsCloudtrailTrailRequireMspAuditLogging from "./aws/aws-cloudtrail-trail-require-msp-audit-logging";
import awsIamRoleConfigureOrganizationAccounts from "./aws/aws-iam-role-configure-organization-accounts";
import awsIamRoleDisallowMspAdminAccess from "./aws/aws-iam-role-disallow-msp-admin-access";
import awsIamRoleRequireMspPermissionsBoundary from "./aws/aws-iam-role-require-msp-permissions-boundary";
import awsIamRoleRequireMspSessionLimits from "./aws/aws-iam-role-require-msp-session-limits";
import awsIamRoleRestrictMspTrust from "./aws/aws-iam-role-restrict-msp-trust";

// Azure — encryption-at-rest
import azureComputeDiskRequireCustomerManagedKey from "./azure/azure-compute-disk-require-customer-managed-key";
import azureCosmosdbAccountRequireCustomerManagedKey from "./azure/azure-cosmosdb-account-require-customer-managed-key";
import azureDbformysqlServerRequireCustomerManagedKey from "./azure/azure-dbformysql-server-require-customer-managed-key";
import azureDbforpostgresqlServerRequireCustomerManagedKey from "./azure/azure-dbforpostgresql-server-require-customer-managed-key";
import azureKeyvaultVaultEnablePurgeProtection from "./azure/azure-keyvault-vault-enable-purge-protection";
import azureKeyvaultManagedHsmEnablePurgeProtection from "./azure/azure-keyvault-managed-hsm-enable-purge-protection";
import azureSqlDatabaseEnableTransparentDataEncryption from "./azure/azure-sql-database-enable-transparent-data-encryption";
import azureSqlServerRequireCustomerManagedKey from "./azure/azure-sql-server-require-customer-managed-key";
import azureStorageAccountEnableEncryption from "./azure/azure-storage-account-enable-encryption";
import azureStorageAccountRequireCustomerManagedKey from "./azure/azure-storage-account-require-customer-managed-key";
import azureStorageAccountRequireInfrastructureEncryption from "./azure/azure-storage-account-require-infrastructure-encryption";
import azureSqlManagedInstanceRequireCustomerManagedKey from "./azure/azure-sql-managed-instance-require-customer-managed-key";
import azureContainerregistryRegistryRequireCustomerManagedKey from "./azure/azure-containerregistry-registry-require-customer-managed-key";
import azureEventhubNamespaceRequireCustomerManagedKey from "./azure/azure-eventhub-namespace-require-customer-managed-key";
import azureEventhubNamespaceRequireInfrastructureEncryption from "./azure/azure-eventhub-namespace-require-infrastructure-encryption";
import azureServicebusNamespaceRequireCustomerManagedKey from "./azure/azure-servicebus-namespace-require-customer-managed-key";
import azureServicebusNamespaceRequireInfrastructureEncryption from "./azure/azure-servicebus-namespace-require-infrastructure-encryption";
import azureCognitiveservicesAccountRequireCustomerManagedKey from "./azure/azure-cognitiveservices-account-require-customer-managed-key";
import azureAppconfigurationConfigurationStoreRequireCustomerManagedKey from "./azure/azure-appconfiguration-configuration-store-require-customer-managed-key";
import azureSynapseWorkspaceRequireCustomerManagedKey from "./azure/azure-synapse-workspace-require-customer-managed-key";
import azureDatafactoryFactoryRequireCustomerManagedKey from "./azure/azure-datafactory-factory-require-customer-managed-key";
import azureSearchServiceRequireCustomerManagedKey from "./azure/azure-search-service-require-customer-managed-key";
import azureRedisenterpriseClusterRequireCustomerManagedKey from "./azure/azure-redisenterprise-cluster-require-customer-managed-key";
import azureMachinelearningservicesWorkspaceRequireCustomerManagedKey from "./azure/azure-machinelearningservices-workspace-require-customer-managed-key";
import azureKustoClusterRequireCustomerManagedKey from "./azure/azure-kusto-cluster-require-customer-managed-key";
import azureOperationalinsightsClusterRequireCustomerManagedKey from "./azure/azure-operationalinsights-cluster-require-customer-managed-key";
import azureContainerserviceManagedClusterRequireDiskCustomerManagedKey from "./azure/azure-containerservice-managed-cluster-require-disk-customer-managed-key";
import azureKustoClusterRequireDoubleEncryption from "./azure/azure-kusto-cluster-require-double-encryption";
import azureAutomationVariableRequireEncryption from "./azure/azure-automation-variable-require-encryption";
import azureComputeDiskRequireDoubleEncryption from "./azure/azure-compute-disk-require-double-encryption";
import azureComputeVirtualMachineEnableEncryptionAtHost from "./azure/azure-compute-virtual-machine-enable-encryption-at-host";
import azureComputeVirtualMachineRequireDiskCustomerManagedKey from "./azure/azure-compute-virtual-machine-require-disk-customer-managed-key";
import azureSynapseSqlPoolEnableTransparentDataEncryption from "./azure/azure-synapse-sql-pool-enable-transparent-data-encryption";
import azureDbforpostgresqlSingleServerRequireInfrastructureEncryption from "./azure/azure-dbforpostgresql-single-server-require-infrastructure-encryption";
import azureMonitorSubscriptionDiagnosticSettingRequireStorageCustomerManagedKey from "./azure/azure-monitor-subscription-diagnostic-setting-require-storage-customer-managed-key";

// Azure — public-access
import azureCosmosdbAccountRestrictPublicNetworkAccess from "./azure/azure-cosmosdb-account-restrict-public-network-access";
import azureKeyvaultVaultRestrictPublicNetworkAccess from "./azure/azure-keyvault-vault-restrict-public-network-access";
import azureSqlServerRestrictPublicNetworkAccess from "./azure/azure-sql-server-restrict-public-network-access";
import azureStorageAccountDisallowPublicBlobAccess from "./azure/azure-storage-account-disallow-public-blob-access";
import azureStorageAccountRequireMinimumTlsVersion from "./azure/azure-storage-account-require-minimum-tls-version";
import azureStorageAccountRequireSecureTransfer from "./azure/azure-storage-account-require-secure-transfer";
import azureStorageAccountRestrictNetworkAccess from "./azure/azure-storage-account-restrict-network-access";
import azureStorageBlobContainerDisallowPublicAccess from "./azure/azure-storage-blob-container-disallow-public-access";
import azureStorageStaticWebsiteDisallow from "./azure/azure-storage-static-website-disallow";
import azureAppconfigurationConfigurationStoreRestrictPublicNetworkAccess from "./azure/azure-appconfiguration-configuration-store-restrict-public-network-access";
import azureCognitiveservicesAccountRestrictPublicNetworkAccess from "./azure/azure-cognitiveservices-account-restrict-public-network-access";
import azureComputeDiskRestrictNetworkAccess from "./azure/azure-compute-disk-restrict-network-access";
import azureContainerregistryRegistryDisallowAnonymousPull from "./azure/azure-containerregistry-registry-disallow-anonymous-pull";
import azureContainerregistryRegistryRestrictPublicNetworkAccess from "./azure/azure-containerregistry-registry-restrict-public-network-access";
import azureCosmosdbAccountRequirePrivateEndpoint from "./azure/azure-cosmosdb-account-require-private-endpoint";
import azureDatabricksWorkspaceRestrictPublicNetworkAccess from "./azure/azure-databricks-workspace-restrict-public-network-access";
import azureDatafactoryFactoryRestrictPublicNetworkAccess from "./azure/azure-datafactory-factory-restrict-public-network-access";
import azureDbformysqlServerRestrictPublicNetworkAccess from "./azure/azure-dbformysql-server-restrict-public-network-access";
import azureDbforpostgresqlServerRestrictPublicNetworkAccess from "./azure/azure-dbforpostgresql-server-restrict-public-network-access";
import azureEventgridTopicRestrictPublicNetworkAccess from "./azure/azure-eventgrid-topic-restrict-public-network-access";
import azureEventhubNamespaceRestrictPublicNetworkAccess from "./azure/azure-eventhub-namespace-restrict-public-network-access";
import azureKeyvaultVaultRequirePrivateEndpoint from "./azure/azure-keyvault-vault-require-private-endpoint";
import azureKustoClusterRestrictPublicNetworkAccess from "./azure/azure-kusto-cluster-restrict-public-network-access";
import azureMachinelearningservicesWorkspaceRestrictPublicNetworkAccess from "./azure/azure-machinelearningservices-workspace-restrict-public-network-access";
import azureRedisCacheRestrictPublicNetworkAccess from "./azure/azure-redis-cache-restrict-public-network-access";
import azureSearchServiceRestrictPublicNetworkAccess from "./azure/azure-search-service-restrict-public-network-access";
import azureServicebusNamespaceRestrictPublicNetworkAccess from "./azure/azure-servicebus-namespace-restrict-public-network-access";
import azureSqlManagedInstanceDisallowPublicDataEndpoint from "./azure/azure-sql-managed-instance-disallow-public-data-endpoint";
import azureStorageAccountRequirePrivateEndpoint from "./azure/azure-storage-account-require-private-endpoint";
import azureStorageAccountDisallowPublicNetworkAccess from "./azure/azure-storage-account-disallow-public-network-access";
import azureSynapseWorkspaceRestrictPublicNetworkAccess from "./azure/azure-synapse-workspace-restrict-public-network-access";

// Azure — mfa
import azureAuthorizationPimRoleEligibilityScheduleRequireMfa from "./azure/azure-authorization-pim-role-eligibility-schedule-require-mfa";
import azureAuthorizationRoleAssignmentDisallowStandingPrivileged from "./azure/azure-authorization-role-assignment-disallow-standing-privileged";
import azureAuthorizationRoleAssignmentDisallowStandingCustomPrivileged from "./azure/azure-authorization-role-assignment-disallow-standing-custom-privileged";

// Azure — log-retention
import azureMonitorDiagnosticSettingRequireCoverage from "./azure/azure-monitor-diagnostic-setting-require-coverage";
import azureMonitorDiagnosticSettingRequireLogDestination from "./azure/azure-monitor-diagnostic-setting-require-log-destination";
import azureOperationalinsightsTableConfigureRetention from "./azure/azure-operationalinsights-table-configure-retention";
import azureOperationalinsightsWorkspaceConfigureRetention from "./azure/azure-operationalinsights-workspace-configure-retention";
import azureStorageManagementPolicyRestrictLogDeletion from "./azure/azure-storage-management-policy-restrict-log-deletion";
import azureMonitorSubscriptionDiagnosticSettingRequireActivityLogCategories from "./azure/azure-monitor-subscription-diagnostic-setting-require-activity-log-categories";
import azureSqlServerEnableAuditing from "./azure/azure-sql-server-enable-auditing";
import azureSqlServerAuditingPolicyConfigureRetention from "./azure/azure-sql-server-auditing-policy-configure-retention";
import azureDbforpostgresqlConfigurationRequireConnectionLogging from "./azure/azure-dbforpostgresql-configuration-require-connection-logging";
import azureDbforpostgresqlServerConfigureLogRetention from "./azure/azure-dbforpostgresql-server-configure-log-retention";
import azureDbformysqlServerEnableAuditLog from "./azure/azure-dbformysql-server-enable-audit-log";
import azureNetworkFlowLogConfigureRetention from "./azure/azure-network-flow-log-configure-retention";
import azureNetworkVirtualNetworkRequireFlowLogs from "./azure/azure-network-virtual-network-require-flow-logs";
import azureWebAppEnableHttpLogs from "./azure/azure-web-app-enable-http-logs";
import azureStorageAccountEnableServiceLogging from "./azure/azure-storage-account-enable-service-logging";
import azureDbforpostgresqlServerEnablePgaudit from "./azure/azure-dbforpostgresql-server-enable-pgaudit";

// Azure — data-region
import azureCosmosdbAccountRestrictLocations from "./azure/azure-cosmosdb-account-restrict-locations";
import azureRegionalResourceRestrictLocation from "./azure/azure-regional-resource-restrict-location";
import azureRegionalResourceRestrictReplicaLocation from "./azure/azure-regional-resource-restrict-replica-location";
import azureSqlDatabaseRestrictBackupRedundancy from "./azure/azure-sql-database-restrict-backup-redundancy";
import azureStorageAccountRestrictGeoReplication from "./azure/azure-storage-account-restrict-geo-replication";

// Azure — msp-delegation
import azureAuthorizationRoleAssignmentDisallowForeignPrincipal from "./azure/azure-authorization-role-assignment-disallow-foreign-principal";
import azureManagedservicesRegistrationAssignmentRequireActivityLog from "./azure/azure-managedservices-registration-assignment-require-activity-log";
import azureManagedservicesRegistrationAssignmentRestrictScope from "./azure/azure-managedservices-registration-assignment-restrict-scope";
import azureManagedservicesRegistrationDefinitionDisallowOwner from "./azure/azure-managedservices-registration-definition-disallow-owner";
import azureManagedservicesRegistrationDefinitionRequireJitMfa from "./azure/azure-managedservices-registration-definition-require-jit-mfa";
import azureManagedservicesRegistrationDefinitionRestrictTenant from "./azure/azure-managedservices-registration-definition-restrict-tenant";
import azureManagedservicesRegistrationDefinitionRestrictUserAccessAdministrator from "./azure/azure-managedservices-registration-definition-restrict-user-access-administrator";

// srguard — exemptions (the pack's own policy, for every cloud)
import srguardExemptions from "./srguard/srguard-exemptions";

export const policies: readonly SrguardPolicy[] = Object.freeze([
    // AWS — encryption-at-rest
    awsApigatewayStageRequireCacheEncryption,
    awsCloudtrailTrailRequireKmsKey,
    awsCloudwatchLogGroupRequireKmsKey,
    awsCodebuildProjectRequireS3LogsEncryption,
    awsCodebuildReportGroupRequireExportEncryption,
    awsDaxClusterRequireEncryption,
    awsDocdbClusterRequireStorageEncryption,
    awsDynamodbTableRequireCustomerManagedKey,
    awsEbsEncryptionByDefaultEnable,
    awsEbsVolumeRequireEncryption,
    awsEc2InstanceRequireEbsEncryption,
    awsEc2LaunchConfigurationRequireEbsEncryption,
    awsEc2LaunchTemplateRequireEbsEncryption,
    awsEc2SpotFleetRequestRequireEbsEncryption,
    awsEfsFileSystemRequireEncryption,
    awsEksClusterRequireSecretsEncryption,
    awsElasticacheClusterRequireEncryptionAtRest,
    awsElasticacheReplicationGroupRequireEncryptionAtRest,
    awsEmrSecurityConfigurationRequireEncryptionAtRest,
    awsKinesisFirehoseDeliveryStreamRequireEncryption,
    awsKinesisStreamRequireEncryption,
    awsKmsKeyEnableRotation,
    awsNeptuneClusterRequireStorageEncryption,
    awsNeptuneClusterSnapshotRequireEncryption,
    awsOpensearchDomainRequireEncryptionAtRest,
    awsRdsClusterRequireStorageEncryption,
    awsRdsInstanceRequireStorageEncryption,
    awsRdsSnapshotRequireEncryption,
    awsRedshiftClusterRequireEncryption,
    awsS3BucketRequireCustomerManagedKey,
    awsS3BucketRequireServerSideEncryption,
    awsSnsTopicRequireEncryption,
    awsSqsQueueRequireEncryption,
    awsWorkspacesWorkspaceRequireVolumeEncryption,

    // AWS — public-access
    awsRdsInstanceDisallowPublicAccess,
    awsRedshiftClusterDisallowPublicAccess,
    awsRedshiftserverlessWorkgroupDisallowPublicAccess,
    awsS3AccessPointDisallowPublicAccess,
    awsS3AccountPublicAccessBlockEnableAllSettings,
    awsS3BucketDisallowPublicAcl,
    awsS3BucketPolicyDisallowPublicAccess,
    awsS3BucketRequirePublicAccessBlock,
    awsS3ObjectDisallowPublicAcl,
    awsS3BucketConfigurePublicAccessBlock,
    awsSqsQueuePolicyDisallowPublicAccess,
    awsSnsTopicPolicyDisallowPublicAccess,
    awsKmsKeyPolicyDisallowPublicAccess,
    awsSecretsmanagerSecretPolicyDisallowPublicAccess,
    awsEcrRepositoryPolicyDisallowPublicAccess,
    awsEfsFileSystemPolicyDisallowPublicAccess,
    awsDynamodbResourcePolicyDisallowPublicAccess,
    awsOpensearchDomainPolicyDisallowPublicAccess,
    awsLambdaFunctionDisallowPublicAccess,
    awsLambdaLayerVersionDisallowPublicAccess,
    awsEbsSnapshotDisallowPublicSharing,
    awsRdsSnapshotDisallowPublicSharing,
    awsDmsReplicationInstanceDisallowPublicAccess,
    awsMskClusterDisallowPublicAccess,
    awsEmrBlockPublicAccessConfigurationEnable,
    awsSsmDocumentDisallowPublicSharing,
    awsCloudtrailTrailRequirePrivateBucket,
    awsOpensearchDomainRequireVpc,

    // AWS — mfa
    awsIamRoleRequireMfa,
    awsIamRoleRestrictFederatedTrust,
    awsS3BucketVersioningEnableMfaDelete,

    // AWS — log-retention
    awsApigatewayStageEnableExecutionLogging,
    awsApigatewayv2StageEnableAccessLogging,
    awsAppsyncGraphqlApiEnableFieldLogging,
    awsAthenaWorkgroupEnableCloudwatchMetrics,
    awsCloudfrontDistributionEnableAccessLogging,
    awsCloudtrailTrailConfigureLogRetention,
    awsCloudtrailTrailEnableCloudwatchLogs,
    awsCloudtrailTrailEnableLogFileValidation,
    awsCloudtrailTrailEnableLogging,
    awsCloudwatchLogGroupConfigureRetention,
    awsCodebuildProjectEnableLogging,
    awsConfigRecorderEnableRecording,
    awsConnectInstanceEnableContactFlowLogs,
    awsDatasyncTaskEnableLogging,
    awsDmsReplicationTaskEnableLogging,
    awsDocdbClusterEnableAuditLogExport,
    awsEc2clientvpnEndpointEnableConnectionLogging,
    awsEc2VpcRequireFlowLogs,
    awsEc2VpnConnectionEnableTunnelLogging,
    awsEcsTaskDefinitionConfigureLogging,
    awsEksClusterEnableAuditLogging,
    awsElasticbeanstalkEnvironmentEnableLogStreaming,
    awsElbLoadBalancerEnableAccessLogging,
    awsMqBrokerEnableAuditLogs,
    awsMskconnectConnectorEnableLogging,
    awsNeptuneClusterEnableAuditLogExport,
    awsNetworkfirewallFirewallEnableLogging,
    awsOpensearchDomainEnableLogging,
    awsRdsClusterEnableAuditLogging,
    awsRdsClusterEnableLogExports,
    awsRdsInstanceEnableLogExports,
    awsRedshiftClusterEnableAuditLogging,
    awsRedshiftserverlessNamespaceEnableLogExports,
    awsRoute53ZoneEnableQueryLogging,
    awsS3BucketEnableServerAccessLogging,
    awsSfnStateMachineEnableLogging,
    awsTransferConnectorEnableLogging,
    awsWafv2WebAclEnableLogging,
    awsWafWebAclEnableLogging,
    awsCloudtrailTrailBucketEnableAccessLogging,
    awsCloudtrailTrailEnableS3DataEvents,

    // AWS — data-region
    awsRegionalResourceRestrictRegion,
    awsRegionalResourceRestrictTargetRegion,
    awsRegionalResourceRestrictDeliveryRegion,
    awsS3BucketRestrictReplicationRegion,

    // AWS — msp-delegation
    awsCloudtrailTrailRequireMspAuditLogging,
    awsIamRoleDisallowMspAdminAccess,
    awsIamRoleRequireMspPermissionsBoundary,
    awsIamRoleRequireMspSessionLimits,
    awsIamRoleRestrictMspTrust,
    awsIamRoleConfigureOrganizationAccounts,

    // Azure — encryption-at-rest
    azureComputeDiskRequireCustomerManagedKey,
    azureCosmosdbAccountRequireCustomerManagedKey,
    azureDbformysqlServerRequireCustomerManagedKey,
    azureDbforpostgresqlServerRequireCustomerManagedKey,
    azureKeyvaultVaultEnablePurgeProtection,
    azureKeyvaultManagedHsmEnablePurgeProtection,
    azureSqlDatabaseEnableTransparentDataEncryption,
    azureSqlServerRequireCustomerManagedKey,
    azureStorageAccountEnableEncryption,
    azureStorageAccountRequireCustomerManagedKey,
    azureStorageAccountRequireInfrastructureEncryption,
    azureSqlManagedInstanceRequireCustomerManagedKey,
    azureContainerregistryRegistryRequireCustomerManagedKey,
    azureEventhubNamespaceRequireCustomerManagedKey,
    azureEventhubNamespaceRequireInfrastructureEncryption,
    azureServicebusNamespaceRequireCustomerManagedKey,
    azureServicebusNamespaceRequireInfrastructureEncryption,
    azureCognitiveservicesAccountRequireCustomerManagedKey,
    azureAppconfigurationConfigurationStoreRequireCustomerManagedKey,
    azureSynapseWorkspaceRequireCustomerManagedKey,
    azureDatafactoryFactoryRequireCustomerManagedKey,
    azureSearchServiceRequireCustomerManagedKey,
    azureRedisenterpriseClusterRequireCustomerManagedKey,
    azureMachinelearningservicesWorkspaceRequireCustomerManagedKey,
    azureKustoClusterRequireCustomerManagedKey,
    azureOperationalinsightsClusterRequireCustomerManagedKey,
    azureContainerserviceManagedClusterRequireDiskCustomerManagedKey,
    azureKustoClusterRequireDoubleEncryption,
    azureAutomationVariableRequireEncryption,
    azureComputeDiskRequireDoubleEncryption,
    azureComputeVirtualMachineEnableEncryptionAtHost,
    azureComputeVirtualMachineRequireDiskCustomerManagedKey,
    azureSynapseSqlPoolEnableTransparentDataEncryption,
    azureDbforpostgresqlSingleServerRequireInfrastructureEncryption,
    azureMonitorSubscriptionDiagnosticSettingRequireStorageCustomerManagedKey,

    // Azure — public-access
    azureCosmosdbAccountRestrictPublicNetworkAccess,
    azureKeyvaultVaultRestrictPublicNetworkAccess,
    azureSqlServerRestrictPublicNetworkAccess,
    azureStorageAccountDisallowPublicBlobAccess,
    azureStorageAccountRequireMinimumTlsVersion,
    azureStorageAccountRequireSecureTransfer,
    azureStorageAccountRestrictNetworkAccess,
    azureStorageBlobContainerDisallowPublicAccess,
    azureStorageStaticWebsiteDisallow,
    azureAppconfigurationConfigurationStoreRestrictPublicNetworkAccess,
    azureCognitiveservicesAccountRestrictPublicNetworkAccess,
    azureComputeDiskRestrictNetworkAccess,
    azureContainerregistryRegistryDisallowAnonymousPull,
    azureContainerregistryRegistryRestrictPublicNetworkAccess,
    azureCosmosdbAccountRequirePrivateEndpoint,
    azureDatabricksWorkspaceRestrictPublicNetworkAccess,
    azureDatafactoryFactoryRestrictPublicNetworkAccess,
    azureDbformysqlServerRestrictPublicNetworkAccess,
    azureDbforpostgresqlServerRestrictPublicNetworkAccess,
    azureEventgridTopicRestrictPublicNetworkAccess,
    azureEventhubNamespaceRestrictPublicNetworkAccess,
    azureKeyvaultVaultRequirePrivateEndpoint,
    azureKustoClusterRestrictPublicNetworkAccess,
    azureMachinelearningservicesWorkspaceRestrictPublicNetworkAccess,
    azureRedisCacheRestrictPublicNetworkAccess,
    azureSearchServiceRestrictPublicNetworkAccess,
    azureServicebusNamespaceRestrictPublicNetworkAccess,
    azureSqlManagedInstanceDisallowPublicDataEndpoint,
    azureStorageAccountRequirePrivateEndpoint,
    azureStorageAccountDisallowPublicNetworkAccess,
    azureSynapseWorkspaceRestrictPublicNetworkAccess,

    // Azure — mfa
    azureAuthorizationPimRoleEligibilityScheduleRequireMfa,
    azureAuthorizationRoleAssignmentDisallowStandingPrivileged,
    azureAuthorizationRoleAssignmentDisallowStandingCustomPrivileged,

    // Azure — log-retention
    azureMonitorDiagnosticSettingRequireCoverage,
    azureMonitorDiagnosticSettingRequireLogDestination,
    azureOperationalinsightsTableConfigureRetention,
    azureOperationalinsightsWorkspaceConfigureRetention,
    azureStorageManagementPolicyRestrictLogDeletion,
    azureMonitorSubscriptionDiagnosticSettingRequireActivityLogCategories,
    azureSqlServerEnableAuditing,
    azureSqlServerAuditingPolicyConfigureRetention,
    azureDbforpostgresqlConfigurationRequireConnectionLogging,
    azureDbforpostgresqlServerConfigureLogRetention,
    azureDbformysqlServerEnableAuditLog,
    azureNetworkFlowLogConfigureRetention,
    azureNetworkVirtualNetworkRequireFlowLogs,
    azureWebAppEnableHttpLogs,
    azureStorageAccountEnableServiceLogging,
    azureDbforpostgresqlServerEnablePgaudit,

    // Azure — data-region
    azureCosmosdbAccountRestrictLocations,
    azureRegionalResourceRestrictLocation,
    azureRegionalResourceRestrictReplicaLocation,
    azureSqlDatabaseRestrictBackupRedundancy,
    azureStorageAccountRestrictGeoReplication,

    // Azure — msp-delegation
    azureAuthorizationRoleAssignmentDisallowForeignPrincipal,
    azureManagedservicesRegistrationAssignmentRequireActivityLog,
    azureManagedservicesRegistrationAssignmentRestrictScope,
    azureManagedservicesRegistrationDefinitionDisallowOwner,
    azureManagedservicesRegistrationDefinitionRequireJitMfa,
    azureManagedservicesRegistrationDefinitionRestrictTenant,
    azureManagedservicesRegistrationDefinitionRestrictUserAccessAdministrator,

    // srguard — exemptions
    srguardExemptions,
]);
