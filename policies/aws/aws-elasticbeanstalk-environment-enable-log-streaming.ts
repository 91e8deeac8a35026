import { defineResourcePolicy } from "../core/policy";
import type { Value } from "../core/read";
import { all, fail, pass, unknown, type Verdict } from "../core/verdict";

const ENVIRONMENT = "aws:elasticbeanstalk/environment:Environment";
const NAMESPACE = "aws:elasticbeanstalk:cloudwatch:logs";
/** Elastic Beanstalk's retention for streamed instance logs when `RetentionInDays` is not set. */
const DEFAULT_RETENTION_DAYS = 7;

export default defineResourcePolicy({
    name: "aws-elasticbeanstalk-environment-enable-log-streaming",
    title: "Elastic Beanstalk environments stream their instance logs to CloudWatch Logs, and keep them",
    cloud: "aws",
    control: "log-retention",
    severity: "medium",
    description:
        "An Elastic Beanstalk environment should stream its instances' logs to CloudWatch Logs (option " +
        "`aws:elasticbeanstalk:cloudwatch:logs` `StreamLogs` = true, FSBP ElasticBeanstalk.3; off by default), and keep " +
        "them: Elastic Beanstalk creates the log groups itself with the option `RetentionInDays` (7 days by default), so " +
        "the retention is judged here against `minimumRetentionDays`. An environment built from a saved configuration " +
        "(`templateName`) that does not set the option itself is not judged (the template may); options set in the " +
        "source bundle's .ebextensions are not visible to a policy. Advisory by default: FSBP-only (CIS AWS v3.0.0 has " +
        "no Elastic Beanstalk item), and for that blind spot; make it mandatory where your benchmark requires the logs.",
    remediation:
        "Add `settings` entries `{ namespace: \"aws:elasticbeanstalk:cloudwatch:logs\", name: \"StreamLogs\", value: " +
        "\"true\" }` and `{ namespace: \"aws:elasticbeanstalk:cloudwatch:logs\", name: \"RetentionInDays\", value: \"365\" }` " +
        "(a CloudWatch Logs retention value of at least the minimum).",
    frameworks: [{ framework: "aws-fsbp", version: "1.0.0", id: "ElasticBeanstalk.3" }],
    enforcementLevel: "advisory",
    resourceTypes: [ENVIRONMENT],
    config: {
        minimumRetentionDays: {
            type: "integer",
            default: 365,
            minimum: 1,
            maximum: 3653,
            description: "Shortest `RetentionInDays` the streamed logs may have (Elastic Beanstalk's default is 7).",
        },
    },
    catalogue: ["aws-log-elastic-beanstalk"],
    examples: {
        pass: [
            {
                title: "an environment that streams its logs and keeps them a year",
                type: ENVIRONMENT,
                props: {
                    application: "web",
                    settings: [
                        { namespace: NAMESPACE, name: "StreamLogs", value: "true" },
                        { namespace: NAMESPACE, name: "RetentionInDays", value: "365" },
                    ],
                },
            },
        ],
        fail: [
            { title: "an environment that does not stream its logs (the default)", type: ENVIRONMENT, props: { application: "web" } },
            { title: "an environment that streams its logs for the default 7 days", type: ENVIRONMENT, props: { application: "web", settings: [{ namespace: NAMESPACE, name: "StreamLogs", value: "true" }] } },
        ],
    },
    check({ props }, config) {
        const settings = props.get("settings");
        if (settings.isUnknown) return unknown(settings);
        const blocks = settings.blocks();
        const option = (name: string): { found: Value | undefined; undecided: Value[] } => {
            const undecided: Value[] = [];
            let found: Value | undefined;
            for (const b of blocks) {
                const ns = b.get("namespace");
                const n = b.get("name");
                if (b.isUnknown || ns.isUnknown || n.isUnknown) {
                    undecided.push(b.isUnknown ? b : ns.isUnknown ? ns : n);
                    continue;
                }
                if (ns.isOneOf(NAMESPACE) && n.isOneOf(name)) found = b.get("value");
            }
            return { found, undecided };
        };
        const stream = option("StreamLogs");
        const template = props.get("templateName");
        if (!stream.found?.isTrue()) {
            if (stream.found?.isUnknown) return unknown(stream.found);
            if (!stream.found && stream.undecided.length) return unknown(...stream.undecided);
            // A saved configuration may set the option: the environment's own settings do not say.
            if (!stream.found && (template.isUnknown || template.isText())) return pass;
            return fail("the `aws:elasticbeanstalk:cloudwatch:logs` option `StreamLogs` is not \"true\" (it defaults to false), so the instances' logs are not streamed to CloudWatch Logs; add the setting with value \"true\".");
        }
        const retention = option("RetentionInDays");
        const checks: Verdict[] = [];
        if (retention.found?.isUnknown) checks.push(unknown(retention.found));
        else if (!retention.found && retention.undecided.length) checks.push(unknown(...retention.undecided));
        else {
            const days = retention.found ? retention.found.number() : DEFAULT_RETENTION_DAYS;
            if (days === undefined || days < config.minimumRetentionDays) {
                checks.push(
                    fail(
                        `the streamed logs are kept ${retention.found ? "for less than" : `${DEFAULT_RETENTION_DAYS} days (the default of \`RetentionInDays\`), less than`} ${config.minimumRetentionDays} days; set the \`aws:elasticbeanstalk:cloudwatch:logs\` option \`RetentionInDays\` to at least ${config.minimumRetentionDays}.`,
                    ),
                );
            }
        }
        return all(checks);
    },
});
