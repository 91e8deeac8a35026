import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-ebs-snapshot-disallow-public-sharing";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const BLOCK = "aws:ebs/snapshotBlockPublicAccess:SnapshotBlockPublicAccess";
const PERMISSION = "aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission";
const block = (state: unknown, config: Record<string, unknown> = {}) => runResourcePolicy(policy, { type: BLOCK, props: { state } }, config);
const share = (accountId: unknown) => runResourcePolicy(policy, { type: PERMISSION, props: { snapshotId: "snap-0123456789abcdef0", accountId } });

describe("aws-ebs-snapshot-disallow-public-sharing", () => {
    describe("passes", () => {
        it("block-all-sharing", async () => expect((await block("block-all-sharing")).verdict).toBe("pass"));
        it("a permission for one account", async () => expect((await share("444455556666")).verdict).toBe("pass"));
    });
    describe("fails", () => {
        it.each(["unblocked", "block-new-sharing"])("state %s", async (state) => {
            const r = await block(state);
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("block-all-sharing");
        });
        it.each(["all", "ALL", "*", ""])("a permission for %j", async (id) => expect((await share(id)).verdict).toBe("fail"));
    });
    describe("unknown during preview", () => {
        it("cannot decide an unknown state", async () => expect((await block(UNKNOWN)).verdict).toBe("unknown"));
        it("cannot decide an unknown account (another resource's output)", async () => expect((await share(UNKNOWN)).verdict).toBe("unknown"));
    });
    describe("config", () => {
        it("takes no settings: an unknown key is refused", async () => {
            await expect(block("unblocked", { allowNewSharing: true })).rejects.toThrow("config key 'allowNewSharing'");
        });
    });
});
