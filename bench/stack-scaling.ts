// Do srguard's stack policies stay linear in the number of resources? Every stack policy of the registry runs
// in-process (decoded and proxied as the SDK does) over a stress stack of n and 4n resources that takes the expensive
// branches of every join: references that are unknown during preview (an unknown bucket, resourceUri, serverName, ...
// may point at any resource of the stack), many resources sharing one join key, trails with unknown buckets next to
// many buckets with lifecycle rules, MSP roles with attachments. Linear: the time grows ~4×; one scan of the
// whole stack per resource: ~16×.
//
//   node -r ./bench/ts.js bench/stack-scaling.ts [--n 2000]

import * as path from "node:path";
import { performance } from "node:perf_hooks";
import type { PolicyResource, StackValidationArgs } from "@pulumi/policy";
import * as sdk from "@pulumi/policy";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { SrguardPolicy } from "../policies/core/policy";

const ROOT = path.resolve(__dirname, "..");
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const SUB = "33333333-0000-4000-8000-000000000000";
const OWNER = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
const SHARED_ROLE = "5e7d0000-0000-4000-8000-00000000face";
const PREFIXES = Array.from({ length: 16 }, (_, k) => `p${k}/`);
const BLIND = process.env.SRGUARD_STRESS_BLIND === "1";

type Props = Record<string, unknown>;
interface Spec {
    readonly type: string;
    readonly name: string;
    readonly props: Props;
    /** property → names of the resources it was built from */
    readonly deps?: Readonly<Record<string, readonly string[]>>;
}

