import { defineResourcePolicy } from "../core/policy";
import type { Value } from "../core/read";
import { all, fail, pass, unknown, type Verdict } from "../core/verdict";

const OPENSEARCH = "aws:opensearch/domain:Domain";
const ELASTICSEARCH = "aws:elasticsearch/domain:Domain";

/** Whether `options` publish `logType` (an option with that type whose `enabled` is not false; true is the default). */
function publishes(options: readonly Value[], logType: string, hint: string): Verdict {
    const ofType = options.filter((o) => o.get("logType").isOneOf(logType));
    if (ofType.some((o) => !o.get("enabled").hasUnknown && !o.get("enabled").isFalse())) return pass;
    // Undecided: an entry that may be of this type (its type is unknown), or is and may be enabled.
    const undecided = options.flatMap((o) => (o.isUnknown ? [o] : o.get("logType").isUnknown ? [o.get("logType")] : []));
    undecided.push(...ofType.map((o) => o.get("enabled")).filter((e) => e.hasUnknown));
    if (undecided.length) return unknown(...undecided);
    return fail(
        ofType.length
            ? `the \`logPublishingOptions\` entry for ${logType} sets \`enabled: false\`, so the domain does not publish ${hint}; remove it or set it to true.`
            : `\`logPublishingOptions\` has no ${logType} entry, so the domain does not publish ${hint}; add \`{ logType: "${logType}", cloudwatchLogGroupArn: <log group ARN> }\`.`,
    );
}

export default defineResourcePolicy({
    name: "aws-opensearch-domain-enable-logging",
    title: "OpenSearch and Elasticsearch domains publish their error and audit logs to CloudWatch Logs",
    cloud: "aws",
    control: "log-retention",
    severity: "medium",
    description:
        "An OpenSearch (or legacy Elasticsearch) domain should publish its error log (`ES_APPLICATION_LOGS`: FSBP " +
        "Opensearch.4 / ES.4) and its audit log (`AUDIT_LOGS`: who read or changed which index, Opensearch.5 / ES.5) to " +
        "CloudWatch Logs through `logPublishingOptions`; a domain publishes no logs unless asked (an entry's `enabled` " +
        "defaults to true). Audit logs need fine-grained access control (`advancedSecurityOptions.enabled`). Advisory by " +
        "default: FSBP-only (CIS AWS v3.0.0 has no item for them), and small or development domains often run without " +
        "them; make it mandatory where your benchmark requires the logs.",
    remediation:
        "Add `logPublishingOptions` entries `{ logType: \"ES_APPLICATION_LOGS\", cloudwatchLogGroupArn }` and " +
        "`{ logType: \"AUDIT_LOGS\", cloudwatchLogGroupArn }` (audit logs need `advancedSecurityOptions.enabled: true` and a " +
        "log-group resource policy that lets es.amazonaws.com write), with log groups that have a retention " +
        "(aws-cloudwatch-log-group-configure-retention).",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "Opensearch.4" },
        { framework: "aws-fsbp", version: "1.0.0", id: "Opensearch.5" },
        { framework: "aws-fsbp", version: "1.0.0", id: "ES.4" },
        { framework: "aws-fsbp", version: "1.0.0", id: "ES.5" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: [OPENSEARCH, ELASTICSEARCH],
    config: {},
    catalogue: ["aws-log-opensearch-error", "aws-log-opensearch-audit"],
    examples: {
        pass: [
            {
                title: "a domain that publishes its error and audit logs",
                type: OPENSEARCH,
                props: {
                    advancedSecurityOptions: { enabled: true },
                    logPublishingOptions: [
                        { logType: "ES_APPLICATION_LOGS", cloudwatchLogGroupArn: "arn:aws:logs:eu-west-1:111122223333:log-group:os-errors" },
                        { logType: "AUDIT_LOGS", cloudwatchLogGroupArn: "arn:aws:logs:eu-west-1:111122223333:log-group:os-audit" },
                    ],
                },
            },
        ],
        fail: [
            { title: "a domain that publishes no logs (the default)", type: OPENSEARCH, props: {} },
            {
                title: "an Elasticsearch domain that publishes only slow logs",
                type: ELASTICSEARCH,
                props: { logPublishingOptions: [{ logType: "INDEX_SLOW_LOGS", cloudwatchLogGroupArn: "arn:aws:logs:eu-west-1:111122223333:log-group:slow" }] },
            },
        ],
    },
    check(resource) {
        const options: Value = resource.canonicalType === OPENSEARCH ? resource.props.get("logPublishingOptions") : resource.props.get("logPublishingOptions");
        if (options.isUnknown) return unknown(options);
        const blocks = options.blocks();
        return all([publishes(blocks, "ES_APPLICATION_LOGS", "its error log"), publishes(blocks, "AUDIT_LOGS", "its audit log")]);
    },
});
