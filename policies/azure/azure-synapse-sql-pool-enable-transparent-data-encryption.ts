import { isAzureText } from "../core/azure";
import { defineStackPolicy, type StackResource } from "../core/policy";
import { Companions, Join, texts } from "../core/stack";
import { fail, pass, unknown, type Verdict } from "../core/verdict";

const POOL = "azure-native:synapse:SqlPool";
const TDE = "azure-native:synapse:SqlPoolTransparentDataEncryption";

/** What one SqlPoolTransparentDataEncryption says: TDE on, off (with why), or not known yet. */
function tdeVerdict(tde: StackResource<typeof TDE>): Verdict {
    const status = tde.props.get("status");
    if (status.isUnknown) return unknown(status);
    if (isAzureText(status, "Enabled")) return pass;
    return fail(
        status.isUnset
            ? "a SqlPoolTransparentDataEncryption for this pool does not set `status`, which leaves TDE Disabled; set `status: \"Enabled\"`."
            : "a SqlPoolTransparentDataEncryption sets `status` to Disabled (the pool's data files and backups are not encrypted by TDE); set it to Enabled.",
    );
}

export default defineStackPolicy({
    name: "azure-synapse-sql-pool-enable-transparent-data-encryption",
    title: "Synapse dedicated SQL pools have transparent data encryption on",
    cloud: "azure",
    control: "encryption-at-rest",
    severity: "high",
    description:
        "Unlike Azure SQL Database, a Synapse dedicated SQL pool does not turn transparent data encryption on by itself: " +
        "it stays off until a SqlPoolTransparentDataEncryption sets `status` Enabled. Every SqlPool of the stack needs one, " +
        "and none may set it to Disabled.",
    remediation:
        "Add an `azure-native:synapse:SqlPoolTransparentDataEncryption` with `sqlPoolName: <pool>.name`, the pool's " +
        "`workspaceName` and `resourceGroupName`, `transparentDataEncryptionName: \"current\"` and `status: \"Enabled\"`.",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "DP-4" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [POOL, TDE],
    config: {},
    examples: {
        pass: [
            {
                title: "a pool with TDE Enabled",
                resources: [
                    { type: POOL, name: "dw", props: { resourceGroupName: "rg", workspaceName: "ws", sqlPoolName: "dw", sku: { name: "DW100c" } } },
                    { type: TDE, name: "dw-tde", props: { resourceGroupName: "rg", workspaceName: "ws", sqlPoolName: "dw", transparentDataEncryptionName: "current", status: "Enabled" }, propertyDependencies: { sqlPoolName: ["dw"] } },
                ],
            },
        ],
        fail: [
            { title: "a pool without a TDE configuration (off by default)", resources: [{ type: POOL, name: "dw", props: { resourceGroupName: "rg", workspaceName: "ws", sqlPoolName: "dw", sku: { name: "DW100c" } } }] },
            {
                title: "a pool whose TDE is Disabled",
                resources: [
                    { type: POOL, name: "dw", props: { resourceGroupName: "rg", workspaceName: "ws", sqlPoolName: "dw" } },
                    { type: TDE, name: "dw-tde", props: { resourceGroupName: "rg", workspaceName: "ws", sqlPoolName: "dw", transparentDataEncryptionName: "current", status: "Disabled" } },
                ],
            },
        ],
    },
    *check(stack) {
        const pools = stack.ofType(POOL);
        const tdes = stack.ofType(TDE);
        const index = new Join(pools, (p) => texts(p.props.get("sqlPoolName")));
        const configs = new Companions(index, tdes, "sqlPoolName");
        for (const pool of pools) {
            const own = configs.of(pool).map(tdeVerdict);
            let verdict: Verdict;
            // A configuration that says Disabled wins (it is what Azure ends with, whatever another says).
            const off = own.find((v) => v.kind === "fail");
            if (off) verdict = off;
            else if (own.some((v) => v.kind === "pass")) verdict = pass;
            else if (own.length || configs.unresolved.length) verdict = own[0] ?? unknown("the `sqlPoolName` of a SqlPoolTransparentDataEncryption");
            else verdict = fail("no SqlPoolTransparentDataEncryption in this stack turns TDE on for this pool (it is off by default in Synapse); add one with `status: \"Enabled\"`.");
            yield { urn: pool.urn, verdict };
        }
        // A configuration for a pool outside the stack (or not known yet) is judged on its own.
        for (const tde of [...configs.unjoined, ...configs.unresolved]) {
            const v = tdeVerdict(tde);
            if (v.kind !== "pass") yield { urn: tde.urn, verdict: v };
        }
    },
});
