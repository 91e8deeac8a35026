import { defineResourcePolicy, type PropsOf } from "../core/policy";
import { each, fail, pass, unknown } from "../core/verdict";

const TYPES = ["aws:rds/snapshot:Snapshot", "aws:rds/clusterSnapshot:ClusterSnapshot", "aws:rds/snapshotCopy:SnapshotCopy"] as const;

export default defineResourcePolicy({
    name: "aws-rds-snapshot-disallow-public-sharing",
    title: "RDS snapshots are not shared publicly",
    cloud: "aws",
    control: "public-access",
    severity: "critical",
    description:
        "RDS DB snapshots, DB cluster snapshots and snapshot copies must not be public: `sharedAccounts` must not " +
        "contain `all`, which lets every AWS account restore the database. A snapshot that shares with nobody is private.",
    remediation: "Remove `all` from `sharedAccounts` and list the account ids that may restore the snapshot.",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.8.3" }],
    enforcementLevel: "mandatory",
    catalogue: ["aws-public-rds-snapshots"],
    resourceTypes: TYPES,
    config: {},
    examples: {
        pass: [
            { title: "a snapshot that shares with nobody", type: "aws:rds/snapshot:Snapshot", props: { dbInstanceIdentifier: "app", dbSnapshotIdentifier: "app-final" } },
            { title: "shared with one account", type: "aws:rds/clusterSnapshot:ClusterSnapshot", props: { dbClusterIdentifier: "app", dbClusterSnapshotIdentifier: "app-final", sharedAccounts: ["444455556666"] } },
        ],
        fail: [{ title: "shared with all", type: "aws:rds/snapshot:Snapshot", props: { dbInstanceIdentifier: "app", dbSnapshotIdentifier: "app-final", sharedAccounts: ["all"] } }],
    },
    check(r) {
        const props: PropsOf<"aws:rds/snapshot:Snapshot"> = r.props as PropsOf<"aws:rds/snapshot:Snapshot">; // all three share `sharedAccounts`
        const shared = props.get("sharedAccounts");
        if (shared.isUnknown) return unknown(shared);
        return each(shared.items(), (a) => (a.isUnknown ? unknown(a) : a.isOneOf("all") ? fail(`\`${a.path}\` is \`all\`, so every AWS account can restore the snapshot; share with named accounts only.`) : pass));
    },
});
