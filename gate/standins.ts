// Stand-ins for the values a provider computes when it creates a resource (ids, ARNs, autonames), for the gate's
// second evaluation of a program "as `pulumi up` would see it" (docs/gate.md "Would block at `pulumi up`").
//
// A stand-in must be well-formed and consistent, and must never make a finding of its own:
// - the same resource always gets the same values (derived from its URN), so every reference to it agrees;
// - ARNs have the shape AWS gives that resource type, in the resource's region (its `region` input, else its
//   provider's, else the stack's `aws:region`) and partition, in the stack's own account (which the gate chooses
//   so that it counts as the organisation's: see `standInAccount`);
// - Azure resource ids have the ARM shape of their type, in the stack's subscription and the resource's resource
//   group (extension resources under their `scope`);
// - a value the program gave (a name, a bucket) is kept; only what the program left to the provider is filled in.
// Only the properties below are stood in for; every other computed output stays unknown, as in a preview.

import { createHash } from "node:crypto";
import { type Json, type JsonObject, UNKNOWN, isJsonObject } from "./wire";

export interface StandInContext {
    /** The stack's own AWS account (12 digits). */
    readonly account: string;
    /** The stack's region when neither the resource nor its provider names one. */
    readonly region: string;
    readonly partition: string;
    /** The stack's Azure subscription and tenant (GUIDs). */
    readonly subscriptionId: string;
    readonly tenantId: string;
}

/** What a provider would return for a created resource: its id and the outputs to add to its inputs. */
export interface StandIn {
    readonly id: string;
    readonly outputs: JsonObject;
}

