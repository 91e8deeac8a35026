import { blocks, flag } from "../core/encryption";
import { defineResourcePolicy } from "../core/policy-legacy";

export default defineResourcePolicy({
    name: "aws-opensearch-domain-require-encryption-at-rest",
    title: "OpenSearch and Elasticsearch domains are encrypted at rest",
    cloud: "aws",
    control: "encryption-at-rest",
    severity: "high",
    description:
        "OpenSearch Service domains (and legacy Elasticsearch domains) must set `encryptAtRest.enabled: true`; without " +
        "the `encryptAtRest` block a domain is not encrypted at rest.",
    remediation:
        "Add `encryptAtRest: { enabled: true }` (optionally with `kmsKeyId` for a customer managed key). Encryption at " +
        "rest needs OpenSearch, or Elasticsearch 5.1 or later, and a supported instance type.",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "Opensearch.1" },
        { framework: "aws-fsbp", version: "1.0.0", id: "ES.1" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["aws:opensearch/domain:Domain", "aws:elasticsearch/domain:Domain"],
    config: {},
    check({ props }, _config, report) {
        const settings = blocks(props, "encryptAtRest");
        if (!settings.length) {
            report("`encryptAtRest` is not set, so the domain is not encrypted at rest; set `encryptAtRest.enabled` to true.");
            return;
        }
        for (const s of settings) {
            if (!s.known) return void s.read();
            const enabled = flag(s.value, "enabled");
            if (enabled === "unknown") return void s.value["enabled"];
            if (enabled !== "on") report("`encryptAtRest.enabled` is not true; set it to true.");
        }
    },
});
