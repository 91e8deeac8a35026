import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

export default defineResourcePolicy({
    name: "azure-storage-static-website-disallow",
    title: "Storage accounts do not serve a static website unless allowed",
    cloud: "azure",
    control: "public-access",
    severity: "medium",
    description:
        "A static website serves everything in the account's `$web` container to anyone on the internet, whatever " +
        "`allowBlobPublicAccess` says, so data copied there is public. Static websites are disallowed except on the " +
        "storage accounts named in the config (accounts meant to publish, holding nothing else).",
    remediation:
        "Remove the StorageAccountStaticWebsite resource, or, for an account that exists to publish a site, add its " +
        "name to the config `allowedAccountNames` (and keep nothing but the site's content in that account).",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.8.3" }],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:storage:StorageAccountStaticWebsite"],
    config: {
        allowedAccountNames: {
            type: "array",
            items: { type: "string", pattern: "^[a-z0-9]{3,24}$" },
            default: [],
            description: "Storage account names (3-24 lower-case letters and digits) that may serve a static website.",
        },
    },
    examples: {
        pass: [
            {
                title: "a static website on an allowed account",
                type: "azure-native:storage:StorageAccountStaticWebsite",
                props: { accountName: "contosoweb", resourceGroupName: "rg", indexDocument: "index.html" },
                config: { allowedAccountNames: ["contosoweb"] },
            },
        ],
        fail: [{ title: "a static website while no account is allowed", type: "azure-native:storage:StorageAccountStaticWebsite", props: { accountName: "contoso", resourceGroupName: "rg", indexDocument: "index.html" } }],
    },
    check({ props }, config) {
        if (!config.allowedAccountNames.length) {
            return fail("this enables a static website, which serves the `$web` container to anyone; remove it, or allow the account in `allowedAccountNames`.");
        }
        const account = props.get("accountName");
        if (account.isUnknown) return unknown(account);
        const name = account.text();
        if (name === undefined || !config.allowedAccountNames.includes(name)) {
            return fail("`accountName` is not one of the accounts allowed to serve a static website (config `allowedAccountNames`); remove the static website or allow the account.");
        }
        return pass;
    },
});
