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
import type { StackExampleResource } from "../policies/core/meta";
import { policies } from "../policies/registry";

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
    const vault = preview(stack, "azure-native:keyvault:Vault", "audited-vault", { resourceGroupName: "rg", vaultName: "audited", properties: { tenantId: "00000000-0000-0000-0000-000000000001" } });
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
        // a setting whose target waits for preview values but depends on a vault: it logs no storage account
        vault,
        preview(stack, "azure-native:monitor:DiagnosticSetting", "vault-logs", { resourceUri: UNKNOWN, workspaceId: "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/logs", logs: [{ categoryGroup: "allLogs", enabled: true }] }, { dependencies: [vault.urn], propertyDependencies: { resourceUri: [vault.urn] } }),
        preview(stack, "srguard:test:Component", "component", {}, { custom: false }),
        preview(stack, "random:index/randomPet:RandomPet", "not-a-cloud", { length: 2 }),
    ];
    return { ...stack, resources: [...stack.resources, ...extra] };
}

/**
 * Every example of every policy (resource and stack examples, passing and failing) as one stack beside a small
 * generated one: each example's resources under names of their own, with their property dependencies as URNs. Every
 * stack policy sees its own examples among every other policy's resources.
 */
export function examplesStack(): GateStack {
    const stack = mixedStack(40);
    const resources: GateResource[] = [...stack.resources];
    policies.forEach((p, pi) => {
        const ex = p.meta.examples as { pass: readonly unknown[]; fail: readonly unknown[] } | undefined;
        [...(ex?.pass ?? []), ...(ex?.fail ?? [])].forEach((e, ei) => {
            const x = e as { type?: string; props?: Record<string, unknown>; resources?: readonly StackExampleResource[] };
            const list: readonly StackExampleResource[] = x.resources ?? (x.type ? [{ type: x.type as never, name: "example", props: x.props ?? {} }] : []);
            const urnOf = new Map(list.map((r) => [r.name, `urn:pulumi:${stack.stack}::${stack.project}::${r.type}::p${pi}e${ei}-${r.name}`]));
            for (const r of list) {
                const propertyDependencies = Object.fromEntries(Object.entries(r.propertyDependencies ?? {}).map(([k, names]) => [k, names.flatMap((n) => urnOf.get(n) ?? [])]));
                const dependencies = [...new Set(Object.values(propertyDependencies).flat())];
                resources.push(preview(stack, r.type, `p${pi}e${ei}-${r.name}`, r.props as JsonObject, { dependencies, propertyDependencies }));
            }
        });
    });
    return { ...stack, resources };
}
