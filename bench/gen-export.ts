// Generates a `pulumi stack export` (deployment v3) of N resources for benchmarking the gate: a root stack, default
// and explicit AWS providers, an Azure provider, and a deterministic mix of resources the pack looks at (log groups,
// buckets with public-access blocks joined by property dependency, IAM roles, queues, RDS instances, EBS volumes,
// storage accounts), some compliant, some not, some with encrypted secrets (unknown to the gate).
//
//   node -r ./bench/ts.js bench/gen-export.ts 1000 > bench/tmp/export-1000.json

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const SIG = "4dabf18193072939515e22adb298388d";
const SECRET = "1b47061264138c4ac30d75fd1eb44270";

export function generateExport(count: number, stack = "bench", project = "gate-bench"): Json {
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
    const resources: Json[] = [
        { urn: root, custom: false, type: "pulumi:pulumi:Stack", outputs: {} },
        {
            urn: awsDefault,
            custom: true,
            id: "0b9c6c8e-0000-4000-8000-000000000001",
            type: "pulumi:providers:aws",
            inputs: { region: "ap-northeast-1", version: "7.48.0" },
            outputs: { region: "ap-northeast-1", version: "7.48.0" },
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
            inputs: { location: "japaneast", version: "3.28.0" },
            outputs: { location: "japaneast", version: "3.28.0" },
        },
    ];
    const add = (type: string, name: string, inputs: { [k: string]: Json }, extra: { [k: string]: Json } = {}) => {
        const id = `${name}-${(resources.length * 2654435761 % 0xffffff).toString(16)}`;
        resources.push({
            urn: urn(type, name),
            custom: true,
            id,
            type,
            inputs,
            outputs: { ...inputs, id, arn: `arn:aws:bench:::${id}` },
            parent: root,
            provider: providers.aws,
            ...extra,
        });
        return urn(type, name);
    };
    for (let i = 0; resources.length < count; i++) {
        switch (i % 8) {
            case 0:
                add("aws:cloudwatch/logGroup:LogGroup", `logs-${i}`, { retentionInDays: [1, 7, 30, 365, 0][i % 5] ?? 0, name: `logs-${i}` });
                break;
            case 1: {
                const bucket = add("aws:s3/bucket:Bucket", `bucket-${i}`, { bucket: `bucket-${i}` }, i % 3 ? {} : { provider: providers.virginia });
                if (resources.length < count) {
                    add(
                        "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
                        `bucket-${i}`,
                        { bucket: `bucket-${i}`, blockPublicAcls: true, blockPublicPolicy: i % 4 !== 1, ignorePublicAcls: true, restrictPublicBuckets: true },
                        { dependencies: [bucket], propertyDependencies: { bucket: [bucket] } },
                    );
                }
                break;
            }
            case 2:
                add("aws:iam/role:Role", `role-${i}`, {
                    assumeRolePolicy: JSON.stringify({
                        Version: "2012-10-17",
                        Statement: [
                            {
                                Effect: "Allow",
                                Principal: i % 2 ? { Service: "lambda.amazonaws.com" } : { AWS: "arn:aws:iam::123456789012:root" },
                                Action: "sts:AssumeRole",
                                ...(i % 4 === 2 ? { Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } } : {}),
                            },
                        ],
                    }),
                });
                break;
            case 3:
                add("aws:sqs/queue:Queue", `queue-${i}`, i % 2 ? { sqsManagedSseEnabled: true } : { name: `queue-${i}` });
                break;
            case 4:
                add("aws:rds/instance:Instance", `db-${i}`, {
                    engine: "postgres",
                    instanceClass: "db.t4g.micro",
                    allocatedStorage: 20,
                    storageEncrypted: i % 3 !== 0,
                    publiclyAccessible: false,
                    username: "admin",
                    password: secret(i),
                });
                break;
            case 5:
                add("aws:ebs/volume:Volume", `volume-${i}`, { availabilityZone: "ap-northeast-1a", size: 10, encrypted: i % 2 === 1 });
                break;
            case 6:
                add("aws:cloudwatch/logGroup:LogGroup", `audit-${i}`, { retentionInDays: secret(i), tags: { owner: secret(i + 1) } });
                break;
            default:
                add(
                    "azure-native:storage:StorageAccount",
                    `storage${i}`,
                    {
                        accountName: `storage${i}`,
                        resourceGroupName: "bench",
                        location: i % 3 ? "japaneast" : "eastus",
                        kind: "StorageV2",
                        sku: { name: "Standard_LRS" },
                        enableHttpsTrafficOnly: true,
                        allowBlobPublicAccess: i % 4 === 3,
                        minimumTlsVersion: "TLS1_2",
                    },
                    { provider: providers.azure },
                );
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

if (require.main === module) {
    const count = Number(process.argv[2] ?? "1000");
    if (!Number.isInteger(count) || count < 4) {
        process.stderr.write("usage: gen-export.ts COUNT (at least 4)\n");
        process.exit(2);
    }
    process.stdout.write(`${JSON.stringify(generateExport(count), null, 1)}\n`);
}
