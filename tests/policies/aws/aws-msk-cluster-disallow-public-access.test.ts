import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-msk-cluster-disallow-public-access";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const TYPE = "aws:msk/cluster:Cluster";
const run = (connectivityInfo: unknown, config: Record<string, unknown> = {}) =>
    runResourcePolicy(
        policy,
        { type: TYPE, props: { clusterName: "events", kafkaVersion: "3.6.0", numberOfBrokerNodes: 3, brokerNodeGroupInfo: { instanceType: "kafka.m7g.large", clientSubnets: ["a"], ...(connectivityInfo === undefined ? {} : { connectivityInfo }) } } },
        config,
    );

describe("aws-msk-cluster-disallow-public-access", () => {
    describe("passes", () => {
        it("no connectivity info (DISABLED is the default)", async () => expect((await run(undefined)).verdict).toBe("pass"));
        it("publicAccess DISABLED", async () => expect((await run({ publicAccess: { type: "DISABLED" } })).verdict).toBe("pass"));
        it("connectivity info with only VPC connectivity", async () => expect((await run({ vpcConnectivity: { clientAuthentication: { sasl: { iam: true } } } })).verdict).toBe("pass"));
    });
    describe("fails", () => {
        it("SERVICE_PROVIDED_EIPS", async () => {
            const r = await run({ publicAccess: { type: "SERVICE_PROVIDED_EIPS" } });
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("publicAccess.type");
        });
    });
    describe("unknown during preview", () => {
        it("cannot decide an unknown type", async () => expect((await run({ publicAccess: { type: UNKNOWN } })).verdict).toBe("unknown"));
        it("cannot decide unknown connectivity info", async () => expect((await run(UNKNOWN)).verdict).toBe("unknown"));
    });
    describe("config", () => {
        it("takes no settings: an unknown key is refused", async () => {
            await expect(run(undefined, { x: 1 })).rejects.toThrow("config key 'x'");
        });
    });
});
