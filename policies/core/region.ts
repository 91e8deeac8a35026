// Where a resource lives. AWS: the resource's own `region` (provider v7), else its provider's `region` (an
// explicit provider, or the default provider the engine builds from `aws:region` stack config). Azure: the
// resource's `location`, else its provider's `location` (`azure-native:location` stack config).
// Reads go through the SDK's proxy: an unknown region stays unknown (the SDK reports "can't run during preview").

import { Value } from "./read";
import { canonicalType, moduleOf } from "./tokens";
import { unknown, type Verdict } from "./verdict";

/** Properties as the SDK hands them over (read them through `Value`). */
type Props = Readonly<Record<string, unknown>>;

export interface ProviderRef {
    readonly type: string;
    readonly props: Props;
    readonly urn: string;
    readonly name: string;
}

export type Placement =
    | { readonly found: true; readonly region: string; readonly from: "resource" | "provider" }
    | { readonly found: false };

function nonEmpty(v: unknown): string | undefined {
    return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
}

/** "Japan East", "japan east", "JapanEast" → "japaneast" (how Azure writes location names). */
export function normalizeAzureLocation(location: string): string {
    return location.replace(/[\s_-]/g, "").toLowerCase();
}

/**
 * Where an Azure resource lives: its `location`, else its provider's `location`; or, when the location that decides
 * is unknown during preview, the `unknown` verdict for it.
 */
export function azurePlacement(location: Value, provider: ProviderRef | undefined): Placement | Verdict {
    if (location.isUnknown) return unknown(location);
    const own = nonEmpty(location.value);
    if (own) return { found: true, region: normalizeAzureLocation(own), from: "resource" };
    if (!provider) return { found: false };
    const fromProvider = Value.of(provider.props, "location");
    if (fromProvider.isUnknown) return unknown(fromProvider);
    const region = nonEmpty(fromProvider.value);
    return region ? { found: true, region: normalizeAzureLocation(region), from: "provider" } : { found: false };
}

// Global AWS resource types. Ground truth: provider v7 gives every regional resource a per-resource `region`
// argument, and none to global or account-wide ones (tests/policies/core/aws-regions.test.ts holds this list to the
// installed `@pulumi/aws`). In a module not listed as global, a type not listed counts as regional: a new
// resource there is checked, not exempt.

/** AWS modules whose resources are all global or account-wide, so they have no data region of their own. */
const GLOBAL_AWS_MODULES: ReadonlySet<string> = new Set([
    "account",
    "bcmdata",
    "billing",
    "budgets",
    "cloudfront",
    "costexplorer",
    "costoptimizationhub",
    "cur",
    "globalaccelerator",
    "iam",
    "networkmanager",
    "notifications",
    "organizations",
    "route53domains",
    "route53recoverycontrol",
    "route53recoveryreadiness",
    "savingsplans",
    "shield",
    "uxc",
    "waf",
]);

/** Global or account-wide types in modules that are otherwise regional. */
const GLOBAL_AWS_TYPES: ReadonlySet<string> = new Set([
    "aws:backup/globalSettings:GlobalSettings",
    "aws:bedrock/useCaseForModelAccess:UseCaseForModelAccess",
    "aws:chime/sdkvoiceGlobalSettings:SdkvoiceGlobalSettings",
    "aws:cloudtrail/organizationDelegatedAdminAccount:OrganizationDelegatedAdminAccount",
    "aws:directconnect/gateway:Gateway",
    "aws:directconnect/hostedConnection:HostedConnection",
    "aws:ec2/vpcIpamOrganizationAdminAccount:VpcIpamOrganizationAdminAccount",
    "aws:fms/adminAccount:AdminAccount",
    "aws:ram/sharingWithOrganization:SharingWithOrganization",
    // Route 53 public DNS, health checks and traffic policies are global; Resolver and Profiles are regional.
    "aws:route53/cidrCollection:CidrCollection",
    "aws:route53/cidrLocation:CidrLocation",
    "aws:route53/delegationSet:DelegationSet",
    "aws:route53/healthCheck:HealthCheck",
    "aws:route53/hostedZoneDnsSec:HostedZoneDnsSec",
    "aws:route53/keySigningKey:KeySigningKey",
    "aws:route53/queryLog:QueryLog",
    "aws:route53/record:Record",
    "aws:route53/recordsExclusive:RecordsExclusive",
    "aws:route53/trafficPolicy:TrafficPolicy",
    "aws:route53/trafficPolicyInstance:TrafficPolicyInstance",
    "aws:route53/vpcAssociationAuthorization:VpcAssociationAuthorization",
    "aws:route53/zone:Zone",
    "aws:route53/zoneAssociation:ZoneAssociation",
    "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock",
    "aws:servicecatalog/organizationsAccess:OrganizationsAccess",
]);

/**
 * Resources that create nothing in AWS, so they have no data region: waiters that only wait for another resource to
 * reach a state (an ACM certificate validation waits for the DNS or e-mail validation of its certificate; an SES
 * domain identity verification for its identity's verification).
 */
const CREATES_NOTHING_AWS_TYPES: ReadonlySet<string> = new Set([
    "aws:acm/certificateValidation:CertificateValidation",
    "aws:ses/domainIdentityVerification:DomainIdentityVerification",
]);

const globalCache = new Map<string, boolean>();

/**
 * Whether an AWS resource type is global (IAM, CloudFront, Route 53 zones and records, organizations, billing,
 * account-level settings). Cached: the data-region policy asks this for every resource at every preview.
 */
export function isGlobalAwsType(type: string): boolean {
    let global = globalCache.get(type);
    if (global === undefined) {
        const c = canonicalType(type);
        global = GLOBAL_AWS_TYPES.has(c) || GLOBAL_AWS_MODULES.has(moduleOf(c));
        globalCache.set(type, global);
    }
    return global;
}

/** Whether an AWS resource type creates nothing in AWS (a waiter such as `aws.acm.CertificateValidation`). */
export function createsNothingAwsType(canonical: string): boolean {
    return CREATES_NOTHING_AWS_TYPES.has(canonical);
}
