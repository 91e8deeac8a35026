import { defineStackPolicy } from "../core/policy";
import { Companions, Join, texts } from "../core/stack";
import { fail, pass, unknown, type Verdict } from "../core/verdict";

const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
const SOURCE = "aws:cloudwatch/logDeliverySource:LogDeliverySource";
const DELIVERY = "aws:cloudwatch/logDelivery:LogDelivery";

export default defineStackPolicy({
    name: "aws-cloudfront-distribution-enable-access-logging",
    title: "CloudFront distributions write access logs",
    cloud: "aws",
    control: "log-retention",
    severity: "medium",
    description:
        "Every CloudFront distribution of the stack should write access logs: standard logging (legacy) to S3 " +
        "(`loggingConfig.bucket`, which is what FSBP CloudFront.5 evaluates), or standard logging v2 through CloudWatch " +
        "log delivery — an aws.cloudwatch.LogDeliverySource with `logType: \"ACCESS_LOGS\"` whose `resourceArn` is the " +
        "distribution's ARN, and a LogDelivery from that source to a destination. A distribution logs nothing unless " +
        "asked. (Security Hub's control sees only the legacy form: a v2-only distribution passes here but still shows " +
        "as failed there.) Advisory by default: FSBP-only (CIS AWS v3.0.0 has no CloudFront item), and many static sites " +
        "legitimately run without access logs; make it mandatory where your benchmark requires them.",
    remediation:
        "Set `loggingConfig: { bucket: <bucket>.bucketDomainName, prefix: \"cdn/\" }` (the bucket needs ACLs enabled for " +
        "the log delivery), or declare an `aws.cloudwatch.LogDeliverySource` (`logType: \"ACCESS_LOGS\", resourceArn: " +
        "distribution.arn`, in us-east-1), a LogDeliveryDestination and a LogDelivery between them; keep the logs with a " +
        "bucket lifecycle or log-group retention that matches yours.",
    frameworks: [{ framework: "aws-fsbp", version: "1.0.0", id: "CloudFront.5" }],
    enforcementLevel: "advisory",
    resourceTypes: [DISTRIBUTION, SOURCE, DELIVERY],
    config: {},
    catalogue: ["aws-log-cloudfront-access"],
    examples: {
        pass: [
            {
                title: "a distribution with standard logging to S3",
                resources: [{ type: DISTRIBUTION, name: "cdn", props: { enabled: true, loggingConfig: { bucket: "cdn-logs.s3.amazonaws.com", prefix: "cdn/" } } }],
            },
            {
                title: "a distribution with v2 logging through CloudWatch log delivery",
                resources: [
                    { type: DISTRIBUTION, name: "cdn", props: { enabled: true } },
                    { type: SOURCE, name: "cdn-source", props: { name: "cdn-access", logType: "ACCESS_LOGS" }, propertyDependencies: { resourceArn: ["cdn"] } },
                    { type: DELIVERY, name: "cdn-delivery", props: { deliverySourceName: "cdn-access", deliveryDestinationArn: "arn:aws:logs:us-east-1:111122223333:delivery-destination:cdn" } },
                ],
            },
        ],
        fail: [{ title: "a distribution without access logs", resources: [{ type: DISTRIBUTION, name: "cdn", props: { enabled: true } }] }],
    },
    *check(stack) {
        const distributions = stack.ofType(DISTRIBUTION);
        if (!distributions.length) return;
        // A distribution's ARN is not one of its inputs: a delivery source joins by property dependency only.
        const sources = new Companions(
            new Join(distributions, () => []),
            stack.ofType(SOURCE).filter((s) => s.props.get("logType").isUnknown || s.props.get("logType").isOneOf("ACCESS_LOGS")),
            "resourceArn",
        );
        const deliveries = new Companions(new Join(stack.ofType(SOURCE), (s) => texts(s.props.get("name"))), stack.ofType(DELIVERY), "deliverySourceName");
        for (const d of distributions) {
            const legacy = d.props.get("loggingConfig");
            const bucket = legacy.get("bucket");
            let verdict: Verdict;
            if (legacy.isUnknown) verdict = unknown(legacy);
            // A bucket domain that is unknown during preview comes from a bucket of the stack: it is set.
            else if (bucket.isUnknown || bucket.isText()) verdict = pass;
            else {
                const own = sources.of(d);
                const delivered = own.filter((s) => deliveries.of(s).length > 0);
                if (delivered.some((s) => s.props.get("logType").isOneOf("ACCESS_LOGS"))) verdict = pass;
                else if (delivered.length) verdict = unknown(...delivered.map((s) => s.props.get("logType")));
                else if (sources.unresolved.length || (own.length && deliveries.unresolved.length)) {
                    verdict = unknown(`the resource that ${[...sources.unresolved, ...deliveries.unresolved].map((r) => r.name).join(", ")} refers to`);
                } else if (own.length) {
                    verdict = fail(`the log delivery source ${own.map((s) => s.name).join(", ")} of this distribution has no LogDelivery to a destination, so the access logs go nowhere; add an \`aws.cloudwatch.LogDelivery\` with \`deliverySourceName\` set to it.`);
                } else {
                    verdict = fail(
                        "the distribution declares no `loggingConfig.bucket` and no LogDeliverySource (`logType: \"ACCESS_LOGS\"`) of this stack refers to it, so it writes no access logs; set `loggingConfig` or add a CloudWatch log delivery.",
                    );
                }
            }
            yield { urn: d.urn, verdict };
        }
    },
});
