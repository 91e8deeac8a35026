import { defineResourcePolicy } from "../core/policy-legacy";

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
    check({ props }, config, report) {
        if (!config.allowedAccountNames.length) {
            report("this enables a static website, which serves the `$web` container to anyone; remove it, or allow the account in `allowedAccountNames`.");
            return;
        }
        const account = props.accountName;
        if (typeof account !== "string" || !config.allowedAccountNames.includes(account)) {
            report("`accountName` is not one of the accounts allowed to serve a static website (config `allowedAccountNames`); remove the static website or allow the account.");
        }
    },
});
