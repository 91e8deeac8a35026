import {
    ALLOWED_AWS_REGIONS_CONFIG,
    allowedRegionsText,
    isAllowedAwsRegion,
    notAllowedRegion,
    regionOfTarget,
} from "../core/aws-regions";
import { defineResourcePolicy } from "../core/policy-legacy";
import { isKnown, isObject, type Props } from "../core/values";

/**
 * Walks the region-valued fields of one resource. Decides from the known values (one disallowed region is a
 * violation whatever else is unknown); only when all known values pass does an unknown one make the verdict
 * "can't know" (by reading it through the SDK's proxy, which names the property path).
 */
class Targets {
    readonly violations: string[] = [];
    private firstUnknown: { readonly o: object; readonly key: string } | undefined;

    constructor(private readonly allowed: readonly string[]) {}

    private known(o: object, key: string): boolean {
        if (isKnown(o, key)) return true;
        this.firstUnknown ??= { o, key };
        return false;
    }

    /** The objects of the array (or single block) at `o[key]`, each with its index. */
    list(o: Props, key: string): ReadonlyArray<readonly [Props, number]> {
        if (!this.known(o, key)) return [];
        const v = o[key];
        if (isObject(v)) return [[v, 0]];
        if (!Array.isArray(v)) return [];
        const out: Array<readonly [Props, number]> = [];
        for (let i = 0; i < v.length; i++) {
            if (!this.known(v, String(i))) continue;
            const item: unknown = v[i];
            if (isObject(item)) out.push([item, i]);
        }
        return out;
    }

    /** The single block at `o[key]`. */
    block(o: Props, key: string): Props | undefined {
        if (!this.known(o, key)) return undefined;
        const v = o[key];
        return isObject(v) ? v : undefined;
    }

    /** A field holding a region name or an ARN (whose region part counts). `path` is for the message only. */
    region(o: Props, key: string, path: string): void {
        if (!this.known(o, key)) return;
        this.check(o[key], path);
    }

    /** A field holding a list of region names. */
    regions(o: Props, key: string, path: string): void {
        if (!this.known(o, key)) return;
        const v = o[key];
        if (!Array.isArray(v)) return;
        for (let i = 0; i < v.length; i++) {
            if (this.known(v, String(i))) this.check(v[i], `${path}[${i}]`);
        }
    }

    private check(value: unknown, path: string): void {
        if (typeof value !== "string" || value.trim() === "") return;
        const region = regionOfTarget(value);
        if (region === undefined) {
            this.violations.push(`\`${path}\` names no region that can be checked; use an ARN or region name in an allowed region (allowed: ${allowedRegionsText(this.allowed)}).`);
        } else if (!isAllowedAwsRegion(region, this.allowed)) {
            const what = value.trim().startsWith("arn:") ? `the region of \`${path}\`` : `\`${path}\``;
            this.violations.push(notAllowedRegion(what, this.allowed));
        }
    }

    /** Throws the SDK's UnknownValueError when a value the verdict depends on is unknown during preview. */
    readUnknown(): void {
        if (this.firstUnknown) void (this.firstUnknown.o as Record<string, unknown>)[this.firstUnknown.key];
    }
}

type Extract = (props: Props, t: Targets) => void;

const replicas =
    (regionKey: string): Extract =>
    (p, t) => {
        for (const [r, i] of t.list(p, "replicas")) t.region(r, regionKey, `replicas[${i}].${regionKey}`);
    };

const destinationRegion: Extract = (p, t) => t.region(p, "destinationRegion", "destinationRegion");

