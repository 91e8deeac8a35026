import {
    ALLOWED_AWS_REGIONS_CONFIG,
    allowedRegionsText,
    isAllowedAwsRegion,
    notAllowedRegion,
    regionOfTarget,
} from "../core/aws-regions";
import { defineResourcePolicy, type PropsOf } from "../core/policy";
import type { ItemOf, Value } from "../core/read";
import { all, each, fail, pass, unknown, type Verdict } from "../core/verdict";

// Each check below decides from the known values (one disallowed region is a violation whatever else is unknown); only
// when every known value passes does an unknown one make the verdict "can't know" (core/verdict.ts `all`).

function isObject(v: Value): boolean {
    return v.isSet && typeof v.value === "object" && !Array.isArray(v.value);
}

/** `judge` on each object element of an array-or-single block, with its index (a single block is element 0). */
function eachBlock<T>(v: Value<T>, judge: (block: Value<ItemOf<T>>, index: number) => Verdict): Verdict {
    if (v.isUnknown) return unknown(v);
    return each(
        v.items().map((e, i) => [e, i] as const),
        ([e, i]) => (e.isUnknown ? unknown(e) : isObject(e) ? judge(e, i) : pass),
    );
}

/** `judge` on a single block, when it is an object. */
function inBlock<T>(v: Value<T>, judge: (block: Value<T>) => Verdict): Verdict {
    if (v.isUnknown) return unknown(v);
    return isObject(v) ? judge(v) : pass;
}

/** A field holding a region name or an ARN (whose region part counts). `path` is for the message only. */
function region(v: Value, path: string, allowed: readonly string[]): Verdict {
    if (v.isUnknown) return unknown(v);
    const value = v.value;
    if (typeof value !== "string" || value.trim() === "") return pass;
    const target = regionOfTarget(value);
    if (target === undefined) {
        return fail(`\`${path}\` names no region that can be checked; use an ARN or region name in an allowed region (allowed: ${allowedRegionsText(allowed)}).`);
    }
    if (isAllowedAwsRegion(target, allowed)) return pass;
    return fail(notAllowedRegion(value.trim().startsWith("arn:") ? `the region of \`${path}\`` : `\`${path}\``, allowed));
}

/** A field holding a list of region names. */
function regions(v: Value, path: string, allowed: readonly string[]): Verdict {
    if (v.isUnknown) return unknown(v);
    if (!Array.isArray(v.value)) return pass;
    return each(
        v.items().map((e, i) => [e, i] as const),
        ([e, i]) => region(e, `${path}[${i}]`, allowed),
    );
}

const TYPES = [
    "aws:dynamodb/table:Table",
    "aws:dynamodb/globalTable:GlobalTable",
    "aws:secretsmanager/secret:Secret",
    "aws:ecr/replicationConfiguration:ReplicationConfiguration",
    "aws:backup/plan:Plan",
    "aws:rds/snapshotCopy:SnapshotCopy",
    "aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy",
    "aws:redshift/snapshotCopy:SnapshotCopy",
    "aws:dlm/lifecyclePolicy:LifecyclePolicy",
    "aws:dsql/cluster:Cluster",
    "aws:ssmincidents/replicationSet:ReplicationSet",
    "aws:cloudformation/stackInstances:StackInstances",
    "aws:cloudformation/stackSetInstance:StackSetInstance",
    "aws:notifications/notificationHub:NotificationHub",
    "aws:imagebuilder/distributionConfiguration:DistributionConfiguration",
] as const;
type Type = (typeof TYPES)[number];

