// Generates a `pulumi stack export` (deployment v3) of N resources for benchmarking the pack and the gate: a root
// stack, default and explicit AWS providers, an Azure provider, and a deterministic, realistic mix in the proportions
// of a platform team's stacks — most resources are plumbing no srguard policy looks at (security group rules, role
// attachments, Lambda functions, subnets, ...), the rest are what the pack judges: buckets with their public access
// blocks and encryption configurations (joined by property dependency), bucket policies, IAM roles with trust and
// inline policies, log groups, queues, topics, RDS, EBS, DynamoDB, KMS keys, a CloudTrail trail with a lifecycle
// rule, storage accounts, blob containers, key vaults with diagnostic settings, role assignments, SQL servers and
// databases, Log Analytics workspaces, disks. Some compliant, some not; some with encrypted secrets (unknown to the
// gate); some with deprecated or API-versioned type tokens.
//
//   node -r ./bench/ts.js bench/gen-export.ts 1000 > bench/tmp/export-1000.json
//   node -r ./bench/ts.js bench/gen-export.ts 1000 --aws > bench/tmp/export-1000-aws.json   (the AWS resources only)

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonMap = { [k: string]: Json };

const SIG = "4dabf18193072939515e22adb298388d";
const SECRET = "1b47061264138c4ac30d75fd1eb44270";
const ACCOUNT = "123456789012";
const SUBSCRIPTION = "33333333-0000-4000-8000-000000000000";
const TENANT = "11111111-0000-4000-8000-000000000000";
const OWNER_ROLE = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
const READER_ROLE = "acdd72a7-3385-48ef-bd42-f606fba81ae7";

export interface ExportDoc {
    readonly version: 3;
    readonly deployment: { readonly manifest: JsonMap; readonly resources: JsonMap[] };
}

