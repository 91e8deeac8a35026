import { ALLOWED_AWS_REGIONS_CONFIG, isAllowedAwsRegion, notAllowedRegion, regionOfTarget } from "../core/aws-regions";
import { defineResourcePolicy, type PropsOf } from "../core/policy";
import type { Value } from "../core/read";
import { all, each, fail, pass, unknown, type Verdict } from "../core/verdict";

// Where a resource *delivers* data: the ARN of the queue, function, stream, bus or domain it sends to. An ARN carries
// its region (arn:partition:service:region:account:resource); an ARN without one (IAM, an S3 bucket, Route 53) names
// no other region and passes, and so does a value that is not an ARN at all (an HTTPS URL, an e-mail address, a phone
// number: nothing to place). Each check decides from the known values; an unknown target makes the verdict "can't know"
// only when nothing known fails (core/verdict.ts `all`).

/** A field that names a delivery target by ARN. */
function target(v: Value, allowed: readonly string[]): Verdict {
    if (v.isUnknown) return unknown(v);
    const text = v.text()?.trim();
    if (text === undefined || !text.startsWith("arn:")) return pass;
    const region = regionOfTarget(text);
    if (region === undefined || isAllowedAwsRegion(region, allowed)) return pass;
    return fail(notAllowedRegion(`the region of \`${v.path}\`, where data is delivered,`, allowed));
}

/** `judge` on each object element of an array-or-single block (an unknown element or list is unknown). */
function eachBlock<T>(v: Value<T>, judge: (block: Value) => Verdict): Verdict {
    return each(v.blocks(), (b) => (b.isUnknown ? unknown(b) : judge(b as Value)));
}

/** `judge` on a single block: unknown while it is, nothing to judge while it is unset or not an object. */
function inBlock<T>(v: Value<T>, judge: (block: Value<T>) => Verdict): Verdict {
    if (v.isUnknown) return unknown(v);
    return v.isSet && typeof v.value === "object" && !Array.isArray(v.value) ? judge(v) : pass;
}

/** Firehose destinations that can run a Lambda processor on the records (the records are sent to the function). */
const FIREHOSE_DESTINATIONS = [
    "extendedS3Configuration",
    "redshiftConfiguration",
    "opensearchConfiguration",
    "elasticsearchConfiguration",
    "opensearchserverlessConfiguration",
    "splunkConfiguration",
    "httpEndpointConfiguration",
    "snowflakeConfiguration",
    "icebergConfiguration",
] as const;

/** The `LambdaArn` parameters of a Firehose destination's record processors. */
function firehoseProcessors(destination: Value, allowed: readonly string[]): Verdict {
    return inBlock(destination.get("processingConfiguration"), (pc) =>
        eachBlock(pc.get("processors"), (processor) =>
            eachBlock(processor.get("parameters"), (param) => {
                const name = param.get("parameterName");
                if (name.isUnknown) return unknown(name);
                return name.isOneOf("LambdaArn") ? target(param.get("parameterValue"), allowed) : pass;
            }),
        ),
    );
}

const TYPES = [
    "aws:sns/topicSubscription:TopicSubscription",
    "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter",
    "aws:cloudwatch/logDestination:LogDestination",
    "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination",
    "aws:cloudwatch/metricStream:MetricStream",
    "aws:cloudwatch/eventTarget:EventTarget",
    "aws:cloudwatch/eventBus:EventBus",
    "aws:cloudwatch/eventEndpoint:EventEndpoint",
    "aws:scheduler/schedule:Schedule",
    "aws:pipes/pipe:Pipe",
    "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
    "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig",
    "aws:lambda/eventSourceMapping:EventSourceMapping",
    "aws:sesv2/configurationSetEventDestination:ConfigurationSetEventDestination",
    "aws:datasync/task:Task",
] as const;
type Type = (typeof TYPES)[number];

