import { isAzureText } from "../core/azure";
import { defineStackPolicy } from "../core/policy";
import { Join, texts } from "../core/stack";
import { fail, pass, unknown, type Verdict } from "../core/verdict";

const SERVER = "azure-native:sql:Server";
const PROTECTOR = "azure-native:sql:EncryptionProtector";

export default defineStackPolicy({
    name: "azure-sql-server-require-customer-managed-key",
    title: "SQL servers protect TDE with a customer-managed key",
    cloud: "azure",
    control: "encryption-at-rest",
    severity: "medium",
    description:
        "The transparent data encryption protector of an Azure SQL server should be a customer-managed key in Key " +
        "Vault (the server's `keyId`, or an EncryptionProtector with serverKeyType AzureKeyVault), so that the " +
        "customer controls the key that protects every database's encryption key.",
    remediation:
        "Set the server's `keyId` to a Key Vault key URI (with an identity that may use the key), or add an " +
        "EncryptionProtector for the server with `serverKeyType` AzureKeyVault and the ServerKey's name. An " +
        "EncryptionProtector with serverKeyType ServiceManaged switches the server back to a service-managed key.",
    frameworks: [
        { framework: "cis-azure", version: "2.1.0", id: "4.1.3" },
        { framework: "mcsb", version: "v1", id: "DP-5" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: [SERVER, PROTECTOR],
    config: {},
    examples: {
        pass: [
            { title: "a server with a Key Vault key", resources: [{ type: SERVER, name: "sql", props: { resourceGroupName: "rg", serverName: "sql-app", keyId: "https://contoso.vault.azure.net/keys/tde/1" } }] },
            {
                title: "a server protected by an EncryptionProtector with a Key Vault key",
                resources: [
                    { type: SERVER, name: "sql", props: { resourceGroupName: "rg", serverName: "sql-app" } },
                    { type: PROTECTOR, name: "tde", props: { resourceGroupName: "rg", serverName: "sql-app", encryptionProtectorName: "current", serverKeyType: "AzureKeyVault", serverKeyName: "contoso_tde_1" } },
                ],
            },
        ],
        fail: [{ title: "a server with a service-managed TDE key", resources: [{ type: SERVER, name: "sql", props: { resourceGroupName: "rg", serverName: "sql-app" } }] }],
    },
    *check(stack) {
        const servers = stack.ofType(SERVER);
        if (!servers.length) return;
        const index = new Join(servers, (r) => texts(r.props.get("serverName")));

        // What the stack's encryption protectors say about each server (by URN).
        const customer = new Set<string>();
        const serviceManaged = new Set<string>();
        const undecided = new Set<string>();
        /** A protector that may use Key Vault but whose server is unknown: it could be any server's. */
        let unplaced = false;
        for (const p of stack.ofType(PROTECTOR)) {
            const type = p.props.get("serverKeyType");
            const akv = !type.isUnknown && isAzureText(type, "AzureKeyVault");
            const ref = index.resolve(p, "serverName");
            if (ref.kind === "unknown") {
                if (type.isUnknown || akv) unplaced = true;
                continue;
            }
            if (ref.kind === "none") continue;
            for (const s of ref.targets) (type.isUnknown ? undecided : akv ? customer : serviceManaged).add(s.urn);
        }

        for (const s of servers) {
            let verdict: Verdict;
            const keyId = s.props.get("keyId");
            if (serviceManaged.has(s.urn)) verdict = fail("an EncryptionProtector sets `serverKeyType` ServiceManaged for this server; set it to AzureKeyVault with a Key Vault key.");
            else if (customer.has(s.urn)) verdict = pass;
            else if (keyId.isUnknown) verdict = unknown(keyId);
            else if (keyId.isText()) verdict = pass;
            else if (undecided.has(s.urn) || unplaced) verdict = unknown("the `serverKeyType` or `serverName` of an EncryptionProtector");
            else {
                verdict = fail(
                    "`keyId` is not set and no EncryptionProtector with `serverKeyType` AzureKeyVault protects this server (TDE uses a service-managed key); set `keyId` to a Key Vault key or add such an EncryptionProtector.",
                );
            }
            yield { urn: s.urn, verdict };
        }
    },
});
