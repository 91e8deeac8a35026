import { defineResourcePolicy, type PropsOf } from "../core/policy";
import { each, fail, pass, unknown } from "../core/verdict";

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
    examples: {
        pass: [{ title: "encryption at rest enabled", type: "aws:opensearch/domain:Domain", props: { encryptAtRest: { enabled: true } } }],
        fail: [
            { title: "no `encryptAtRest` block", type: "aws:opensearch/domain:Domain", props: {} },
            { title: "encryption at rest turned off", type: "aws:opensearch/domain:Domain", props: { encryptAtRest: { enabled: false } } },
        ],
    },
    check(domain) {
        const props: PropsOf<typeof domain.canonicalType> = domain.props; // both domain types read alike
        const settings = props.get("encryptAtRest").blocks();
        if (!settings.length) return fail("`encryptAtRest` is not set, so the domain is not encrypted at rest; set `encryptAtRest.enabled` to true.");
        return each(settings, (s) => {
            if (s.isUnknown) return unknown(s);
            const enabled = s.get("enabled");
            if (enabled.isTrue()) return pass;
            return enabled.isUnknown ? unknown(enabled) : fail("`encryptAtRest.enabled` is not true; set it to true.");
        });
    },
});
