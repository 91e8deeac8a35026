// Shared settings in the gate: `srguard config` writes a complete --policy-pack-config from them, and the gate warns
// (one line per setting, on stderr) when policies that share a setting are given different values.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, fixture, runCli } from "./helpers";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "srguard-settings-"));
const write = (name: string, doc: unknown) => {
    const f = path.join(tmp, name);
    fs.writeFileSync(f, typeof doc === "string" ? doc : JSON.stringify(doc));
    return f;
};
const SETTINGS = {
    aws: { allowedRegions: ["eu-west-1", "eu-central-1"], organizationAccountIds: ["111111111111"], approvedMspPrincipals: ["333333333333"] },
    azure: { allowedLocations: ["westeurope"], approvedMspTenantIds: ["00000000-0000-4000-8000-000000000001"] },
};
const warnings = (stderr: string) => stderr.split("\n").filter((l) => l.startsWith("srguard: warning:"));

beforeAll(() => ensureBuilt());

describe("srguard config", () => {
    it("writes every policy with its level and config, the shared settings in every policy that takes them", () => {
        const out = path.join(tmp, "pack-config.json");
        const r = runCli(["config", "--settings", write("settings.json", SETTINGS), "-o", out]);
        expect(r.code).toBe(0);
        expect(r.stderr).toBe("");
        const doc = JSON.parse(fs.readFileSync(out, "utf8")) as Record<string, Record<string, unknown>>;
        const policies = JSON.parse(runCli(["policies", "--format", "json"]).stdout) as { policies: { name: string }[] };
        expect(Object.keys(doc).sort()).toEqual(policies.policies.map((p) => p.name).sort());
        const having = (key: string) => Object.entries(doc).filter(([, e]) => key in e);
        // every policy with the key gets the one value (the data-region and MSP policies of the pack, at least these)
        expect(having("allowedRegions").map(([n]) => n)).toEqual(expect.arrayContaining(["aws-regional-resource-restrict-region", "aws-s3-bucket-restrict-replication-region"]));
        expect(having("allowedRegions").every(([, e]) => JSON.stringify(e["allowedRegions"]) === '["eu-west-1","eu-central-1"]')).toBe(true);
        expect(having("allowedLocations").map(([n]) => n)).toEqual(expect.arrayContaining(["azure-regional-resource-restrict-location", "azure-cosmosdb-account-restrict-locations"]));
        expect(having("allowedLocations").every(([, e]) => JSON.stringify(e["allowedLocations"]) === '["westeurope"]')).toBe(true);
        expect(having("organizationAccountIds").map(([n]) => n)).toEqual(expect.arrayContaining(["aws-iam-role-restrict-msp-trust", "aws-cloudtrail-trail-require-msp-audit-logging"]));
        expect(having("organizationAccountIds").every(([, e]) => JSON.stringify(e["organizationAccountIds"]) === '["111111111111"]')).toBe(true);
        expect(doc["aws-iam-role-restrict-msp-trust"]?.["approvedMspPrincipals"]).toEqual(["333333333333"]);
        expect(doc["azure-managedservices-registration-definition-restrict-tenant"]?.["approvedTenantIds"]).toEqual(["00000000-0000-4000-8000-000000000001"]);
        expect(Object.values(doc).every((e) => typeof e["enforcementLevel"] === "string")).toBe(true);

        // The file it writes is a config the gate takes, and its policies agree: no warning.
        const scan = runCli(["scan", fixture("scan", "export.json"), "--config", out]);
        expect(scan.code === 0 || scan.code === 1).toBe(true);
        expect(warnings(scan.stderr)).toEqual([]);
    });

    it("without settings, writes the pack's defaults", () => {
        const r = runCli(["config"]);
        expect(r.code).toBe(0);
        const doc = JSON.parse(r.stdout) as Record<string, Record<string, unknown>>;
        expect(doc["aws-regional-resource-restrict-region"]?.["allowedRegions"]).toEqual(["ap-northeast-1", "ap-northeast-3"]);
    });

    it.each([
        ["a setting that does not exist", { aws: { regions: ["eu-west-1"] } }, /settings-bad\.json: setting 'aws\.regions' is not a shared setting/],
        ["a value a policy refuses", { aws: { organizationAccountIds: ["12345"] } }, /settings-bad\.json: setting 'aws\.organizationAccountIds' is refused by policy '[a-z-]+': config key 'organizationAccountIds\[0\]'/],
        ["malformed JSON", "{", /settings-bad\.json: malformed JSON/],
    ])("refuses %s in one line, exit 2", (_what, doc, message) => {
        const r = runCli(["config", "--settings", write("settings-bad.json", doc)]);
        expect(r.code).toBe(2);
        expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
        expect(r.stderr).toMatch(message);
        expect(r.stdout).toBe("");
    });
});

describe("the gate warns when policies that share a setting disagree", () => {
    it("one line per setting, naming the config file, the setting and which policy has which value", () => {
        const config = write("disagree.json", {
            "aws-regional-resource-restrict-region": { allowedRegions: ["us-east-1"] },
            "aws-iam-role-restrict-msp-trust": { organizationAccountIds: ["111111111111"] },
        });
        const r = runCli(["scan", fixture("scan", "export.json"), "--config", config]);
        expect(r.code === 0 || r.code === 1).toBe(true);
        const w = warnings(r.stderr);
        expect(w).toHaveLength(2);
        expect(w[0]).toMatch(
            /^srguard: warning: .*disagree\.json: policies that share the setting 'aws\.allowedRegions' \(config key 'allowedRegions'\) are given different values — /,
        );
        expect(w[0]).toContain("aws-regional-resource-restrict-region: [us-east-1]");
        expect(w[0]).toMatch(/aws-[a-z0-9-]+, aws-[a-z0-9-]+: \[ap-northeast-1, ap-northeast-3\]/);
        expect(w[1]).toMatch(/'aws\.organizationAccountIds'.*aws-iam-role-restrict-msp-trust: \[111111111111\]/);
    });

    it("a disabled policy does not count", () => {
        const config = write("disabled.json", {
            "aws-regional-resource-restrict-region": { enforcementLevel: "disabled", allowedRegions: ["us-east-1"] },
        });
        expect(warnings(runCli(["scan", fixture("scan", "export.json"), "--config", config]).stderr)).toEqual([]);
    });
});