export const PLACEHOLDER_ACCOUNT = "123456789012";
export const PLACEHOLDER_SUBSCRIPTION = "00000000-0000-4000-8000-000000000001";
export const PLACEHOLDER_TENANT = "00000000-0000-4000-8000-000000000002";
const ACCOUNT = /^[0-9]{12}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function strings(v: Json | undefined): string[] {
    if (typeof v === "string") {
        // Stack config holds lists as JSON text.
        try {
            return strings(JSON.parse(v) as Json);
        } catch {
            return [v];
        }
    }
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** Every `organizationAccountIds` list of a policy-pack config document, flattened. */
function organizationAccounts(doc: JsonObject | undefined): string[] {
    const out: string[] = [];
    for (const entry of Object.values(doc ?? {})) {
        if (isJsonObject(entry)) out.push(...strings(entry["organizationAccountIds"]));
    }
    return out;
}

/**
 * The account the stack deploys into, as far as the gate can tell, so that principals of the stack's own resources
 * count as the organisation's: the provider's `aws:allowedAccountIds` (the provider refuses any other account),
 * else the first of the policy-pack config's `organizationAccountIds`, else a placeholder (with no organisation
 * configured, no account is the organisation's anyway).
 */
export function standInContext(stackConfig: Readonly<Record<string, string>>, policyConfig: JsonObject | undefined): StandInContext {
    const allowed = strings(stackConfig["aws:allowedAccountIds"]).filter((a) => ACCOUNT.test(a));
    const account = allowed[0] ?? organizationAccounts(policyConfig).find((a) => ACCOUNT.test(a)) ?? PLACEHOLDER_ACCOUNT;
    const sub = stackConfig["azure-native:subscriptionId"];
    const tenant = stackConfig["azure-native:tenantId"];
    return {
        account,
        region: stackConfig["aws:region"] || "us-east-1",
        partition: "aws",
        subscriptionId: sub && GUID.test(sub) ? sub : PLACEHOLDER_SUBSCRIPTION,
        tenantId: tenant && GUID.test(tenant) ? tenant : PLACEHOLDER_TENANT,
    };
}

function hex(seed: string, n: number): string {
    let out = "";
    for (let i = 0; out.length < n; i++) out += createHash("sha256").update(`${seed}#${i}`).digest("hex");
    return out.slice(0, n);
}

/** A GUID derived from a seed (version 4 shape). */
export function standInGuid(seed: string): string {
    const h = hex(seed, 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function known(v: Json | undefined): string | undefined {
    return typeof v === "string" && v !== "" && v !== UNKNOWN ? v : undefined;
}

function lowerFirst(s: string): string {
    return s.charAt(0).toLowerCase() + s.slice(1);
}

interface Token {
    readonly pkg: string;
    /** `s3` of `aws:s3/bucket:Bucket`, `storage` of `azure-native:storage:StorageAccount`. */
    readonly module: string;
    readonly type: string;
}

function parseToken(token: string): Token | undefined {
    const [pkg, mod, type] = token.split(":");
    if (!pkg || mod === undefined || !type) return undefined;
    return { pkg, module: (mod.split("/")[0] ?? mod).toLowerCase(), type };
}

// --- AWS ------------------------------------------------------------------------------------------------------------

/** The input that names the resource, when it is not `name`. */
const AWS_NAME_KEY: Readonly<Record<string, string>> = {
    "aws:s3/bucket:Bucket": "bucket",
    "aws:s3/bucketV2:BucketV2": "bucket",
    "aws:rds/instance:Instance": "identifier",
    "aws:rds/cluster:Cluster": "clusterIdentifier",
    "aws:redshift/cluster:Cluster": "clusterIdentifier",
    "aws:elasticache/replicationGroup:ReplicationGroup": "replicationGroupId",
    "aws:opensearch/domain:Domain": "domainName",
    "aws:redshiftserverless/workgroup:Workgroup": "workgroupName",
    "aws:cloudfront/distribution:Distribution": "",
    "aws:kms/key:Key": "",
};

/** The EC2-style ids: `<prefix>-<17 hex>`. */
const EC2_PREFIX: Readonly<Record<string, string>> = {
    "aws:ec2/vpc:Vpc": "vpc",
    "aws:ec2/subnet:Subnet": "subnet",
    "aws:ec2/securityGroup:SecurityGroup": "sg",
    "aws:ec2/instance:Instance": "i",
    "aws:ec2/internetGateway:InternetGateway": "igw",
    "aws:ec2/natGateway:NatGateway": "nat",
    "aws:ec2/routeTable:RouteTable": "rtb",
    "aws:ec2/eip:Eip": "eipalloc",
    "aws:ec2/launchTemplate:LaunchTemplate": "lt",
    "aws:ebs/volume:Volume": "vol",
    "aws:ec2/networkInterface:NetworkInterface": "eni",
    "aws:ec2/vpcEndpoint:VpcEndpoint": "vpce",
};

/** The ARN resource part for a type whose ARN is `arn:<p>:<service>:<region>:<account>:<resource>`. */
function awsArn(token: string, t: Token, name: string, id: string, region: string, ctx: StandInContext, inputs: JsonObject): string {
    const p = ctx.partition;
    const a = ctx.account;
    const path = known(inputs["path"]) ?? "/";
    const iam = (kind: string) => `arn:${p}:iam::${a}:${kind}${path.startsWith("/") ? path : `/${path}`}${name}`;
    switch (token) {
        case "aws:s3/bucket:Bucket":
        case "aws:s3/bucketV2:BucketV2":
            return `arn:${p}:s3:::${name}`;
        case "aws:iam/role:Role":
            return iam("role");
        case "aws:iam/user:User":
            return iam("user");
        case "aws:iam/group:Group":
            return iam("group");
        case "aws:iam/policy:Policy":
            return iam("policy");
        case "aws:iam/instanceProfile:InstanceProfile":
            return iam("instance-profile");
        case "aws:iam/openIdConnectProvider:OpenIdConnectProvider":
            return `arn:${p}:iam::${a}:oidc-provider/${(known(inputs["url"]) ?? `${name}.example`).replace(/^https:\/\//, "")}`;
        case "aws:iam/samlProvider:SamlProvider":
            return `arn:${p}:iam::${a}:saml-provider/${name}`;
        case "aws:kms/key:Key":
            return `arn:${p}:kms:${region}:${a}:key/${id}`;
        case "aws:kms/alias:Alias":
            return `arn:${p}:kms:${region}:${a}:${name}`;
        case "aws:sqs/queue:Queue":
            return `arn:${p}:sqs:${region}:${a}:${name}`;
        case "aws:sns/topic:Topic":
            return `arn:${p}:sns:${region}:${a}:${name}`;
        case "aws:lambda/function:Function":
            return `arn:${p}:lambda:${region}:${a}:function:${name}`;
        case "aws:cloudwatch/logGroup:LogGroup":
            return `arn:${p}:logs:${region}:${a}:log-group:${name}`;
        case "aws:dynamodb/table:Table":
            return `arn:${p}:dynamodb:${region}:${a}:table/${name}`;
        case "aws:rds/instance:Instance":
            return `arn:${p}:rds:${region}:${a}:db:${name}`;
        case "aws:rds/cluster:Cluster":
            return `arn:${p}:rds:${region}:${a}:cluster:${name}`;
        case "aws:cloudtrail/trail:Trail":
            return `arn:${p}:cloudtrail:${region}:${a}:trail/${name}`;
        case "aws:kinesis/stream:Stream":
            return `arn:${p}:kinesis:${region}:${a}:stream/${name}`;
        case "aws:cloudfront/distribution:Distribution":
            return `arn:${p}:cloudfront::${a}:distribution/${id}`;
        case "aws:acm/certificate:Certificate":
            return `arn:${p}:acm:${region}:${a}:certificate/${id}`;
        case "aws:secretsmanager/secret:Secret":
            return `arn:${p}:secretsmanager:${region}:${a}:secret:${name}-${hex(id, 6)}`;
        case "aws:ecr/repository:Repository":
            return `arn:${p}:ecr:${region}:${a}:repository/${name}`;
        case "aws:efs/fileSystem:FileSystem":
            return `arn:${p}:elasticfilesystem:${region}:${a}:file-system/${id}`;
        case "aws:s3/accessPoint:AccessPoint":
            return `arn:${p}:s3:${region}:${a}:accesspoint/${name}`;
    }
    if (EC2_PREFIX[token]) {
        const service = t.module === "ebs" ? "ec2" : t.module;
        const kind = t.module === "ebs" ? "volume" : token === "aws:ec2/eip:Eip" ? "elastic-ip" : lowerFirst(t.type).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
        return `arn:${p}:${service}:${region}:${a}:${kind}/${id}`;
    }
    return `arn:${p}:${t.module}:${region}:${a}:${lowerFirst(t.type)}/${name}`;
}

function awsStandIn(token: string, t: Token, logical: string, urn: string, inputs: JsonObject, providerRegion: string | undefined, ctx: StandInContext): StandIn {
    const region = known(inputs["region"]) ?? providerRegion ?? ctx.region;
    const nameKey = AWS_NAME_KEY[token] ?? "name";
    const outputs: JsonObject = {};
    // The provider's autoname: `<logical name>-<7 hex>` (or the program's prefix + hex).
    let name = nameKey ? known(inputs[nameKey]) : undefined;
    if (nameKey && name === undefined) {
        const prefix = known(inputs[`${nameKey}Prefix`]) ?? known(inputs["namePrefix"]);
        name = prefix !== undefined ? `${prefix}${hex(urn, 26)}` : `${logical}-${hex(urn, 7)}`;
        if (token === "aws:sqs/queue:Queue" && inputs["fifoQueue"] === true) name += ".fifo";
        if (inputs[nameKey] !== UNKNOWN) outputs[nameKey] = name;
    }
    const nm = name ?? logical;
    let id: string;
    const prefix = EC2_PREFIX[token];
    if (prefix) id = `${prefix}-${hex(urn, 17)}`;
    else if (token === "aws:kms/key:Key" || token === "aws:acm/certificate:Certificate") id = standInGuid(urn);
    else if (token === "aws:cloudfront/distribution:Distribution") id = `E${hex(urn, 13).toUpperCase()}`;
    else if (token === "aws:efs/fileSystem:FileSystem") id = `fs-${hex(urn, 17)}`;
    else if (token === "aws:sqs/queue:Queue") id = `https://sqs.${region}.amazonaws.com/${ctx.account}/${nm}`;
    else id = nm;
    const arn = awsArn(token, t, nm, id, region, ctx, inputs);
    // ARN-identified types.
    if (token === "aws:iam/policy:Policy" || token === "aws:sns/topic:Topic" || token.startsWith("aws:iam/openIdConnectProvider") || token.startsWith("aws:iam/samlProvider")) {
        id = arn;
    }
    outputs["arn"] = arn;
    if (token === "aws:kms/key:Key") outputs["keyId"] = id;
    if (token === "aws:sqs/queue:Queue") outputs["url"] = id;
    if (token === "aws:iam/role:Role" || token === "aws:iam/user:User") outputs["uniqueId"] = `${token === "aws:iam/role:Role" ? "AROA" : "AIDA"}${hex(urn, 17).toUpperCase()}`;
    if (token === "aws:lambda/function:Function") outputs["invokeArn"] = `arn:${ctx.partition}:apigateway:${region}:lambda:path/2015-03-31/functions/${arn}/invocations`;
    if (token === "aws:cloudfront/originAccessIdentity:OriginAccessIdentity") {
        const oai = `E${hex(urn, 13).toUpperCase()}`;
        id = oai;
        outputs["iamArn"] = `arn:${ctx.partition}:iam::cloudfront:user/CloudFront Origin Access Identity ${oai}`;
        delete outputs["arn"];
    }
    if (token === "aws:s3/bucket:Bucket" || token === "aws:s3/bucketV2:BucketV2") {
        outputs["bucketDomainName"] = `${nm}.s3.amazonaws.com`;
        outputs["bucketRegionalDomainName"] = `${nm}.s3.${region}.amazonaws.com`;
    }
    return { id, outputs };
}

// --- Azure ----------------------------------------------------------------------------------------------------------

const AZURE_NAMESPACE: Readonly<Record<string, string>> = {
    storage: "Microsoft.Storage",
    keyvault: "Microsoft.KeyVault",
    sql: "Microsoft.Sql",
    web: "Microsoft.Web",
    documentdb: "Microsoft.DocumentDB",
    cosmosdb: "Microsoft.DocumentDB",
    operationalinsights: "Microsoft.OperationalInsights",
    insights: "Microsoft.Insights",
    monitor: "Microsoft.Insights",
    containerservice: "Microsoft.ContainerService",
    app: "Microsoft.App",
    authorization: "Microsoft.Authorization",
    managedservices: "Microsoft.ManagedServices",
    network: "Microsoft.Network",
    compute: "Microsoft.Compute",
    managedidentity: "Microsoft.ManagedIdentity",
    dbforpostgresql: "Microsoft.DBforPostgreSQL",
    dbformysql: "Microsoft.DBforMySQL",
    cache: "Microsoft.Cache",
    containerregistry: "Microsoft.ContainerRegistry",
    eventhub: "Microsoft.EventHub",
    servicebus: "Microsoft.ServiceBus",
    cdn: "Microsoft.Cdn",
    apimanagement: "Microsoft.ApiManagement",
};

/** Type → [name input, ARM path below the namespace with `{key}` placeholders]. */
const AZURE_SHAPE: Readonly<Record<string, readonly [string, string]>> = {
    "azure-native:storage:StorageAccount": ["accountName", "storageAccounts/{}"],
    "azure-native:storage:BlobContainer": ["containerName", "storageAccounts/{accountName}/blobServices/default/containers/{}"],
    "azure-native:storage:BlobServiceProperties": ["blobServicesName", "storageAccounts/{accountName}/blobServices/{}"],
    "azure-native:storage:StorageAccountStaticWebsite": ["", "storageAccounts/{accountName}/staticWebsite"],
    "azure-native:sql:Server": ["serverName", "servers/{}"],
    "azure-native:sql:Database": ["databaseName", "servers/{serverName}/databases/{}"],
    "azure-native:keyvault:Vault": ["vaultName", "vaults/{}"],
    "azure-native:keyvault:Secret": ["secretName", "vaults/{vaultName}/secrets/{}"],
    "azure-native:keyvault:Key": ["keyName", "vaults/{vaultName}/keys/{}"],
    "azure-native:operationalinsights:Workspace": ["workspaceName", "workspaces/{}"],
    "azure-native:operationalinsights:Table": ["tableName", "workspaces/{workspaceName}/tables/{}"],
    "azure-native:web:WebApp": ["name", "sites/{}"],
    "azure-native:web:AppServicePlan": ["name", "serverfarms/{}"],
    "azure-native:documentdb:DatabaseAccount": ["accountName", "databaseAccounts/{}"],
    "azure-native:cosmosdb:DatabaseAccount": ["accountName", "databaseAccounts/{}"],
    "azure-native:managedidentity:UserAssignedIdentity": ["resourceName", "userAssignedIdentities/{}"],
    "azure-native:containerservice:ManagedCluster": ["resourceName", "managedClusters/{}"],
    "azure-native:app:ContainerApp": ["containerAppName", "containerApps/{}"],
    "azure-native:app:ManagedEnvironment": ["environmentName", "managedEnvironments/{}"],
};

function azureStandIn(token: string, t: Token, logical: string, urn: string, inputs: JsonObject, ctx: StandInContext): StandIn {
    const sub = ctx.subscriptionId;
    const outputs: JsonObject = {};
    const shape = AZURE_SHAPE[token];
    const nameKey = shape ? shape[0] : `${lowerFirst(t.type)}Name`;
    // The provider's autoname: `<logical name><8 alphanumerics>` (role assignments and the like: a GUID).
    const guidNamed = /^(roleAssignment|roleDefinition|registrationAssignment|registrationDefinition|pimRoleEligibilitySchedule)/i.test(nameKey);
    const autoname = guidNamed ? standInGuid(urn) : `${logical.replace(/[^A-Za-z0-9]/g, "").toLowerCase()}${hex(urn, 8)}`;
    let name = (nameKey ? known(inputs[nameKey]) : undefined) ?? autoname;
    if (token === "azure-native:resources:ResourceGroup") name = known(inputs["resourceGroupName"]) ?? autoname;
    outputs["name"] = name;
    let id: string;
    const rg = known(inputs["resourceGroupName"]) ?? `${logical}-rg`;
    const scope = known(inputs["scope"]);
    if (token === "azure-native:resources:ResourceGroup") {
        id = `/subscriptions/${sub}/resourceGroups/${name}`;
    } else if (token === "azure-native:management:ManagementGroup") {
        name = known(inputs["groupId"]) ?? autoname;
        outputs["name"] = name;
        id = `/providers/Microsoft.Management/managementGroups/${name}`;
    } else if (token === "azure-native:subscription:Alias") {
        id = `/providers/Microsoft.Subscription/aliases/${name}`;
        outputs["properties"] = { subscriptionId: standInGuid(`${urn}#subscription`) };
    } else {
        const ns = AZURE_NAMESPACE[t.module] ?? `Microsoft.${t.module.charAt(0).toUpperCase()}${t.module.slice(1)}`;
        const path = shape
            ? shape[1].replace(/\{([A-Za-z]*)\}/g, (_m, key: string) => (key ? (known(inputs[key]) ?? key) : name))
            : `${lowerFirst(t.type)}${t.type.endsWith("s") ? "" : "s"}/${name}`;
        const parent = scope !== undefined && !("resourceGroupName" in inputs) ? scope.replace(/\/+$/, "") : `/subscriptions/${sub}/resourceGroups/${rg}`;
        id = `${parent}/providers/${ns}/${path}`;
    }
    return { id, outputs };
}

/**
 * The stand-in for one created (or read) resource. `inputs` are in wire form; `providerRegion` is its AWS provider's
 * region when known. Components and provider resources get no stand-in (undefined).
 */
export function standIn(
    token: string,
    logical: string,
    urn: string,
    inputs: JsonObject,
    providerRegion: string | undefined,
    ctx: StandInContext,
): StandIn | undefined {
    const t = parseToken(token);
    if (!t || t.pkg === "pulumi") return undefined;
    if (t.pkg === "aws") return awsStandIn(token, t, logical, urn, inputs, providerRegion, ctx);
    if (t.pkg === "azure-native") return azureStandIn(token, t, logical, urn, inputs, ctx);
    // Another provider: only an id, which is all the engine guarantees for a custom resource.
    return { id: `${logical}-${hex(urn, 8)}`, outputs: {} };
}