/** Where each resource type sends copies of its data (or deploys to), by canonical type. */
const EXTRACTORS: Readonly<Record<string, Extract>> = {
    // DynamoDB global tables (2019.11.21: replicas on the table; 2017.11.29: GlobalTable).
    "aws:dynamodb/table:Table": replicas("regionName"),
    "aws:dynamodb/globalTable:GlobalTable": replicas("regionName"),
    "aws:secretsmanager/secret:Secret": replicas("region"),
    "aws:ecr/replicationConfiguration:ReplicationConfiguration": (p, t) => {
        const conf = t.block(p, "replicationConfiguration");
        if (!conf) return;
        for (const [rule, i] of t.list(conf, "rules")) {
            for (const [d, j] of t.list(rule, "destinations")) {
                t.region(d, "region", `replicationConfiguration.rules[${i}].destinations[${j}].region`);
            }
        }
    },
    "aws:backup/plan:Plan": (p, t) => {
        for (const [rule, i] of t.list(p, "rules")) {
            for (const [c, j] of t.list(rule, "copyActions")) {
                t.region(c, "destinationVaultArn", `rules[${i}].copyActions[${j}].destinationVaultArn`);
            }
            t.region(rule, "targetLogicallyAirGappedBackupVaultArn", `rules[${i}].targetLogicallyAirGappedBackupVaultArn`);
        }
    },
    "aws:rds/snapshotCopy:SnapshotCopy": destinationRegion,
    "aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy": destinationRegion,
    "aws:redshift/snapshotCopy:SnapshotCopy": destinationRegion,
    "aws:dlm/lifecyclePolicy:LifecyclePolicy": (p, t) => {
        const details = t.block(p, "policyDetails");
        if (!details) return;
        for (const [s, i] of t.list(details, "schedules")) {
            for (const [c, j] of t.list(s, "crossRegionCopyRules")) {
                t.region(c, "target", `policyDetails.schedules[${i}].crossRegionCopyRules[${j}].target`);
                t.region(c, "targetRegion", `policyDetails.schedules[${i}].crossRegionCopyRules[${j}].targetRegion`);
            }
        }
        const action = t.block(details, "action");
        if (!action) return;
        for (const [c, j] of t.list(action, "crossRegionCopies")) {
            t.region(c, "target", `policyDetails.action.crossRegionCopies[${j}].target`);
        }
    },
    "aws:dsql/cluster:Cluster": (p, t) => {
        const multi = t.block(p, "multiRegionProperties");
        if (multi) t.region(multi, "witnessRegion", "multiRegionProperties.witnessRegion");
    },
    "aws:ssmincidents/replicationSet:ReplicationSet": (p, t) => {
        for (const [r, i] of t.list(p, "regions")) t.region(r, "name", `regions[${i}].name`);
        // `region` is the deprecated spelling of `regions` here, not the resource's own region.
        for (const [r, i] of t.list(p, "region")) t.region(r, "name", `region[${i}].name`);
    },
    "aws:cloudformation/stackInstances:StackInstances": (p, t) => t.regions(p, "regions", "regions"),
    "aws:cloudformation/stackSetInstance:StackSetInstance": (p, t) =>
        t.region(p, "stackSetInstanceRegion", "stackSetInstanceRegion"),
    "aws:notifications/notificationHub:NotificationHub": (p, t) =>
        t.region(p, "notificationHubRegion", "notificationHubRegion"),
};

export default defineResourcePolicy({
    name: "aws-regional-resource-restrict-target-region",
    title: "AWS replicas, cross-region copies and deployments target only allowed regions",
    cloud: "aws",
    control: "data-region",
    severity: "high",
    description:
        "Fields that copy, replicate or deploy data to another region must name an allowed region (default: the " +
        "Japan regions): DynamoDB global-table replicas, Secrets Manager replicas, ECR replication, AWS Backup copy " +
        "actions, RDS and Redshift snapshot copies, DLM cross-region copies, Aurora DSQL witness regions, Incident " +
        "Manager replication sets, CloudFormation StackSet instances and User Notifications hubs.",
    remediation:
        "Point the replica, copy or deployment at an allowed region, or remove it. The region the resource itself is " +
        "created in is checked by aws-regional-resource-restrict-region; S3 replication by " +
        "aws-s3-bucket-restrict-replication-region.",
    frameworks: [
        { framework: "iso27001", version: "2022", id: "A.5.34" },
        { framework: "iso27001", version: "2022", id: "A.5.31" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: Object.keys(EXTRACTORS),
    config: { allowedRegions: ALLOWED_AWS_REGIONS_CONFIG },
    check({ canonicalType, props }, config, report) {
        const extract = EXTRACTORS[canonicalType];
        if (!extract) return;
        const targets = new Targets(config.allowedRegions);
        extract(props, targets);
        for (const v of targets.violations) report(v);
        if (!targets.violations.length) targets.readUnknown();
    },
});
