// A generated mixed AWS + Azure stack (bench/gen-export.ts: realistic props, secrets, deprecated and API-versioned
// tokens, property dependencies) plus resources whose values are unknown as in a preview, for the tests that hold
// srguard's SDK fast paths to the plain SDK's verdicts.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { generateExport } from "../bench/gen-export";
import { EMPTY_OPTIONS, type GateResource, type GateStack } from "../gate/model";
import { scanFile } from "../gate/scan";
import { type JsonObject, UNKNOWN } from "../gate/wire";

function preview(stack: GateStack, type: string, name: string, inputs: JsonObject, extra: Partial<GateResource> = {}): GateResource {
    const awsProvider = stack.resources.find((r) => r.type.startsWith("aws:"))?.provider;
    const azureProvider = stack.resources.find((r) => r.type.startsWith("azure-native"))?.provider;
    const provider = type.startsWith("aws:") ? awsProvider : type.startsWith("azure-native") ? azureProvider : undefined;
    return {
        urn: `urn:pulumi:${stack.stack}::${stack.project}::${type}::${name}`,
        type,
        name,
        custom: true,
        inputs,
        outputs: inputs,
        dependencies: [],
        propertyDependencies: {},
        options: EMPTY_OPTIONS,
        analyze: true,
        ...(provider ? { provider } : {}),
        ...extra,
    };
}

/** `count` generated resources, then a dozen whose verdicts depend on unknown values, aliases and odd types. */
export function mixedStack(count: number): GateStack {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "srguard-mixed-")), "export.json");
    fs.writeFileSync(file, JSON.stringify(generateExport(count, "test", "mixed")));
    const stack = scanFile(file);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    const bucket = preview(stack, "aws:s3/bucket:Bucket", "unknown-name", { bucket: UNKNOWN });
    const extra: GateResource[] = [
        bucket,
        preview(
            stack,
            "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
            "unknown-name",
            { bucket: UNKNOWN, blockPublicAcls: true, blockPublicPolicy: UNKNOWN, ignorePublicAcls: true, restrictPublicBuckets: true },
            { dependencies: [bucket.urn], propertyDependencies: { bucket: [bucket.urn] } },
        ),
        preview(stack, "aws:s3/bucketV2:BucketV2", "legacy", { bucket: "legacy-bucket", acl: "public-read" }),
        preview(stack, "aws:s3/bucketObjectv2:BucketObjectv2", "legacy-object", { bucket: "legacy-bucket", key: "a", acl: UNKNOWN }),
        preview(stack, "aws:iam/role:Role", "unknown-trust", { assumeRolePolicy: UNKNOWN }),
        preview(stack, "aws:cloudwatch/logGroup:LogGroup", "unknown-retention", { retentionInDays: UNKNOWN, kmsKeyId: UNKNOWN }),
        preview(stack, "aws:rds/instance:Instance", "public-unknown-encryption", { engine: "mysql", publiclyAccessible: true, storageEncrypted: UNKNOWN }),
        preview(stack, "aws:alb/loadBalancer:LoadBalancer", "alias-module", { internal: false, loadBalancerType: "application" }),
        preview(stack, "azure-native_storage_v20230101:storage:StorageAccount", "versioned", {
            accountName: "versioned",
            resourceGroupName: "rg",
            location: UNKNOWN,
            kind: "StorageV2",
            sku: { name: "Standard_GRS" },
            allowBlobPublicAccess: true,
            encryption: { services: { blob: { enabled: UNKNOWN } } },
        }),
        preview(stack, "azure-native:insights:DiagnosticSetting", "renamed-module", { resourceUri: UNKNOWN, logs: [{ category: "AuditEvent", enabled: true }] }),
        preview(stack, "srguard:test:Component", "component", {}, { custom: false }),
        preview(stack, "random:index/randomPet:RandomPet", "not-a-cloud", { length: 2 }),
    ];
    return { ...stack, resources: [...stack.resources, ...extra] };
}
