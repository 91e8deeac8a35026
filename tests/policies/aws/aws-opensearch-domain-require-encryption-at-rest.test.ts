import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-opensearch-domain-require-encryption-at-rest";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const OPENSEARCH = "aws:opensearch/domain:Domain";
const ELASTICSEARCH = "aws:elasticsearch/domain:Domain";
type Props = Record<string, unknown>;
const domain = (props: Props, type = OPENSEARCH) => ({ type, props: { domainName: "search", ...props } });

describe("aws-opensearch-domain-require-encryption-at-rest", () => {
    describe("passes", () => {
        it("when an OpenSearch domain encrypts at rest", async () => {
            expect((await runResourcePolicy(policy, domain({ engineVersion: "OpenSearch_2.13", encryptAtRest: { enabled: true } }))).verdict).toBe("pass");
        });

        it("when an OpenSearch domain encrypts at rest with a customer managed key", async () => {
            const r = await runResourcePolicy(policy, domain({ encryptAtRest: { enabled: true, kmsKeyId: "arn:aws:kms:ap-northeast-1:111122223333:key/k1" } }));
            expect(r.verdict).toBe("pass");
        });

        it("when a legacy Elasticsearch domain encrypts at rest", async () => {
            expect((await runResourcePolicy(policy, domain({ elasticsearchVersion: "7.10", encryptAtRest: { enabled: true } }, ELASTICSEARCH))).verdict).toBe("pass");
        });

        it("ignores other resource types", async () => {
            expect((await runResourcePolicy(policy, { type: "aws:opensearch/serverlessCollection:ServerlessCollection", props: {} })).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when an OpenSearch domain has no `encryptAtRest` block", async () => {
            const r = await runResourcePolicy(policy, domain({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`encryptAtRest` is not set");
        });

        it("when `encryptAtRest.enabled` is false", async () => {
            const r = await runResourcePolicy(policy, domain({ encryptAtRest: { enabled: false } }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`encryptAtRest.enabled` is not true");
        });

        it("when a legacy Elasticsearch domain does not encrypt at rest", async () => {
            expect((await runResourcePolicy(policy, domain({ elasticsearchVersion: "6.8" }, ELASTICSEARCH))).verdict).toBe("fail");
        });

        it("when `enabled` is a secret false, without printing secrets", async () => {
            const r = await runResourcePolicy(policy, domain({ encryptAtRest: { enabled: secret(false), kmsKeyId: secret("k-secret-id") } }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("k-secret-id");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while `encryptAtRest.enabled` is unknown", async () => {
            const r = await runResourcePolicy(policy, domain({ encryptAtRest: { enabled: UNKNOWN } }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".encryptAtRest.enabled");
        });

        it("cannot decide while the `encryptAtRest` block is unknown", async () => {
            const r = await runResourcePolicy(policy, domain({ encryptAtRest: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".encryptAtRest");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, domain({}), { requireKms: true })).rejects.toThrow(
                "config key 'requireKms' is not a setting of this policy (it takes none)",
            );
        });
    });
});
