import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-eks-cluster-require-secrets-encryption";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const KEY = "arn:aws:kms:eu-west-1:111122223333:key/k1";
const cluster = (props: Record<string, unknown>) => ({ type: "aws:eks/cluster:Cluster", props: { roleArn: "arn:aws:iam::111122223333:role/eks", ...props } });

describe("aws-eks-cluster-require-secrets-encryption", () => {
    it("is advisory by default (EKS encrypts secrets with an AWS owned key anyway)", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("when secrets are encrypted with a KMS key", async () => {
            expect((await runResourcePolicy(policy, cluster({ encryptionConfig: { resources: ["secrets"], provider: { keyArn: KEY } } }))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it.each([
            ["has no `encryptionConfig`", cluster({})],
            ["encrypts no secrets", cluster({ encryptionConfig: { resources: [], provider: { keyArn: KEY } } })],
        ])("when the cluster %s", async (_, input) => {
            const r = await runResourcePolicy(policy, input);
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("does not encrypt \"secrets\" with a KMS key");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the key is unknown", async () => {
            const r = await runResourcePolicy(policy, cluster({ encryptionConfig: { resources: ["secrets"], provider: { keyArn: UNKNOWN } } }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("keyArn");
        });
    });

    describe("config", () => {
        it("rejects any setting (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, cluster({}), { x: 1 })).rejects.toThrow("it takes none");
        });
    });
});