/** One unit of the stress stack: ~28 resources. */
function unit(i: number): Spec[] {
    const n = `u${i}`;
    const bucket = `stress-${n}`;
    const id = (kind: string, name: string) => `/subscriptions/${SUB}/resourceGroups/rg-${n}/providers/${kind}/${name}`;
    const mspTrust = JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::999999999999:root" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": `x-${i}` } } }],
    });
    return [
        // AWS: a trail whose bucket is unknown, buckets with inline lifecycle rules, unjoined lifecycle configurations
        { type: "aws:cloudtrail/trail:Trail", name: `trail-${n}`, props: { name: `trail-${n}`, s3BucketName: i % 2 ? UNKNOWN : bucket, isMultiRegionTrail: true, enableLogFileValidation: true } },
        { type: "aws:s3/bucket:Bucket", name: `bucket-${n}`, props: { bucket, lifecycleRules: [{ enabled: true, expirations: [{ days: 30 }] }] } },
        { type: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", name: `lc-${n}`, props: { bucket: i % 3 ? UNKNOWN : bucket, rules: [{ id: "x", status: "Enabled", expiration: { days: 10 } }] } },
        { type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", name: `pab-${n}`, props: { bucket: i % 4 ? bucket : UNKNOWN, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true } },
        { type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", name: `sse-${n}`, props: { bucket: i % 5 ? bucket : UNKNOWN, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: UNKNOWN } }] } },
        { type: "aws:s3/bucketPolicy:BucketPolicy", name: `bp-${n}`, props: { bucket: i % 6 ? bucket : UNKNOWN, policy: UNKNOWN } },
        { type: "aws:s3/bucketAcl:BucketAcl", name: `acl-${n}`, props: { bucket: UNKNOWN, acl: "private" } },
        { type: "aws:s3/bucketReplicationConfig:BucketReplicationConfig", name: `repl-${n}`, props: { bucket, role: UNKNOWN, rules: [{ status: "Enabled", destination: { bucket: i % 2 ? UNKNOWN : `arn:aws:s3:::stress-u${i + 1}` } }] } },
        { type: "aws:iam/role:Role", name: `role-${n}`, props: { name: `role-${n}`, assumeRolePolicy: i % 7 ? mspTrust : UNKNOWN } },
        { type: "aws:iam/policy:Policy", name: `pol-${n}`, props: { name: `pol-${n}`, policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] }) } },
        { type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment", name: `rpa-${n}`, props: { role: i % 3 ? `role-${n}` : UNKNOWN, policyArn: i % 2 ? UNKNOWN : "arn:aws:iam::aws:policy/AdministratorAccess" } },
        { type: "aws:iam/rolePolicy:RolePolicy", name: `rp-${n}`, props: { role: UNKNOWN, policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "iam:*", Resource: "*" }] }) } },
        // Azure: key vaults and diagnostic settings with unknown targets, SQL servers and protectors, PIM, Lighthouse
        { type: "azure-native:keyvault:Vault", name: `kv-${n}`, props: { id: id("Microsoft.KeyVault/vaults", `kv-${n}`), vaultName: `kv-${n}`, properties: { tenantId: SUB } } },
        { type: "azure-native:monitor:DiagnosticSetting", name: `diag-${n}`, props: { resourceUri: i % 2 ? UNKNOWN : id("Microsoft.KeyVault/vaults", `kv-${n}`), workspaceId: UNKNOWN, logs: [{ categoryGroup: "allLogs", enabled: true }] } },
        { type: "azure-native:monitor:SubscriptionDiagnosticSetting", name: `subdiag-${n}`, props: { workspaceId: UNKNOWN, logs: [{ category: "Administrative", enabled: i % 2 === 0 }] } },
        { type: "azure-native:sql:Server", name: `sql-${n}`, props: { serverName: `sql-${n}`, keyId: i % 2 ? UNKNOWN : "" } },
        { type: "azure-native:sql:EncryptionProtector", name: `prot-${n}`, props: { serverName: i % 2 ? UNKNOWN : `sql-${n}`, serverKeyType: "AzureKeyVault" } },
        { type: "azure-native:authorization:PimRoleEligibilitySchedule", name: `pim-${n}`, props: { roleDefinitionId: `/providers/Microsoft.Authorization/roleDefinitions/${OWNER}`, scope: `/subscriptions/${SUB}` } },
        { type: "azure-native:authorization:RoleManagementPolicy", name: `rmp-${n}`, props: { scope: `/subscriptions/${SUB}`, roleManagementPolicyName: `p-${n}`, rules: UNKNOWN } },
        { type: "azure-native:authorization:RoleManagementPolicyAssignment", name: `rmpa-${n}`, props: { scope: `/subscriptions/${SUB}`, roleDefinitionId: `/providers/Microsoft.Authorization/roleDefinitions/${OWNER}`, policyId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleManagementPolicies/p-${n}` }, deps: { policyId: [`rmp-${n}`] } },
        { type: "azure-native:authorization:RoleAssignment", name: `ra-${n}`, props: { principalId: UNKNOWN, roleDefinitionId: `/providers/Microsoft.Authorization/roleDefinitions/${OWNER}`, scope: `/subscriptions/${SUB}` } },
        { type: "azure-native:managedservices:RegistrationDefinition", name: `rd-${n}`, props: { properties: { managedByTenantId: UNKNOWN, authorizations: [{ principalId: `aaaaaaaa-0000-4000-8000-${String(i).padStart(12, "0")}`, roleDefinitionId: "acdd72a7-3385-48ef-bd42-f606fba81ae7" }] } } },
        { type: "azure-native:managedservices:RegistrationAssignment", name: `rasg-${n}`, props: { scope: i % 2 ? UNKNOWN : `/subscriptions/${SUB}`, properties: { registrationDefinitionId: UNKNOWN } }, deps: { scope: [] } },
        { type: "azure-native:resources:ResourceGroup", name: `rg-${n}`, props: { resourceGroupName: `rg-${n}` } },
        // One join key that the resources of every unit share, with passing verdicts (so only the reads show a scan per
        // pair): a custom role GUID that every unit's role definition has and every unit's assignment names, a replica
        // bucket name that every unit's bucket has and the rules (one per prefix) of every unit's replication copy to.
        { type: "azure-native:authorization:RoleDefinition", name: `crd-${n}`, props: { roleDefinitionId: SHARED_ROLE, roleName: `restarter-${n}`, scope: `/subscriptions/${SUB}`, permissions: [{ actions: ["Microsoft.Compute/virtualMachines/restart/action"] }] } },
        { type: "azure-native:authorization:RoleAssignment", name: `cra-${n}`, props: { principalId: UNKNOWN, scope: `/subscriptions/${SUB}`, roleDefinitionId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${SHARED_ROLE}` } },
        { type: "aws:s3/bucket:Bucket", name: `replica-${n}`, props: { bucket: "stress-replica", region: "ap-northeast-3" } },
        { type: "aws:s3/bucketReplicationConfig:BucketReplicationConfig", name: `repl-shared-${n}`, props: { bucket, role: UNKNOWN, rules: PREFIXES.map((prefix) => ({ status: "Enabled", filter: { prefix }, destination: { bucket: "arn:aws:s3:::stress-replica" } })) } },
    ];
}

const unknownCheckingProxy = sdk.unknownCheckingProxy as unknown as <T>(o: T) => T;
const UnknownValueError = sdk.UnknownValueError as unknown as new (...args: never[]) => Error;
const { deserializeProperties } = require("@pulumi/policy/deserialize") as { deserializeProperties(s: Struct, keep: boolean): Record<string, unknown> };
const OPTS = { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] };

/** Counts the property reads policies make (through the SDK's proxy, at any depth). */
export interface ReadCounter {
    reads: number;
}

