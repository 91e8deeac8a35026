import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-regional-resource-restrict-target-region";
import { type ResourceInput, runResourcePolicy, secret, UNKNOWN } from "../../harness";

const ALLOWED = "(allowed: ap-northeast-1, ap-northeast-3)";
const provider = { name: "default_7_48_0", props: { region: "ap-northeast-1" } };
const of = (type: string, props: Record<string, unknown>): ResourceInput => ({ type, props, provider });

const TABLE = "aws:dynamodb/table:Table";
const table = (...regions: unknown[]) =>
    of(TABLE, { name: "orders", hashKey: "id", streamEnabled: true, replicas: regions.map((regionName) => ({ regionName })) });

const vaultArn = (region: string) => `arn:aws:backup:${region}:123456789012:backup-vault:copies`;
const backupPlan = (...arns: unknown[]) =>
    of("aws:backup/plan:Plan", {
        name: "daily",
        rules: [{ ruleName: "daily", targetVaultName: "primary", copyActions: arns.map((destinationVaultArn) => ({ destinationVaultArn })) }],
    });

const ecr = (...regions: unknown[]) =>
    of("aws:ecr/replicationConfiguration:ReplicationConfiguration", {
        replicationConfiguration: { rules: [{ destinations: regions.map((region) => ({ region, registryId: "123456789012" })) }] },
    });

const dlm = (schedule: Record<string, unknown>, action?: Record<string, unknown>) =>
    of("aws:dlm/lifecyclePolicy:LifecyclePolicy", {
        description: "ebs",
        executionRoleArn: "arn:aws:iam::123456789012:role/dlm",
        policyDetails: {
            resourceTypes: ["VOLUME"],
            schedules: [{ name: "daily", createRule: { interval: 24 }, retainRule: { count: 7 }, ...schedule }],
            ...(action ? { action } : {}),
        },
    });

