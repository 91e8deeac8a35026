// Bad policy-pack configuration is refused before any resource is analyzed, with one line naming the file, the
// policy and the key — checked against the schemas the running pack itself reports (GetAnalyzerInfo), as the CLI does.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reconcileConfig } from "../../gate/config";
import { GateError } from "../../gate/errors";
import { PolicyPack, type PackInfo } from "../../gate/pack";
import { DEFAULT_PACK_DIR } from "../../gate/paths";
import { ensureBuilt } from "./helpers";

let pack: PolicyPack;
let info: PackInfo;

beforeAll(async () => {
    ensureBuilt();
    pack = await PolicyPack.start({ dir: DEFAULT_PACK_DIR, display: "policies" });
    info = await pack.info();
});

afterAll(() => pack?.close());

const FILE = "policy-config.json";
const reconcile = (doc: Record<string, unknown>) => reconcileConfig(info, doc as Parameters<typeof reconcileConfig>[1], FILE);

describe("a valid config", () => {
    it("is accepted and reaches the policies over their defaults", () => {
        const config = reconcile({
            "aws-regional-resource-restrict-region": { allowedRegions: ["ap-northeast-1", "eu-central-1"] },
            "azure-regional-resource-restrict-location": { allowedLocations: ["japaneast"] },
            "aws-iam-role-restrict-msp-trust": { organizationAccountIds: ["111111111111"] },
            "azure-managedservices-registration-definition-restrict-tenant": { approvedTenantIds: ["22222222-2222-2222-2222-222222222222"] },
            "aws-cloudwatch-log-group-configure-retention": { minimumRetentionDays: 731, enforcementLevel: "advisory" },
        });
        expect(config.get("aws-regional-resource-restrict-region")?.properties["allowedRegions"]).toEqual(["ap-northeast-1", "eu-central-1"]);
        expect(config.get("aws-cloudwatch-log-group-configure-retention")).toEqual({ enforcementLevel: "advisory", properties: { minimumRetentionDays: 731 } });
    });
});

describe("is refused, naming the file, the policy and the key", () => {
    it.each([
        ["an unknown AWS region name", "aws-regional-resource-restrict-region", { allowedRegions: ["ap-northeast-1", "ap-northeast-9"] }, "allowedRegions[1]"],
        ["a misspelt AWS region", "aws-regional-resource-restrict-region", { allowedRegions: ["Tokyo"] }, "allowedRegions[0]"],
        ["regions given as a string, not a list", "aws-regional-resource-restrict-region", { allowedRegions: "ap-northeast-1" }, "allowedRegions"],
        ["an unknown Azure location", "azure-regional-resource-restrict-location", { allowedLocations: ["japan-east"] }, "allowedLocations[0]"],
        ["a malformed AWS account id", "aws-iam-role-restrict-msp-trust", { organizationAccountIds: ["11111111111"] }, "organizationAccountIds[0]"],
        ["an account id given as a number", "aws-iam-role-restrict-msp-trust", { organizationAccountIds: [111111111111] }, "organizationAccountIds[0]"],
        ["a malformed tenant id", "azure-managedservices-registration-definition-restrict-tenant", { approvedTenantIds: ["contoso.onmicrosoft.com"] }, "approvedTenantIds[0]"],
        ["a malformed role definition id", "azure-authorization-role-assignment-disallow-standing-privileged", { extraPrivilegedRoleGuids: ["not-a-guid"] }, "extraPrivilegedRoleGuids[0]"],
        ["a number given as a string", "aws-cloudwatch-log-group-configure-retention", { minimumRetentionDays: "365" }, "minimumRetentionDays"],
        ["a number out of range", "aws-cloudwatch-log-group-configure-retention", { minimumRetentionDays: 0 }, "minimumRetentionDays"],
        ["a key the policy does not have", "aws-cloudwatch-log-group-configure-retention", { minRetention: 30 }, "minRetention"],
        ["an unknown enforcement level", "aws-cloudwatch-log-group-configure-retention", { enforcementLevel: "block" }, "enforcementLevel"],
    ])("%s", (_, policy, entry, key) => {
        let error: unknown;
        try {
            reconcile({ [policy]: entry });
        } catch (e) {
            error = e;
        }
        expect(error).toBeInstanceOf(GateError);
        const message = (error as Error).message;
        expect(message.split("\n")).toHaveLength(1);
        expect(message).toContain(FILE);
        expect(message).toContain(`'${policy}'`);
        expect(message).toContain(`'${key}'`);
    });

    it("a policy name the pack does not have", () => {
        expect(() => reconcile({ "aws-s3-bucket-typo": "mandatory" })).toThrow(/policy-config\.json: 'aws-s3-bucket-typo' names no policy/);
    });
});