function counting(o: unknown, counter: ReadCounter): unknown {
    if (typeof o !== "object" || o === null) return o;
    return new Proxy(o, {
        get: (t, key) => {
            counter.reads++;
            return counting((t as Record<string | symbol, unknown>)[key], counter);
        },
    });
}

/** The stress stack as the SDK hands it to stack policies (decoded, proxied); every property read counts. */
/**
 * The resources of every stack policy's examples (its metadata), as unit `i` of the stress stack: each example's
 * resources renamed apart, and in every third unit each joined property made unknown without its dependency (a
 * reference that may point anywhere: the expensive branch of a join).
 */
function exampleUnit(i: number, policies: readonly SrguardPolicy[]): Spec[] {
    const out: Spec[] = [];
    policies.forEach((p, pi) => {
        const ex = p.meta.examples;
        if (!ex) return;
        [...ex.pass, ...ex.fail].forEach((e, ei) => {
            if (!("resources" in e)) return;
            const rename = (name: string) => `${name}-p${pi}e${ei}-u${i}`;
            // A string that two resources of the example share is a join key (a bucket name, a server name), also when
            // one of them writes it at the end of an ARN or id (`arn:aws:s3:::replica`, `.../roleDefinitions/<guid>`):
            // each unit gets its own, as each resource of a real stack has its own name.
            const seen = new Map<string, number>();
            const all = e.resources.map((r) => new Set(strings(r.props)));
            for (const set of all) for (const v of set) seen.set(v, (seen.get(v) ?? 0) + 1);
            const keys = new Set([...seen].filter(([, n]) => n > 1).map(([v]) => v));
            all.forEach((set, a) => {
                for (const v of set) {
                    if (!NAME.test(v)) continue;
                    if (all.some((other, b) => b !== a && [...other].some((w) => w.endsWith(`/${v}`) || w.endsWith(`:${v}`)))) keys.add(v);
                }
            });
            for (const r of e.resources) {
                const refs = r.propertyDependencies ?? {};
                const blind = BLIND && i % 3 === 2 && Object.keys(refs).length > 0;
                const props = apart(r.props, keys, i) as Props;
                if (blind) for (const k of Object.keys(refs)) props[k] = UNKNOWN;
                const deps = blind ? undefined : Object.fromEntries(Object.entries(refs).map(([k, names]) => [k, names.map(rename)]));
                out.push({ type: r.type, name: rename(r.name), props, ...(deps ? { deps } : {}) });
            }
        });
    });
    return out;
}

function strings(v: unknown): string[] {
    if (typeof v === "string") return [v];
    if (v === null || typeof v !== "object") return [];
    return Object.values(v).flatMap(strings);
}

/** A name or id that an ARN or id may end with (not `*`, not a word of a sentence). */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{2,}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Join key `key` as unit `unit` spells it: `-u<unit>` appended, a GUID kept a GUID (its last digits shifted). */
function renamed(key: string, unit: number): string {
    if (!GUID.test(key)) return `${key}-u${unit}`;
    const tail = (Number.parseInt(key.slice(-8), 16) + unit + 1) % 0x100000000;
    return `${key.slice(0, -8)}${tail.toString(16).padStart(8, "0")}`;
}

/** `v` with every string of `keys`, and every ARN or id ending in one, as unit `unit` spells them. */
function apart(v: unknown, keys: ReadonlySet<string>, unit: number): unknown {
    if (typeof v === "string") {
        if (keys.has(v)) return renamed(v, unit);
        for (const k of keys) if (v.endsWith(`/${k}`) || v.endsWith(`:${k}`)) return `${v.slice(0, -k.length)}${renamed(k, unit)}`;
        return v;
    }
    if (Array.isArray(v)) return v.map((x) => apart(x, keys, unit));
    if (v === null || typeof v !== "object") return v;
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, apart(x, keys, unit)]));
}

/**
 * `resources` stress resources: units of hand-written joins (below) and, for each policy of `withExamplesOf`, the
 * resources of its examples, repeated until there are `resources`.
 */
