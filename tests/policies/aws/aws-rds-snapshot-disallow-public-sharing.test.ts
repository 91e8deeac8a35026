import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-rds-snapshot-disallow-public-sharing";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const SNAPSHOT = "aws:rds/snapshot:Snapshot";
const run = (sharedAccounts: unknown, type = SNAPSHOT, config: Record<string, unknown> = {}) =>
    runResourcePolicy(policy, { type, props: { dbInstanceIdentifier: "app", dbSnapshotIdentifier: "final", ...(sharedAccounts === undefined ? {} : { sharedAccounts }) } }, config);

describe("aws-rds-snapshot-disallow-public-sharing", () => {
    describe("passes", () => {
        it("a snapshot shared with nobody", async () => expect((await run(undefined)).verdict).toBe("pass"));
        it("a cluster snapshot shared with two accounts", async () => expect((await run(["444455556666", "777788889999"], "aws:rds/clusterSnapshot:ClusterSnapshot")).verdict).toBe("pass"));
    });
    describe("fails", () => {
        it("shared with all, naming the element", async () => {
            const r = await run(["444455556666", "all"]);
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`sharedAccounts[1]` is `all`");
        });
        it.each(["aws:rds/clusterSnapshot:ClusterSnapshot", "aws:rds/snapshotCopy:SnapshotCopy"])("a %s shared with ALL (any case)", async (type) => expect((await run(["ALL"], type)).verdict).toBe("fail"));
        it("a known `all` although another element is unknown", async () => expect((await run([UNKNOWN, "all"])).verdict).toBe("fail"));
    });
    describe("unknown during preview", () => {
        it("cannot decide an unknown list", async () => expect((await run(UNKNOWN)).verdict).toBe("unknown"));
        it("cannot decide an unknown element beside named accounts", async () => expect((await run(["444455556666", UNKNOWN])).verdict).toBe("unknown"));
    });
    describe("config", () => {
        it("takes no settings: an unknown key is refused", async () => {
            await expect(run(["all"], SNAPSHOT, { allowAll: true })).rejects.toThrow("config key 'allowAll'");
        });
    });
});
