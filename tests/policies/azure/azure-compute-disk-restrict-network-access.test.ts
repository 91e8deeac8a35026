import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-compute-disk-restrict-network-access";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const DISK = "azure-native:compute:Disk";
const SNAPSHOT = "azure-native:compute:Snapshot";
const ACCESS = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Compute/diskAccesses/private";
const disk = (props: Record<string, unknown> = {}, type = DISK) => ({ type, props: { resourceGroupName: "rg", creationData: { createOption: "Empty" }, diskSizeGB: 64, ...props } });

describe("azure-compute-disk-restrict-network-access", () => {
    describe("passes", () => {
        it.each([
            ["denies every export", { networkAccessPolicy: "DenyAll" }],
            ["exports only through a disk access resource", { networkAccessPolicy: "AllowPrivate", diskAccessId: ACCESS }],
            ["disables public network access (AllowAll left unset)", { publicNetworkAccess: "Disabled" }],
            ["spells DenyAll in lower case", { networkAccessPolicy: "denyall" }],
        ])("a disk that %s", async (_, props) => {
            expect((await runResourcePolicy(policy, disk(props))).verdict).toBe("pass");
        });
        it("a snapshot that denies every export", async () => {
            expect((await runResourcePolicy(policy, disk({ creationData: { createOption: "Copy" }, networkAccessPolicy: "DenyAll" }, SNAPSHOT))).verdict).toBe("pass");
        });
        it.each([...versionedTokens(DISK), ...versionedTokens(SNAPSHOT)])("for the aliased token %s", async (type) => {
            expect((await runResourcePolicy(policy, disk({ networkAccessPolicy: "DenyAll" }, type))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it.each([
            ["leaves both unset (AllowAll, Enabled)", {}],
            ["allows every network explicitly", { networkAccessPolicy: "AllowAll", publicNetworkAccess: "Enabled" }],
            ["allows every network with public access unset", { networkAccessPolicy: "AllowAll" }],
        ])("a disk that %s", async (_, props) => {
            const r = await runResourcePolicy(policy, disk(props));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`networkAccessPolicy` is AllowAll (unset means AllowAll)");
        });
        it.each(versionedTokens(SNAPSHOT))("a snapshot under the aliased token %s", async (type) => {
            expect((await runResourcePolicy(policy, disk({ creationData: { createOption: "Copy" } }, type))).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the network access policy is unknown", async () => {
            const r = await runResourcePolicy(policy, disk({ networkAccessPolicy: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("networkAccessPolicy");
        });
        it("passes DenyAll while public network access is unknown", async () => {
            expect((await runResourcePolicy(policy, disk({ networkAccessPolicy: "DenyAll", publicNetworkAccess: UNKNOWN }))).verdict).toBe("pass");
        });
    });

    describe("config", () => {
        it("allows exportable disks when allowPublicExport is true", async () => {
            expect((await runResourcePolicy(policy, disk(), { allowPublicExport: true })).verdict).toBe("pass");
        });
        it("rejects a non-boolean allowPublicExport", async () => {
            await expect(runResourcePolicy(policy, disk(), { allowPublicExport: "no" })).rejects.toThrow("config key 'allowPublicExport' must be a boolean");
        });
    });
});
