import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

const BLOCK = "aws:ebs/snapshotBlockPublicAccess:SnapshotBlockPublicAccess";
const PERMISSION = "aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission";

export default defineResourcePolicy({
    name: "aws-ebs-snapshot-disallow-public-sharing",
    title: "EBS snapshots are not shared publicly",
    cloud: "aws",
    control: "public-access",
    severity: "high",
    description:
        "EBS snapshots must not be public: a SnapshotCreateVolumePermission grants one account (a 12-digit account id, " +
        "never the `all` group), and a SnapshotBlockPublicAccess the stack manages must be `block-all-sharing` — " +
        "`block-new-sharing` leaves snapshots that are already public, public, and `unblocked` turns the guard off.",
    remediation: "Share snapshots with named accounts only, and set the region's `aws.ebs.SnapshotBlockPublicAccess` `state` to `block-all-sharing`.",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.8.3" }],
    enforcementLevel: "mandatory",
    catalogue: ["aws-public-ebs-snapshot"],
    resourceTypes: [BLOCK, PERMISSION],
    config: {},
    examples: {
        pass: [
            { title: "public sharing blocked for every snapshot", type: BLOCK, props: { state: "block-all-sharing" } },
            { title: "shared with one account", type: PERMISSION, props: { snapshotId: "snap-0123456789abcdef0", accountId: "444455556666" } },
        ],
        fail: [
            { title: "public sharing unblocked", type: BLOCK, props: { state: "unblocked" } },
            { title: "shared with the `all` group", type: PERMISSION, props: { snapshotId: "snap-0123456789abcdef0", accountId: "all" } },
        ],
    },
    check(r) {
        if (r.canonicalType === BLOCK) {
            const state = r.props.get("state");
            if (state.isUnknown) return unknown(state);
            if (state.isOneOf("block-all-sharing")) return pass;
            return fail(
                "`state` is not block-all-sharing, so snapshots can be (or stay) public in this region (block-new-sharing leaves already public snapshots public); set it to block-all-sharing.",
            );
        }
        const account = r.props.get("accountId");
        if (account.isUnknown) return unknown(account);
        return /^\d{12}$/.test(account.text()?.trim() ?? "") ? pass : fail("`accountId` is not a 12-digit AWS account id (`all` would make the snapshot public); name the account.");
    },
});