describe("aws-regional-resource-restrict-target-region", () => {
    describe("passes", () => {
        it.each([
            ["a DynamoDB table replicates to Osaka", table("ap-northeast-3")],
            ["a DynamoDB table has no replicas", of(TABLE, { name: "orders", hashKey: "id" })],
            ["a legacy global table spans Tokyo and Osaka", of("aws:dynamodb/globalTable:GlobalTable", { name: "t", replicas: [{ regionName: "ap-northeast-1" }, { regionName: "ap-northeast-3" }] })],
            ["a secret is replicated to Osaka", of("aws:secretsmanager/secret:Secret", { replicas: [{ region: "ap-northeast-3" }] })],
            ["ECR replicates to Osaka", ecr("ap-northeast-3")],
            ["a backup plan copies to a vault in Osaka", backupPlan(vaultArn("ap-northeast-3"))],
            ["a backup plan has no copy actions", of("aws:backup/plan:Plan", { name: "p", rules: [{ ruleName: "r", targetVaultName: "v" }] })],
            ["an RDS snapshot copy targets Osaka", of("aws:rds/snapshotCopy:SnapshotCopy", { destinationRegion: "ap-northeast-3" })],
            ["an Aurora snapshot copy targets Osaka", of("aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy", { destinationRegion: "ap-northeast-3" })],
            ["a Redshift snapshot copy targets Osaka", of("aws:redshift/snapshotCopy:SnapshotCopy", { clusterIdentifier: "c", destinationRegion: "ap-northeast-3" })],
            ["a DLM policy copies snapshots to Osaka", dlm({ crossRegionCopyRules: [{ target: "ap-northeast-3", encrypted: true }] })],
            ["a DLM policy copies to an Outpost in Tokyo", dlm({ crossRegionCopyRules: [{ target: "arn:aws:outposts:ap-northeast-1:123456789012:outpost/op-1", encrypted: true }] })],
            ["a DSQL cluster's witness is in Osaka", of("aws:dsql/cluster:Cluster", { multiRegionProperties: { witnessRegion: "ap-northeast-3" } })],
            ["an incident replication set stays in Japan", of("aws:ssmincidents/replicationSet:ReplicationSet", { regions: [{ name: "ap-northeast-1" }, { name: "ap-northeast-3" }] })],
            ["StackSet instances deploy to Japan only", of("aws:cloudformation/stackInstances:StackInstances", { stackSetName: "s", regions: ["ap-northeast-1", "ap-northeast-3"] })],
            ["a StackSet instance deploys to Osaka", of("aws:cloudformation/stackSetInstance:StackSetInstance", { stackSetName: "s", stackSetInstanceRegion: "ap-northeast-3" })],
            ["a notification hub is in Tokyo", of("aws:notifications/notificationHub:NotificationHub", { notificationHubRegion: "ap-northeast-1" })],
            ["the region is written in upper case", table("AP-NORTHEAST-3")],
            ["Image Builder distributes to Tokyo and Osaka", of("aws:imagebuilder/distributionConfiguration:DistributionConfiguration", { distributions: [{ region: "ap-northeast-1" }, { region: "ap-northeast-3" }] })],
        ])("when %s", async (_, input) => {
            expect((await runResourcePolicy(policy, input)).verdict).toBe("pass");
        });

        it("ignores types that copy nothing, whatever their own region", async () => {
            expect((await runResourcePolicy(policy, of("aws:s3/bucket:Bucket", { region: "us-east-1" }))).verdict).toBe("pass");
        });

        it("does not judge the resource's own region (the placement policy does)", async () => {
            const r = await runResourcePolicy(policy, { ...table("ap-northeast-3"), provider: { props: { region: "us-east-1" } } });
            expect(r.verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when a DynamoDB global table has a replica outside Japan, naming the replica and not the region", async () => {
            const r = await runResourcePolicy(policy, table("ap-northeast-3", "us-east-1"));
            expect(r.verdict).toBe("fail");
            expect(r.messages).toHaveLength(1);
            expect(r.messages.join()).toContain(`\`replicas[1].regionName\` is not an allowed region ${ALLOWED}`);
            expect(r.messages.join()).not.toContain("us-east-1");
        });

        it("reports every disallowed replica", async () => {
            const r = await runResourcePolicy(policy, table("eu-west-1", "us-east-1"));
            expect(r.messages.join()).toContain("replicas[0].regionName");
            expect(r.messages.join()).toContain("replicas[1].regionName");
        });

        it.each([
            ["a legacy global table", of("aws:dynamodb/globalTable:GlobalTable", { name: "t", replicas: [{ regionName: "eu-west-1" }] }), "`replicas[0].regionName`"],
            ["a secret replica", of("aws:secretsmanager/secret:Secret", { replicas: [{ region: "us-west-2" }] }), "`replicas[0].region`"],
            ["ECR replication", ecr("ap-northeast-3", "ap-southeast-1"), "`replicationConfiguration.rules[0].destinations[1].region`"],
            ["an RDS snapshot copy", of("aws:rds/snapshotCopy:SnapshotCopy", { destinationRegion: "us-east-1" }), "`destinationRegion`"],
            ["an Aurora snapshot copy", of("aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy", { destinationRegion: "us-east-1" }), "`destinationRegion`"],
            ["a Redshift snapshot copy", of("aws:redshift/snapshotCopy:SnapshotCopy", { clusterIdentifier: "c", destinationRegion: "us-east-1" }), "`destinationRegion`"],
            ["a DLM schedule copy", dlm({ crossRegionCopyRules: [{ target: "us-east-1", encrypted: true }] }), "`policyDetails.schedules[0].crossRegionCopyRules[0].target`"],
            ["a DLM AMI copy (targetRegion)", dlm({ crossRegionCopyRules: [{ targetRegion: "us-east-1", encrypted: true }] }), "`policyDetails.schedules[0].crossRegionCopyRules[0].targetRegion`"],
            ["a DLM event-based copy", dlm({}, { name: "copy", crossRegionCopies: [{ target: "eu-west-1", encryptionConfiguration: {} }] }), "`policyDetails.action.crossRegionCopies[0].target`"],
            ["a DSQL witness region", of("aws:dsql/cluster:Cluster", { multiRegionProperties: { witnessRegion: "us-west-2" } }), "`multiRegionProperties.witnessRegion`"],
            ["an incident replication set", of("aws:ssmincidents/replicationSet:ReplicationSet", { regions: [{ name: "ap-northeast-1" }, { name: "us-east-1" }] }), "`regions[1].name`"],
            ["an incident replication set (deprecated `region`)", of("aws:ssmincidents/replicationSet:ReplicationSet", { region: [{ name: "us-east-1" }] }), "`region[0].name`"],
            ["StackSet instances", of("aws:cloudformation/stackInstances:StackInstances", { stackSetName: "s", regions: ["ap-northeast-1", "us-east-1"] }), "`regions[1]`"],
            ["a StackSet instance", of("aws:cloudformation/stackSetInstance:StackSetInstance", { stackSetName: "s", stackSetInstanceRegion: "us-east-1" }), "`stackSetInstanceRegion`"],
            ["a notification hub", of("aws:notifications/notificationHub:NotificationHub", { notificationHubRegion: "us-east-1" }), "`notificationHubRegion`"],
            ["an Image Builder distribution", of("aws:imagebuilder/distributionConfiguration:DistributionConfiguration", { distributions: [{ region: "ap-northeast-1" }, { region: "us-east-1" }] }), "`distributions[1].region`"],
        ])("when %s targets a disallowed region", async (_, input, path) => {
            const r = await runResourcePolicy(policy, input);
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain(`${path} is not an allowed region ${ALLOWED}`);
        });

        it("when a backup copy action's vault ARN is in a disallowed region, naming the ARN field", async () => {
            const r = await runResourcePolicy(policy, backupPlan(vaultArn("ap-northeast-1"), vaultArn("eu-central-1")));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain(`the region of \`rules[0].copyActions[1].destinationVaultArn\` is not an allowed region ${ALLOWED}`);
            expect(r.messages.join()).not.toContain("eu-central-1");
        });

        it("when a backup rule targets a logically air-gapped vault in a disallowed region", async () => {
            const plan = of("aws:backup/plan:Plan", {
                name: "p",
                rules: [{ ruleName: "r", targetVaultName: "v", targetLogicallyAirGappedBackupVaultArn: vaultArn("us-east-1") }],
            });
            expect((await runResourcePolicy(policy, plan)).verdict).toBe("fail");
        });

        it("when a DLM copy goes to an Outpost in a disallowed region", async () => {
            const policyInput = dlm({ crossRegionCopyRules: [{ target: "arn:aws:outposts:us-east-1:123456789012:outpost/op-1", encrypted: true }] });
            expect((await runResourcePolicy(policy, policyInput)).verdict).toBe("fail");
        });

        it("when a vault ARN names no region, since the copy's destination cannot be checked", async () => {
            const r = await runResourcePolicy(policy, backupPlan("arn:aws:backup::123456789012:backup-vault:copies"));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("names no region that can be checked");
        });

        it("when the replica region is a secret, without printing it", async () => {
            const r = await runResourcePolicy(policy, table(secret("sa-east-1")));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("sa-east-1");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while a replica region is unknown", async () => {
            const r = await runResourcePolicy(policy, table("ap-northeast-3", UNKNOWN));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("replicas.1.regionName");
        });

        it("cannot decide while the whole replica list is unknown", async () => {
            const r = await runResourcePolicy(policy, of(TABLE, { name: "orders", replicas: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".replicas");
        });

        it("cannot decide while one replica block is unknown", async () => {
            const r = await runResourcePolicy(policy, of(TABLE, { name: "orders", replicas: [{ regionName: "ap-northeast-3" }, UNKNOWN] }));
            expect(r.verdict).toBe("unknown");
        });

        it("still fails when a known replica is disallowed and another is unknown", async () => {
            expect((await runResourcePolicy(policy, table(UNKNOWN, "us-east-1"))).verdict).toBe("fail");
        });

        it("cannot decide while a vault ARN is unknown (the vault is created in the same update)", async () => {
            expect((await runResourcePolicy(policy, backupPlan(UNKNOWN))).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("allows the configured regions instead of the default ones", async () => {
            const config = { allowedRegions: ["eu-central-1", "eu-west-1"] };
            expect((await runResourcePolicy(policy, table("eu-west-1"), config)).verdict).toBe("pass");
            const r = await runResourcePolicy(policy, table("ap-northeast-3"), config);
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("(allowed: eu-central-1, eu-west-1)");
        });

        it("rejects a region AWS does not have, naming the key", async () => {
            await expect(runResourcePolicy(policy, table("ap-northeast-3"), { allowedRegions: ["ap-northest-1"] })).rejects.toThrow(
                "config key 'allowedRegions[0]'",
            );
        });

        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, table("ap-northeast-3"), { regions: ["ap-northeast-1"] })).rejects.toThrow("config key 'regions'");
        });
    });
});