/** Where each resource type delivers data, by canonical type. */
const DELIVERS_TO: { readonly [T in Type]: (props: PropsOf<T>, allowed: readonly string[]) => Verdict } = {
    // sqs / lambda / firehose / application endpoints are ARNs; http(s), email and sms endpoints are not.
    "aws:sns/topicSubscription:TopicSubscription": (p, a) => target(p.get("endpoint"), a),
    "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter": (p, a) => target(p.get("destinationArn"), a),
    "aws:cloudwatch/logDestination:LogDestination": (p, a) => target(p.get("targetArn"), a),
    // An S3 bucket ARN has no region (passes); a log group or Firehose ARN has one.
    "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination": (p, a) =>
        inBlock(p.get("deliveryDestinationConfiguration"), (c) => target(c.get("destinationResourceArn"), a)),
    "aws:cloudwatch/metricStream:MetricStream": (p, a) => target(p.get("firehoseArn"), a),
    // A rule's target may be an event bus (or any ARN) in another region: cross-region event routing.
    "aws:cloudwatch/eventTarget:EventTarget": (p, a) =>
        all([target(p.get("arn"), a), inBlock(p.get("deadLetterConfig"), (d) => target(d.get("arn"), a))]),
    "aws:cloudwatch/eventBus:EventBus": (p, a) => inBlock(p.get("deadLetterConfig"), (d) => target(d.get("arn"), a)),
    // A global endpoint replicates events to each of its buses (primary and secondary region).
    "aws:cloudwatch/eventEndpoint:EventEndpoint": (p, a) => eachBlock(p.get("eventBuses"), (b) => target(b.get("eventBusArn"), a)),
    "aws:scheduler/schedule:Schedule": (p, a) =>
        inBlock(p.get("target"), (t) => all([target(t.get("arn"), a), inBlock(t.get("deadLetterConfig"), (d) => target(d.get("arn"), a))])),
    "aws:pipes/pipe:Pipe": (p, a) => all([target(p.get("target"), a), target(p.get("enrichment"), a)]),
    "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream": (p, a) =>
        all([
            inBlock(p.get("opensearchConfiguration"), (c) => target(c.get("domainArn"), a)),
            inBlock(p.get("elasticsearchConfiguration"), (c) => target(c.get("domainArn"), a)),
            inBlock(p.get("icebergConfiguration"), (c) => target(c.get("catalogArn"), a)),
            each(FIREHOSE_DESTINATIONS, (key) => inBlock(p.get(key) as Value, (c) => firehoseProcessors(c, a))),
        ]),
    "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig": (p, a) =>
        inBlock(p.get("destinationConfig"), (d) =>
            all([
                inBlock(d.get("onFailure"), (f) => target(f.get("destination"), a)),
                inBlock(d.get("onSuccess"), (s) => target(s.get("destination"), a)),
            ]),
        ),
    "aws:lambda/eventSourceMapping:EventSourceMapping": (p, a) =>
        inBlock(p.get("destinationConfig"), (d) => inBlock(d.get("onFailure"), (f) => target(f.get("destinationArn"), a))),
    "aws:sesv2/configurationSetEventDestination:ConfigurationSetEventDestination": (p, a) =>
        inBlock(p.get("eventDestination"), (e) =>
            all([
                inBlock(e.get("kinesisFirehoseDestination"), (f) => target(f.get("deliveryStreamArn"), a)),
                inBlock(e.get("snsDestination"), (s) => target(s.get("topicArn"), a)),
                inBlock(e.get("eventBridgeDestination"), (b) => target(b.get("eventBusArn"), a)),
            ]),
        ),
    "aws:datasync/task:Task": (p, a) => target(p.get("destinationLocationArn"), a),
};

export default defineResourcePolicy({
    name: "aws-regional-resource-restrict-delivery-region",
    title: "AWS subscriptions, log and event destinations and stream targets deliver only to allowed regions",
    cloud: "aws",
    control: "data-region",
    severity: "high",
    description:
        "Where data is delivered must be an allowed region (default: the Japan regions), not only where the resource " +
        "lives: SNS subscriptions to SQS, Lambda, Firehose or application endpoints, CloudWatch Logs subscription " +
        "filters, log destinations and delivery destinations, metric streams, EventBridge rule targets, dead-letter " +
        "queues and global-endpoint buses, EventBridge Scheduler and Pipes targets, Firehose OpenSearch, Iceberg and " +
        "Lambda-processor destinations, Lambda invocation and event-source destinations, SES event destinations and " +
        "DataSync task destinations. The region is read from the target's ARN; an ARN without a region (an S3 bucket, " +
        "IAM) or a target that is not an ARN (an HTTPS URL, an e-mail address) names no other region.",
    remediation:
        "Deliver to a queue, function, stream, bus or domain in an allowed region, or remove the delivery. The region " +
        "the resource itself is created in is checked by aws-regional-resource-restrict-region; replicas and copies by " +
        "aws-regional-resource-restrict-target-region.",
    frameworks: [
        { framework: "iso27001", version: "2022", id: "A.5.34" },
        { framework: "iso27001", version: "2022", id: "A.5.31" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: TYPES,
    config: { allowedRegions: ALLOWED_AWS_REGIONS_CONFIG },
    examples: {
        pass: [
            {
                title: "an SNS subscription delivering to a queue in Tokyo",
                type: "aws:sns/topicSubscription:TopicSubscription",
                props: { topic: "arn:aws:sns:ap-northeast-1:123456789012:orders", protocol: "sqs", endpoint: "arn:aws:sqs:ap-northeast-1:123456789012:orders" },
            },
            {
                title: "a log delivery destination that is an S3 bucket (its ARN has no region)",
                type: "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination",
                props: { name: "logs", deliveryDestinationConfiguration: { destinationResourceArn: "arn:aws:s3:::central-logs" } },
            },
        ],
        fail: [
            {
                title: "an SNS subscription delivering to a queue in Virginia",
                type: "aws:sns/topicSubscription:TopicSubscription",
                props: { topic: "arn:aws:sns:ap-northeast-1:123456789012:orders", protocol: "sqs", endpoint: "arn:aws:sqs:us-east-1:123456789012:orders" },
            },
        ],
    },
    check(resource, config) {
        const deliversTo = DELIVERS_TO[resource.canonicalType] as (props: typeof resource.props, allowed: readonly string[]) => Verdict;
        return deliversTo(resource.props, config.allowedRegions);
    },
});