/** Where each resource type sends copies of its data (or deploys to), by canonical type. */
const TARGETS: { readonly [T in Type]: (props: PropsOf<T>, allowed: readonly string[]) => Verdict } = {
    // DynamoDB global tables (2019.11.21: replicas on the table; 2017.11.29: GlobalTable).
    "aws:dynamodb/table:Table": (p, a) => eachBlock(p.get("replicas"), (r, i) => region(r.get("regionName"), `replicas[${i}].regionName`, a)),
    "aws:dynamodb/globalTable:GlobalTable": (p, a) => eachBlock(p.get("replicas"), (r, i) => region(r.get("regionName"), `replicas[${i}].regionName`, a)),
    "aws:secretsmanager/secret:Secret": (p, a) => eachBlock(p.get("replicas"), (r, i) => region(r.get("region"), `replicas[${i}].region`, a)),
    "aws:ecr/replicationConfiguration:ReplicationConfiguration": (p, a) =>
        inBlock(p.get("replicationConfiguration"), (conf) =>
            eachBlock(conf.get("rules"), (rule, i) =>
                eachBlock(rule.get("destinations"), (d, j) => region(d.get("region"), `replicationConfiguration.rules[${i}].destinations[${j}].region`, a)),
            ),
        ),
    "aws:backup/plan:Plan": (p, a) =>
        eachBlock(p.get("rules"), (rule, i) =>
            all([
                eachBlock(rule.get("copyActions"), (c, j) => region(c.get("destinationVaultArn"), `rules[${i}].copyActions[${j}].destinationVaultArn`, a)),
                region(rule.get("targetLogicallyAirGappedBackupVaultArn"), `rules[${i}].targetLogicallyAirGappedBackupVaultArn`, a),
            ]),
        ),
    "aws:rds/snapshotCopy:SnapshotCopy": (p, a) => region(p.get("destinationRegion"), "destinationRegion", a),
    "aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy": (p, a) => region(p.get("destinationRegion"), "destinationRegion", a),
    "aws:redshift/snapshotCopy:SnapshotCopy": (p, a) => region(p.get("destinationRegion"), "destinationRegion", a),
    "aws:dlm/lifecyclePolicy:LifecyclePolicy": (p, a) =>
        inBlock(p.get("policyDetails"), (details) =>
            all([
                eachBlock(details.get("schedules"), (s, i) =>
                    eachBlock(s.get("crossRegionCopyRules"), (c, j) =>
                        all([
                            region(c.get("target"), `policyDetails.schedules[${i}].crossRegionCopyRules[${j}].target`, a),
                            region(c.get("targetRegion"), `policyDetails.schedules[${i}].crossRegionCopyRules[${j}].targetRegion`, a),
                        ]),
                    ),
                ),
                inBlock(details.get("action"), (action) =>
                    eachBlock(action.get("crossRegionCopies"), (c, j) => region(c.get("target"), `policyDetails.action.crossRegionCopies[${j}].target`, a)),
                ),
            ]),
        ),
    "aws:dsql/cluster:Cluster": (p, a) => inBlock(p.get("multiRegionProperties"), (m) => region(m.get("witnessRegion"), "multiRegionProperties.witnessRegion", a)),
    "aws:ssmincidents/replicationSet:ReplicationSet": (p, a) =>
        all([
            eachBlock(p.get("regions"), (r, i) => region(r.get("name"), `regions[${i}].name`, a)),
            // `region` is the deprecated spelling of `regions` here, not the resource's own region.
            eachBlock(p.get("region"), (r, i) => region(r.get("name"), `region[${i}].name`, a)),
        ]),
    "aws:cloudformation/stackInstances:StackInstances": (p, a) => regions(p.get("regions"), "regions", a),
    "aws:cloudformation/stackSetInstance:StackSetInstance": (p, a) => region(p.get("stackSetInstanceRegion"), "stackSetInstanceRegion", a),
    "aws:notifications/notificationHub:NotificationHub": (p, a) => region(p.get("notificationHubRegion"), "notificationHubRegion", a),
    // Image Builder copies each AMI or container image to every distribution's region.
    "aws:imagebuilder/distributionConfiguration:DistributionConfiguration": (p, a) =>
        eachBlock(p.get("distributions"), (d, i) => region(d.get("region"), `distributions[${i}].region`, a)),
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
        "Manager replication sets, CloudFormation StackSet instances, User Notifications hubs and Image Builder " +
        "distributions.",
    remediation:
        "Point the replica, copy or deployment at an allowed region, or remove it. The region the resource itself is " +
        "created in is checked by aws-regional-resource-restrict-region; S3 replication by " +
        "aws-s3-bucket-restrict-replication-region; where data is delivered (subscriptions, log and event targets) by " +
        "aws-regional-resource-restrict-delivery-region.",
    frameworks: [
        { framework: "iso27001", version: "2022", id: "A.5.34" },
        { framework: "iso27001", version: "2022", id: "A.5.31" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: TYPES,
    config: { allowedRegions: ALLOWED_AWS_REGIONS_CONFIG },
    examples: {
        pass: [{ title: "a DynamoDB replica in Osaka", type: "aws:dynamodb/table:Table", props: { replicas: [{ regionName: "ap-northeast-3" }] } }],
        fail: [{ title: "a DynamoDB replica in Virginia", type: "aws:dynamodb/table:Table", props: { replicas: [{ regionName: "us-east-1" }] } }],
    },
    check(resource, config) {
        const targets = TARGETS[resource.canonicalType] as (props: typeof resource.props, allowed: readonly string[]) => Verdict;
        return targets(resource.props, config.allowedRegions);
    },
});
