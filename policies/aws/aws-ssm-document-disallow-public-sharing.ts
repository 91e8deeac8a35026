import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

const DOCUMENT = "aws:ssm/document:Document";
const SETTING = "aws:ssm/serviceSetting:ServiceSetting";
const PUBLIC_SHARING = "/ssm/documents/console/public-sharing-permission";

export default defineResourcePolicy({
    name: "aws-ssm-document-disallow-public-sharing",
    title: "SSM documents are not shared publicly",
    cloud: "aws",
    control: "public-access",
    severity: "high",
    description:
        "Systems Manager documents must not be public: a document's `permissions` (type Share) must not list `All` in " +
        "`account_ids`, and a service setting the stack manages for " + PUBLIC_SHARING + " must be `Disable` (block " +
        "public sharing).",
    remediation: "List the account ids to share the document with instead of `All`, and set the public-sharing-permission service setting to `Disable`.",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.8.3" }],
    enforcementLevel: "mandatory",
    catalogue: ["aws-public-ssm-document", "aws-public-ssm-block-public-sharing"],
    resourceTypes: [DOCUMENT, SETTING],
    config: {},
    examples: {
        pass: [
            { title: "shared with one account", type: DOCUMENT, props: { documentType: "Command", content: "{}", permissions: { type: "Share", account_ids: "444455556666" } } },
            { title: "public sharing blocked", type: SETTING, props: { settingId: `arn:aws:ssm:ap-northeast-1:111122223333:servicesetting${PUBLIC_SHARING}`, settingValue: "Disable" } },
        ],
        fail: [
            { title: "shared with All", type: DOCUMENT, props: { documentType: "Command", content: "{}", permissions: { type: "Share", account_ids: "All" } } },
            { title: "public sharing allowed", type: SETTING, props: { settingId: `arn:aws:ssm:ap-northeast-1:111122223333:servicesetting${PUBLIC_SHARING}`, settingValue: "Enable" } },
        ],
    },
    check(r) {
        if (r.canonicalType === SETTING) {
            const id = r.props.get("settingId");
            const value = r.props.get("settingValue");
            if (id.isUnknown) return unknown(id);
            if (!(id.text() ?? "").trim().toLowerCase().endsWith(PUBLIC_SHARING)) return pass;
            if (value.isUnknown) return unknown(value);
            return value.isOneOf("Disable") ? pass : fail(`\`settingValue\` of the ${PUBLIC_SHARING} setting is not Disable, so documents can be shared publicly; set it to Disable.`);
        }
        const permissions = r.props.get("permissions");
        if (permissions.isUnknown) return unknown(permissions);
        // The map reaches the provider as is, which reads `account_ids` (a comma-separated list); any case of the key.
        for (const [key, v] of permissions.entries()) {
            if (key.toLowerCase().replace(/[_-]/g, "") !== "accountids") continue;
            if (v.isUnknown) return unknown(v);
            const ids = (v.text() ?? "").split(",").map((x) => x.trim().toLowerCase());
            if (ids.includes("all")) return fail("`permissions.account_ids` contains All, so every AWS account can run the document; list account ids instead.");
        }
        return pass;
    },
});
