import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-s3-access-point-disallow-public-access";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const ACCESS_POINT = "aws:s3/accessPoint:AccessPoint";
const ACCESS_POINT_POLICY = "aws:s3control/accessPointPolicy:AccessPointPolicy";
const MRAP = "aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint";
const MRAP_POLICY = "aws:s3control/multiRegionAccessPointPolicy:MultiRegionAccessPointPolicy";

const AP_ARN = "arn:aws:s3:us-east-1:111122223333:accesspoint/reports";
const ALL_ON = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };

const publicDoc = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `${AP_ARN}/object/*` }] });
const privateDoc = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:role/reporting" }, Action: "s3:GetObject", Resource: `${AP_ARN}/object/*` }],
});

const accessPoint = (props: Record<string, unknown>) => ({ type: ACCESS_POINT, props: { bucket: "data-7f3a", name: "reports", ...props } });
const accessPointPolicy = (policyValue: unknown) => ({ type: ACCESS_POINT_POLICY, props: { accessPointArn: AP_ARN, policy: policyValue } });
const mrap = (publicAccessBlock: unknown) => ({
    type: MRAP,
    props: { details: { name: "global", regions: [{ bucket: "data-7f3a" }], ...(publicAccessBlock === undefined ? {} : { publicAccessBlock }) } },
});
const mrapPolicy = (policyValue: unknown) => ({ type: MRAP_POLICY, props: { details: { name: "global", policy: policyValue } } });

describe("aws-s3-access-point-disallow-public-access", () => {
    describe("passes", () => {
        it.each([
            ["an access point that keeps the default settings and has no policy", accessPoint({})],
            ["an access point with all four settings on and a policy naming a role", accessPoint({ publicAccessBlockConfiguration: ALL_ON, policy: privateDoc })],
            ["an access point whose settings block leaves settings out (they default to true)", accessPoint({ publicAccessBlockConfiguration: { blockPublicAcls: true } })],
            ["an access point whose policy was removed with {}", accessPoint({ policy: "{}" })],
            ["an access point policy naming a role", accessPointPolicy(privateDoc)],
            ["a Multi-Region Access Point with the default settings", mrap(undefined)],
            ["a Multi-Region Access Point with all four settings on", mrap(ALL_ON)],
            ["a Multi-Region Access Point policy naming a role", mrapPolicy(privateDoc)],
        ])("for %s", async (_, input) => {
            expect((await runResourcePolicy(policy, input)).verdict).toBe("pass");
        });

        it("ignores other resource types", async () => {
            expect((await runResourcePolicy(policy, { type: "aws:s3/bucketPolicy:BucketPolicy", props: { policy: publicDoc } })).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when an access point turns a block setting off", async () => {
            const r = await runResourcePolicy(policy, accessPoint({ publicAccessBlockConfiguration: { ...ALL_ON, blockPublicPolicy: false } }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`publicAccessBlockConfiguration.blockPublicPolicy` is false");
        });

        it("reports every setting turned off, including as the string 'false'", async () => {
            const r = await runResourcePolicy(policy, accessPoint({ publicAccessBlockConfiguration: { blockPublicAcls: "FALSE", ignorePublicAcls: false } }));
            expect(r.messages).toHaveLength(2);
        });

        it("when an access point's inline policy allows anyone", async () => {
            const r = await runResourcePolicy(policy, accessPoint({ policy: publicDoc }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`policy` statement #1 allows anyone");
        });

        it("when an AccessPointPolicy allows anyone", async () => {
            expect((await runResourcePolicy(policy, accessPointPolicy(publicDoc))).verdict).toBe("fail");
        });

        it("when an AccessPointPolicy is not JSON (fails closed)", async () => {
            expect((await runResourcePolicy(policy, accessPointPolicy("not json"))).messages.join()).toContain("not a valid policy document");
        });

        it("when a Multi-Region Access Point turns a block setting off", async () => {
            const r = await runResourcePolicy(policy, mrap({ ...ALL_ON, restrictPublicBuckets: false }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`details.publicAccessBlock.restrictPublicBuckets`");
        });

        it("when a Multi-Region Access Point policy allows anyone", async () => {
            const r = await runResourcePolicy(policy, mrapPolicy(publicDoc));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`details.policy` statement #1");
        });

        it("when the policy is a secret, without printing it", async () => {
            const r = await runResourcePolicy(policy, accessPointPolicy(secret(publicDoc)));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("accesspoint/reports");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while an access point policy is unknown", async () => {
            const r = await runResourcePolicy(policy, accessPointPolicy(UNKNOWN));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".policy");
        });

        it("cannot decide while a block setting is unknown", async () => {
            const r = await runResourcePolicy(policy, accessPoint({ publicAccessBlockConfiguration: { ...ALL_ON, ignorePublicAcls: UNKNOWN } }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("ignorePublicAcls");
        });

        it("still fails a public access point policy while its block settings are unknown", async () => {
            expect((await runResourcePolicy(policy, accessPoint({ publicAccessBlockConfiguration: UNKNOWN, policy: publicDoc }))).verdict).toBe("fail");
        });

        it("passes an access point whose bucket is unknown (it does not decide)", async () => {
            expect((await runResourcePolicy(policy, accessPoint({ bucket: UNKNOWN, policy: privateDoc }))).verdict).toBe("pass");
        });
    });

    describe("config", () => {
        it("takes no settings: rejects any key, naming it", async () => {
            await expect(runResourcePolicy(policy, accessPoint({}), { excludedAccessPoints: [] })).rejects.toThrow("config key 'excludedAccessPoints'");
        });
    });
});
