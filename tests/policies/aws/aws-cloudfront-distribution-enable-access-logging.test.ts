import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-cloudfront-distribution-enable-access-logging";
import { runStackPolicy, type StackResourceInput, UNKNOWN } from "../../harness";

const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
const SOURCE = "aws:cloudwatch/logDeliverySource:LogDeliverySource";
const DELIVERY = "aws:cloudwatch/logDelivery:LogDelivery";
const DESTINATION = "arn:aws:logs:us-east-1:111122223333:delivery-destination:cdn";

const distribution = (name: string, props: Record<string, unknown> = {}): StackResourceInput => ({ type: DISTRIBUTION, name, props: { enabled: true, ...props } });
const source = (name: string, distributionName: string | undefined, logType: unknown = "ACCESS_LOGS"): StackResourceInput => ({
    type: SOURCE,
    name,
    props: { name, logType, resourceArn: UNKNOWN },
    ...(distributionName ? { propertyDependencies: { resourceArn: [distributionName] } } : {}),
});
const delivery = (name: string, sourceName: unknown): StackResourceInput => ({ type: DELIVERY, name, props: { deliverySourceName: sourceName, deliveryDestinationArn: DESTINATION } });

describe("aws-cloudfront-distribution-enable-access-logging", () => {
    it("is advisory by default (FSBP-only; many static sites run without access logs)", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("a distribution with standard (legacy) logging to S3", async () => {
            expect((await runStackPolicy(policy, [distribution("cdn", { loggingConfig: { bucket: "logs.s3.amazonaws.com" } })])).verdict).toBe("pass");
        });

        it("a distribution whose log bucket is unknown during preview (a bucket of the stack)", async () => {
            expect((await runStackPolicy(policy, [distribution("cdn", { loggingConfig: { bucket: UNKNOWN } })])).verdict).toBe("pass");
        });

        it("a distribution with v2 logging: an ACCESS_LOGS source and a delivery by the source's name", async () => {
            expect((await runStackPolicy(policy, [distribution("cdn"), source("cdn-access", "cdn"), delivery("d", "cdn-access")])).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("a distribution without access logs, naming only it", async () => {
            const r = await runStackPolicy(policy, [distribution("cdn"), distribution("logged", { loggingConfig: { bucket: "logs.s3.amazonaws.com" } })]);
            expect(r.violating).toEqual(["cdn"]);
            expect(r.diagnostics[0]?.message).toContain("declares no `loggingConfig.bucket`");
        });

        it("a v2 source without a delivery", async () => {
            const r = await runStackPolicy(policy, [distribution("cdn"), source("cdn-access", "cdn")]);
            expect(r.diagnostics[0]?.message).toContain("has no LogDelivery to a destination");
        });

        it("a source of another log type does not count", async () => {
            const r = await runStackPolicy(policy, [distribution("cdn"), source("cdn-conn", "cdn", "CONNECTION_LOGS"), delivery("d", "cdn-conn")]);
            expect(r.violating).toEqual(["cdn"]);
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while a delivery source's distribution is unknown", async () => {
            expect((await runStackPolicy(policy, [distribution("cdn"), source("orphan", undefined)])).verdict).toBe("unknown");
        });

        it("cannot decide while the delivery's source name is unknown", async () => {
            expect((await runStackPolicy(policy, [distribution("cdn"), source("cdn-access", "cdn"), delivery("d", UNKNOWN)])).verdict).toBe("unknown");
        });

        it("cannot decide while the whole legacy logging block is unknown", async () => {
            expect((await runStackPolicy(policy, [distribution("cdn", { loggingConfig: UNKNOWN })])).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runStackPolicy(policy, [distribution("cdn")], { v2: true })).rejects.toThrow("config key 'v2' is not a setting of this policy (it takes none)");
        });
    });
});
