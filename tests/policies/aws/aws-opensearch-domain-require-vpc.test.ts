import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-opensearch-domain-require-vpc";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const OPENSEARCH = "aws:opensearch/domain:Domain";
const ELASTICSEARCH = "aws:elasticsearch/domain:Domain";
const run = (props: Record<string, unknown>, type = OPENSEARCH, config: Record<string, unknown> = {}) => runResourcePolicy(policy, { type, props: { domainName: "search", ...props } }, config);

describe("aws-opensearch-domain-require-vpc", () => {
    it("is advisory by default (a public endpoint with a restrictive access policy is protected)", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("an OpenSearch domain in private subnets", async () => {
            expect((await run({ vpcOptions: { subnetIds: ["subnet-0a1b2c3d"], securityGroupIds: ["sg-1"] } })).verdict).toBe("pass");
        });

        it("an Elasticsearch domain in a VPC", async () => {
            expect((await run({ vpcOptions: { subnetIds: ["subnet-0a1b2c3d"] } }, ELASTICSEARCH)).verdict).toBe("pass");
        });

        it("subnet ids computed from other resources count as set (the list or an element)", async () => {
            expect((await run({ vpcOptions: { subnetIds: UNKNOWN } })).verdict).toBe("pass");
            expect((await run({ vpcOptions: { subnetIds: [UNKNOWN] } })).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("a domain without vpcOptions (a public endpoint)", async () => {
            const r = await run({});
            expect(r.verdict).toBe("fail");
            expect(r.messages[0]).toContain("`vpcOptions.subnetIds` is not set");
        });

        it("vpcOptions with no subnets, on either domain type", async () => {
            expect((await run({ vpcOptions: { securityGroupIds: ["sg-1"] } })).verdict).toBe("fail");
            expect((await run({ vpcOptions: { subnetIds: [] } }, ELASTICSEARCH)).verdict).toBe("fail");
            expect((await run({ vpcOptions: { subnetIds: [""] } })).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("the whole vpcOptions block", async () => {
            const r = await run({ vpcOptions: UNKNOWN });
            expect(r.verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(run({}, OPENSEARCH, { exempt: [] })).rejects.toThrow("config key 'exempt'");
        });
    });
});