export function generateExport(count: number, stack = "bench", project = "gate-bench"): ExportDoc {
    const urn = (type: string, name: string) => `urn:pulumi:${stack}::${project}::${type}::${name}`;
    const root = urn("pulumi:pulumi:Stack", `${project}-${stack}`);
    const awsDefault = urn("pulumi:providers:aws", "default_7_48_0");
    const awsVirginia = urn("pulumi:providers:aws", "virginia");
    const azure = urn("pulumi:providers:azure-native", "default_3_28_0");
    const ref = (p: string, id: string) => `${p}::${id}`;
    const providers = {
        aws: ref(awsDefault, "0b9c6c8e-0000-4000-8000-000000000001"),
        virginia: ref(awsVirginia, "0b9c6c8e-0000-4000-8000-000000000002"),
        azure: ref(azure, "0b9c6c8e-0000-4000-8000-000000000003"),
    };
    const secret = (n: number): Json => ({ [SIG]: SECRET, ciphertext: `v1:${Buffer.from(`bench-${n}`).toString("base64")}` });
    const tags = (i: number): JsonMap => ({ team: `team-${i % 7}`, env: i % 5 ? "prod" : "dev", "cost-center": `cc-${1000 + (i % 13)}` });
    const resources: JsonMap[] = [
        { urn: root, custom: false, type: "pulumi:pulumi:Stack", outputs: {} },
        {
            urn: awsDefault,
            custom: true,
            id: "0b9c6c8e-0000-4000-8000-000000000001",
            type: "pulumi:providers:aws",
            inputs: { region: "ap-northeast-1", version: "7.48.0", skipCredentialsValidation: "false" },
            outputs: { region: "ap-northeast-1", version: "7.48.0", skipCredentialsValidation: "false" },
        },
        {
            urn: awsVirginia,
            custom: true,
            id: "0b9c6c8e-0000-4000-8000-000000000002",
            type: "pulumi:providers:aws",
            inputs: { region: "us-east-1", version: "7.48.0" },
            outputs: { region: "us-east-1", version: "7.48.0" },
            parent: root,
        },
        {
            urn: azure,
            custom: true,
            id: "0b9c6c8e-0000-4000-8000-000000000003",
            type: "pulumi:providers:azure-native",
            inputs: { location: "japaneast", subscriptionId: SUBSCRIPTION, version: "3.28.0" },
            outputs: { location: "japaneast", subscriptionId: SUBSCRIPTION, version: "3.28.0" },
        },
    ];

    interface Added {
        readonly urn: string;
        readonly id: string;
    }
    interface Extra {
        readonly provider?: string;
        /** property → resources its value was built from */
        readonly deps?: Readonly<Record<string, readonly Added[]>>;
        /** outputs beyond the inputs and id */
        readonly outputs?: JsonMap;
    }
    const full = () => resources.length >= count;
    const add = (type: string, name: string, inputs: JsonMap, extra: Extra = {}): Added => {
        const azureType = type.startsWith("azure-native");
        const rid = azureType
            ? `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-${name}/providers/${type.split(":")[1]}/${name}`
            : `${name}-${((resources.length * 2654435761) % 0xffffff).toString(16)}`;
        const u = urn(type, name);
        const propertyDependencies: { [k: string]: Json } = {};
        const dependencies = new Set<string>();
        for (const [k, from] of Object.entries(extra.deps ?? {})) {
            propertyDependencies[k] = from.map((f) => f.urn);
            for (const f of from) dependencies.add(f.urn);
        }
        resources.push({
            urn: u,
            custom: true,
            id: rid,
            type,
            inputs,
            outputs: { ...inputs, id: rid, ...(azureType ? {} : { arn: `arn:aws:bench:ap-northeast-1:${ACCOUNT}:${rid}` }), ...extra.outputs },
            parent: root,
            provider: extra.provider ?? (azureType ? providers.azure : providers.aws),
            ...(dependencies.size ? { dependencies: [...dependencies], propertyDependencies } : {}),
        });
        return { urn: u, id: rid };
    };
    const doc = (statements: Json[]): string => JSON.stringify({ Version: "2012-10-17", Statement: statements });

    let trailDone = false;
    let sharedKey: Added | undefined;
    for (let i = 0; !full(); i++) {
        // Roughly two AWS units per Azure unit; each unit is one small service and its plumbing.
        if (i % 3 !== 2) awsUnit(i);
        else azureUnit(i);
    }

    function awsUnit(i: number): void {
        const n = `svc${i}`;
        const step = (f: () => void) => {
            if (!full()) f();
        };
        step(() => {
            if (i % 10 === 0 || !sharedKey) {
                sharedKey = add("aws:kms/key:Key", `key-${n}`, {
                    description: `data key for ${n}`,
                    enableKeyRotation: i % 20 !== 0,
                    deletionWindowInDays: 30,
                    tags: tags(i),
                });
            }
        });
        const key = sharedKey;
        // A bucket (sometimes through the deprecated BucketV2 token, sometimes in us-east-1) and its satellites.
        let bucket: Added | undefined;
        step(() => {
            bucket = add(i % 9 === 4 ? "aws:s3/bucketV2:BucketV2" : "aws:s3/bucket:Bucket", `bucket-${n}`, { bucket: `bench-${n}-data`, forceDestroy: false, tags: tags(i) }, i % 6 === 3 ? { provider: providers.virginia } : {});
        });
        const b = bucket;
        if (b) {
            step(() =>
                add(
                    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
                    `bucket-${n}`,
                    { bucket: b.id, blockPublicAcls: true, blockPublicPolicy: i % 20 === 11 ? secret(i) : i % 8 !== 1, ignorePublicAcls: true, restrictPublicBuckets: true },
                    { deps: { bucket: [b] } },
                ),
            );
            step(() =>
                add(
                    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
                    `bucket-${n}`,
                    {
                        bucket: b.id,
                        rules: [
                            i % 4 === 0
                                ? { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }
                                : { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: `arn:aws:kms:ap-northeast-1:${ACCOUNT}:key/${key?.id ?? "k"}` }, bucketKeyEnabled: true },
                        ],
                    },
                    { deps: key ? { bucket: [b], rules: [key] } : { bucket: [b] } },
                ),
            );
            if (i % 3 === 0) {
                step(() =>
                    add(
                        "aws:s3/bucketPolicy:BucketPolicy",
                        `bucket-${n}`,
                        {
                            bucket: b.id,
                            policy: doc([
                                {
                                    Sid: "DenyInsecureTransport",
                                    Effect: "Deny",
                                    Principal: "*",
                                    Action: "s3:*",
                                    Resource: [`arn:aws:s3:::bench-${n}-data`, `arn:aws:s3:::bench-${n}-data/*`],
                                    Condition: { Bool: { "aws:SecureTransport": "false" } },
                                },
                                ...(i % 12 === 3 ? [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `arn:aws:s3:::bench-${n}-data/*` }] : []),
                            ]),
                        },
                        { deps: { bucket: [b] } },
                    ),
                );
            }
        }
        // The service's role: trust policy, a managed policy attachment, an inline policy.
        let role: Added | undefined;
        step(() => {
            role = add("aws:iam/role:Role", `role-${n}`, {
                name: `bench-${n}`,
                assumeRolePolicy: doc([
                    {
                        Effect: "Allow",
                        Principal: i % 5 === 2 ? { AWS: `arn:aws:iam::${ACCOUNT}:root` } : { Service: "lambda.amazonaws.com" },
                        Action: "sts:AssumeRole",
                        ...(i % 10 === 2 ? { Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } } : {}),
                    },
                ]),
                maxSessionDuration: 3600,
                tags: tags(i),
            });
        });
        const r = role;
        if (r) {
            step(() =>
                add("aws:iam/rolePolicyAttachment:RolePolicyAttachment", `role-${n}-logs`, { role: `bench-${n}`, policyArn: "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole" }, { deps: { role: [r] } }),
            );
            step(() =>
                add(
                    "aws:iam/rolePolicy:RolePolicy",
                    `role-${n}-data`,
                    {
                        role: `bench-${n}`,
                        policy: doc([
                            { Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: `arn:aws:s3:::bench-${n}-data/*` },
                            { Effect: "Allow", Action: ["sqs:SendMessage", "sqs:ReceiveMessage"], Resource: `arn:aws:sqs:ap-northeast-1:${ACCOUNT}:bench-${n}` },
                        ]),
                    },
                    { deps: { role: [r] } },
                ),
            );
            step(() =>
                add(
                    "aws:lambda/function:Function",
                    `fn-${n}`,
                    {
                        name: `bench-${n}`,
                        role: `arn:aws:iam::${ACCOUNT}:role/bench-${n}`,
                        runtime: "nodejs20.x",
                        handler: "index.handler",
                        memorySize: 256,
                        timeout: 30,
                        environment: { variables: { BUCKET: `bench-${n}-data`, API_TOKEN: secret(i) } },
                        tags: tags(i),
                    },
                    { deps: { role: [r] } },
                ),
            );
        }
        step(() =>
            add("aws:cloudwatch/logGroup:LogGroup", `logs-${n}`, {
                name: `/aws/lambda/bench-${n}`,
                // a secret is unknown to the gate: the verdict waits for it ("can't run during preview")
                retentionInDays: i % 15 === 7 ? secret(i) : ([7, 30, 365, 400, 0][i % 5] ?? 0),
                ...(i % 3 === 0 && key ? { kmsKeyId: `arn:aws:kms:ap-northeast-1:${ACCOUNT}:key/${key.id}` } : {}),
                tags: tags(i),
            }),
        );
        step(() => add("aws:sqs/queue:Queue", `queue-${n}`, i % 2 ? { name: `bench-${n}`, sqsManagedSseEnabled: true } : { name: `bench-${n}`, visibilityTimeoutSeconds: 60 }));
        if (i % 4 === 1) step(() => add("aws:sns/topic:Topic", `topic-${n}`, i % 8 === 1 ? { name: `bench-${n}` } : { name: `bench-${n}`, kmsMasterKeyId: "alias/aws/sns" }));
        // Network plumbing.
        let sg: Added | undefined;
        step(() => {
            sg = add("aws:ec2/securityGroup:SecurityGroup", `sg-${n}`, { name: `bench-${n}`, description: `${n} service`, vpcId: "vpc-0bench", tags: tags(i) });
        });
        const g = sg;
        for (const port of [443, 5432]) {
            if (g) {
                step(() =>
                    add(
                        "aws:ec2/securityGroupRule:SecurityGroupRule",
                        `sg-${n}-${port}`,
                        { type: "ingress", fromPort: port, toPort: port, protocol: "tcp", cidrBlocks: ["10.0.0.0/8"], securityGroupId: g.id },
                        { deps: { securityGroupId: [g] } },
                    ),
                );
            }
        }
        if (i % 4 === 0) {
            step(() =>
                add("aws:rds/instance:Instance", `db-${n}`, {
                    engine: "postgres",
                    engineVersion: "16.3",
                    instanceClass: "db.t4g.micro",
                    allocatedStorage: 20,
                    storageEncrypted: i % 12 !== 0,
                    publiclyAccessible: i % 16 === 4,
                    username: "app",
                    password: secret(i),
                    backupRetentionPeriod: 7,
                    vpcSecurityGroupIds: g ? [g.id] : [],
                    tags: tags(i),
                }),
            );
        }
        if (i % 4 === 2) step(() => add("aws:ebs/volume:Volume", `volume-${n}`, { availabilityZone: "ap-northeast-1a", size: 20, type: "gp3", encrypted: i % 8 === 2 ? false : true }));
        if (i % 5 === 3) {
            step(() =>
                add("aws:dynamodb/table:Table", `table-${n}`, {
                    name: `bench-${n}`,
                    billingMode: "PAY_PER_REQUEST",
                    hashKey: "pk",
                    attributes: [{ name: "pk", type: "S" }],
                    pointInTimeRecovery: { enabled: true },
                    ...(i % 10 === 3 ? {} : { serverSideEncryption: { enabled: true, kmsKeyArn: `arn:aws:kms:ap-northeast-1:${ACCOUNT}:key/k` } }),
                }),
            );
        }
        // One audit trail per stack, delivering to its own bucket with a lifecycle rule.
        if (!trailDone && i >= 30) {
            trailDone = true;
            let logs: Added | undefined;
            step(() => {
                logs = add("aws:s3/bucket:Bucket", "audit-logs", { bucket: "bench-audit-logs" });
            });
            const l = logs;
            if (l) {
                step(() =>
                    add(
                        "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
                        "audit-logs",
                        { bucket: l.id, rules: [{ id: "expire", status: "Enabled", filter: { prefix: "" }, expiration: { days: 90 } }] },
                        { deps: { bucket: [l] } },
                    ),
                );
                step(() =>
                    add(
                        "aws:cloudtrail/trail:Trail",
                        "audit",
                        { name: "bench-audit", s3BucketName: l.id, isMultiRegionTrail: true, enableLogFileValidation: true, enableLogging: true },
                        { deps: { s3BucketName: [l] } },
                    ),
                );
            }
        }
    }

    function azureUnit(i: number): void {
        const n = `svc${i}`;
        const step = (f: () => void) => {
            if (!full()) f();
        };
        const location = i % 7 === 5 ? "eastus" : i % 2 ? "japaneast" : "Japan West";
        let rg: Added | undefined;
        step(() => {
            rg = add("azure-native:resources:ResourceGroup", `rg-${n}`, { resourceGroupName: `rg-${n}`, location, tags: tags(i) });
        });
        const group = { resourceGroupName: `rg-${n}` };
        const groupDeps: Readonly<Record<string, readonly Added[]>> = rg ? { resourceGroupName: [rg] } : {};
        let account: Added | undefined;
        step(() => {
            account = add(
                i % 5 === 1 ? "azure-native:storage/v20230101:StorageAccount" : "azure-native:storage:StorageAccount",
                `st${i}`,
                {
                    ...group,
                    accountName: `stbench${i}`,
                    location,
                    kind: "StorageV2",
                    sku: { name: i % 6 === 0 ? "Standard_GRS" : "Standard_ZRS" },
                    enableHttpsTrafficOnly: i % 11 !== 0,
                    allowBlobPublicAccess: i % 8 === 3,
                    minimumTlsVersion: i % 13 === 8 ? secret(i) : i % 9 === 0 ? "TLS1_0" : "TLS1_2",
                    publicNetworkAccess: i % 4 === 0 ? "Enabled" : "Disabled",
                    networkRuleSet: { defaultAction: i % 4 === 0 ? "Allow" : "Deny", bypass: "AzureServices" },
                    encryption: {
                        keySource: i % 3 === 0 ? "Microsoft.Keyvault" : "Microsoft.Storage",
                        requireInfrastructureEncryption: i % 2 === 0,
                        services: { blob: { enabled: true, keyType: "Account" }, file: { enabled: true, keyType: "Account" } },
                        ...(i % 3 === 0 ? { keyVaultProperties: { keyName: "storage", keyVaultUri: `https://kv-${n}.vault.azure.net/` } } : {}),
                    },
                    tags: tags(i),
                },
                { deps: groupDeps },
            );
        });
        const acct = account;
        if (acct) {
            step(() =>
                add(
                    "azure-native:storage:BlobContainer",
                    `data-${n}`,
                    { ...group, accountName: `stbench${i}`, containerName: "data", publicAccess: i % 10 === 4 ? "Blob" : "None" },
                    { deps: { accountName: [acct], ...groupDeps } },
                ),
            );
        }
        let vault: Added | undefined;
        if (i % 2 === 0) {
            step(() => {
                vault = add(
                    "azure-native:keyvault:Vault",
                    `kv-${n}`,
                    {
                        ...group,
                        vaultName: `kv-${n}`,
                        location,
                        properties: {
                            tenantId: TENANT,
                            sku: { family: "A", name: "standard" },
                            enableSoftDelete: true,
                            enablePurgeProtection: i % 8 !== 0,
                            enableRbacAuthorization: true,
                            publicNetworkAccess: i % 6 === 2 ? "Enabled" : "Disabled",
                            networkAcls: { defaultAction: "Deny", bypass: "AzureServices" },
                        },
                    },
                    { deps: groupDeps },
                );
            });
        }
        const kv = vault;
        let workspace: Added | undefined;
        if (i % 9 === 2) {
            step(() => {
                workspace = add(
                    "azure-native:operationalinsights:Workspace",
                    `law-${n}`,
                    { ...group, workspaceName: `law-${n}`, location, sku: { name: "PerGB2018" }, retentionInDays: i % 18 === 2 ? 30 : 365 },
                    { deps: groupDeps },
                );
            });
        }
        const ws = workspace;
        if (kv) {
            step(() =>
                add(
                    "azure-native:monitor:DiagnosticSetting",
                    `kv-${n}-diag`,
                    {
                        name: "to-workspace",
                        resourceUri: kv.id,
                        ...(i % 10 === 6 ? {} : { workspaceId: ws?.id ?? `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/central` }),
                        logs: [{ categoryGroup: "audit", enabled: true }, { categoryGroup: "allLogs", enabled: i % 3 !== 0 }],
                    },
                    { deps: { resourceUri: [kv], ...(ws ? { workspaceId: [ws] } : {}) } },
                ),
            );
        }
        step(() =>
            add(
                "azure-native:authorization:RoleAssignment",
                `ra-${n}`,
                {
                    principalId: `aaaaaaaa-0000-4000-8000-${String(i).padStart(12, "0")}`,
                    principalType: i % 3 === 0 ? "User" : "Group",
                    roleDefinitionId: `/subscriptions/${SUBSCRIPTION}/providers/Microsoft.Authorization/roleDefinitions/${i % 12 === 0 ? OWNER_ROLE : READER_ROLE}`,
                    scope: `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-${n}`,
                },
                { deps: { scope: rg ? [rg] : [] } },
            ),
        );
        let vnet: Added | undefined;
        step(() => {
            vnet = add(
                "azure-native:network:VirtualNetwork",
                `vnet-${n}`,
                { ...group, virtualNetworkName: `vnet-${n}`, location, addressSpace: { addressPrefixes: [`10.${i % 250}.0.0/16`] } },
                { deps: groupDeps },
            );
        });
        const v = vnet;
        if (v) {
            step(() =>
                add(
                    "azure-native:network:Subnet",
                    `snet-${n}`,
                    { ...group, virtualNetworkName: `vnet-${n}`, subnetName: "app", addressPrefix: `10.${i % 250}.1.0/24` },
                    { deps: { virtualNetworkName: [v] } },
                ),
            );
        }
        if (i % 3 === 2) {
            step(() =>
                add(
                    "azure-native:compute:Disk",
                    `disk-${n}`,
                    {
                        ...group,
                        diskName: `disk-${n}`,
                        location,
                        creationData: { createOption: "Empty" },
                        diskSizeGB: 64,
                        ...(i % 6 === 2 ? {} : { encryption: { type: "EncryptionAtRestWithCustomerKey", diskEncryptionSetId: `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-keys/providers/Microsoft.Compute/diskEncryptionSets/des` } }),
                    },
                    { deps: groupDeps },
                ),
            );
        }
        if (i % 12 === 5) {
            let server: Added | undefined;
            step(() => {
                server = add(
                    "azure-native:sql:Server",
                    `sql-${n}`,
                    { ...group, serverName: `sql-${n}`, location, administratorLogin: "sqladmin", administratorLoginPassword: secret(i), minimalTlsVersion: "1.2", publicNetworkAccess: "Disabled" },
                    { deps: groupDeps },
                );
            });
            const s = server;
            if (s) {
                step(() =>
                    add(
                        "azure-native:sql:Database",
                        `sqldb-${n}`,
                        { ...group, serverName: `sql-${n}`, databaseName: "app", location, sku: { name: "S0" }, requestedBackupStorageRedundancy: i % 24 === 5 ? "Geo" : "Zone" },
                        { deps: { serverName: [s] } },
                    ),
                );
            }
        }
    }

    return {
        version: 3,
        deployment: {
            manifest: { time: "2025-01-01T00:00:00Z", magic: "bench", version: "v3.206.0" },
            resources: resources.slice(0, count),
        },
    };
}

/** The same export with only its AWS resources (and the root stack and AWS providers): what an AWS-only pack sees. */
export function awsOnly(doc: ExportDoc): ExportDoc {
    const keep = (r: JsonMap) => {
        const t = typeof r["type"] === "string" ? r["type"] : "";
        return t.startsWith("aws:") || t === "pulumi:providers:aws" || t === "pulumi:pulumi:Stack";
    };
    return { ...doc, deployment: { ...doc.deployment, resources: doc.deployment.resources.filter(keep) } };
}

if (require.main === module) {
    const args = process.argv.slice(2);
    const count = Number(args.find((a) => !a.startsWith("--")) ?? "1000");
    if (!Number.isInteger(count) || count < 4) {
        process.stderr.write("usage: gen-export.ts COUNT [--aws] (COUNT at least 4)\n");
        process.exit(2);
    }
    const doc = generateExport(count);
    process.stdout.write(`${JSON.stringify(args.includes("--aws") ? awsOnly(doc) : doc, null, 1)}\n`);
}