export function stressResources(resources: number, counter: ReadCounter = { reads: 0 }, withExamplesOf: readonly SrguardPolicy[] = []): PolicyResource[] {
    const specs: Spec[] = [];
    const stackPolicies = withExamplesOf.filter((p) => "validateStack" in p);
    for (let i = 0; specs.length < resources; i++) specs.push(...unit(i), ...exampleUnit(i, stackPolicies));
    specs.length = resources;
    const out = specs.map<PolicyResource>((s) => ({
        type: s.type,
        props: unknownCheckingProxy(
            counting(deserializeProperties(Struct.fromJavaScript(s.props as Parameters<typeof Struct.fromJavaScript>[0]), false), counter) as Record<string, unknown>,
        ),
        urn: `urn:pulumi:stress::stress::${s.type}::${s.name}`,
        name: s.name,
        opts: OPTS,
        dependencies: [],
        propertyDependencies: {},
        isType: () => false,
        asType: () => undefined,
    }));
    const byName = new Map(out.map((r) => [r.name, r]));
    specs.forEach((s, i) => {
        const r = out[i];
        if (!r) return;
        for (const [k, names] of Object.entries(s.deps ?? {})) {
            r.propertyDependencies[k] = names.map((n) => byName.get(n)).filter((x): x is PolicyResource => x !== undefined);
        }
    });
    return out;
}

export interface ScalingRow {
    readonly policy: string;
    readonly small: Run;
    readonly large: Run;
    /** large / small for 4× the resources: ~4 when linear, ~16 when each resource scans the whole stack. */
    readonly readsRatio: number;
    readonly diagnosticsRatio: number;
    readonly timeRatio: number;
}

export interface Run {
    readonly ms: number;
    /** Property reads: deterministic, unlike time. */
    readonly reads: number;
    readonly diagnostics: number;
}

/** Runs one stack policy over `resources` (median time of `repeats`; reads and diagnostics of one run). */
export function runStackPolicy(p: SrguardPolicy, resources: readonly PolicyResource[], counter: ReadCounter, repeats = 1): Run {
    if (!("validateStack" in p)) throw new Error(`${p.name} is not a stack policy`);
    let diagnostics = 0;
    let reads = 0;
    const times: number[] = [];
    for (let k = 0; k < repeats; k++) {
        diagnostics = 0;
        const args: StackValidationArgs = {
            resources: [...resources],
            stackTags: new Map(),
            getConfig: <T extends object>() => ({}) as T,
            notApplicable: (): never => {
                throw new Error("notApplicable");
            },
        };
        (globalThis as { gc?: () => void }).gc?.(); // with --expose-gc: no collection of the previous run's garbage inside
        const before = counter.reads;
        const t = performance.now();
        try {
            void p.validateStack(args, () => {
                diagnostics++;
            });
        } catch (e) {
            if (!(e instanceof UnknownValueError)) throw e;
        }
        times.push(performance.now() - t);
        reads = counter.reads - before;
    }
    times.sort((a, b) => a - b);
    return { ms: times[Math.floor(times.length / 2)] ?? NaN, reads, diagnostics };
}

/** Every stack policy of `policies` at `n` and `4n` stress resources. */
export function stackScaling(policies: readonly SrguardPolicy[], n: number, repeats = 3): ScalingRow[] {
    const smallCounter: ReadCounter = { reads: 0 };
    const largeCounter: ReadCounter = { reads: 0 };
    const small = stressResources(n, smallCounter, policies);
    const large = stressResources(4 * n, largeCounter, policies);
    return policies
        .filter((p) => "validateStack" in p)
        .map((p) => {
            runStackPolicy(p, small, smallCounter); // warm up
            const s = runStackPolicy(p, small, smallCounter, repeats);
            const l = runStackPolicy(p, large, largeCounter, repeats);
            return {
                policy: p.name,
                small: s,
                large: l,
                readsRatio: l.reads / Math.max(1, s.reads),
                diagnosticsRatio: l.diagnostics / Math.max(1, s.diagnostics),
                timeRatio: l.ms / s.ms,
            };
        });
}

/** The compiled registry's policies (what the pack runs). */
export function compiledPolicies(): readonly SrguardPolicy[] {
    return (require(path.join(process.env["SRGUARD_BENCH_PACK_DIST"] ?? path.join(ROOT, "dist", "policies"), "registry.js")) as { policies: readonly SrguardPolicy[] }).policies;
}

if (require.main === module) {
    const i = process.argv.indexOf("--n");
    const n = Number(i > 0 ? (process.argv[i + 1] ?? "2000") : "2000");
    process.stdout.write(`${"stack policy".padEnd(70)} ${"reads n → 4n".padStart(22)}  ratio  ${"time n → 4n".padStart(20)}  diagnostics at 4n\n`);
    for (const r of stackScaling(compiledPolicies(), n)) {
        process.stdout.write(
            `${r.policy.padEnd(70)} ${`${r.small.reads} → ${r.large.reads}`.padStart(22)}  ×${r.readsRatio.toFixed(1).padStart(4)}  ` +
                `${`${r.small.ms.toFixed(1)} → ${r.large.ms.toFixed(1)} ms`.padStart(20)}  ${r.large.diagnostics} (×${r.diagnosticsRatio.toFixed(1)})\n`,
        );
    }
}
