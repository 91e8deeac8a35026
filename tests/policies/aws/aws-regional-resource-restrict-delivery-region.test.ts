import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-regional-resource-restrict-delivery-region";
import { type ResourceInput, runResourcePolicy, secret, UNKNOWN } from "../../harness";

const ALLOWED = "(allowed: ap-northeast-1, ap-northeast-3)";
const provider = { name: "default_7_48_0", props: { region: "ap-northeast-1" } };
const of = (type: string, props: Record<string, unknown>): ResourceInput => ({ type, props, provider });

const TOPIC = "arn:aws:sns:ap-northeast-1:123456789012:orders";
const sub = (protocol: string, endpoint: unknown) => of("aws:sns/topicSubscription:TopicSubscription", { topic: TOPIC, protocol, endpoint });
const sqs = (region: string) => `arn:aws:sqs:${region}:123456789012:orders`;
const stream = (region: string) => `arn:aws:firehose:${region}:123456789012:deliverystream/logs`;
const filter = (destinationArn: unknown) =>
    of("aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter", { logGroup: "/app", filterPattern: "", destinationArn });
const eventTarget = (props: Record<string, unknown>) => of("aws:cloudwatch/eventTarget:EventTarget", { rule: "orders", ...props });
const firehose = (props: Record<string, unknown>) =>
    of("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", { name: "logs", destination: "extended_s3", ...props });
const lambdaProcessor = (arn: unknown) => ({
    bucketArn: "arn:aws:s3:::logs",
    roleArn: "arn:aws:iam::123456789012:role/firehose",
    processingConfiguration: {
        enabled: true,
        processors: [{ type: "Lambda", parameters: [{ parameterName: "BufferSizeInMBs", parameterValue: "1" }, { parameterName: "LambdaArn", parameterValue: arn }] }],
    },
});

describe("aws-regional-resource-restrict-delivery-region", () => {
    describe("passes", () => {
        it.each([
            ["an SNS subscription delivers to a queue in Tokyo", sub("sqs", sqs("ap-northeast-1"))],
            ["an SNS subscription delivers to a Lambda function in Osaka", sub("lambda", "arn:aws:lambda:ap-northeast-3:123456789012:function:f")],
            ["an SNS subscription delivers to an HTTPS URL (not an ARN: no region to place)", sub("https", "https://hooks.example.com/sns")],
            ["an SNS subscription delivers to an e-mail address", sub("email", "ops@example.com")],
            ["a log subscription filter streams to Firehose in Tokyo", filter(stream("ap-northeast-1"))],
            ["a log destination targets a Kinesis stream in Tokyo", of("aws:cloudwatch/logDestination:LogDestination", { roleArn: "arn:aws:iam::123456789012:role/r", targetArn: "arn:aws:kinesis:ap-northeast-1:123456789012:stream/s" })],
            ["a log delivery destination is an S3 bucket (an S3 bucket ARN has no region)", of("aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination", { deliveryDestinationConfiguration: { destinationResourceArn: "arn:aws:s3:::central-logs" } })],
            ["a log delivery destination has no configuration", of("aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination", { name: "x" })],
            ["a metric stream feeds Firehose in Tokyo", of("aws:cloudwatch/metricStream:MetricStream", { firehoseArn: stream("ap-northeast-1"), roleArn: "arn:aws:iam::123456789012:role/r", outputFormat: "json" })],
            ["an EventBridge rule targets a bus in Osaka with a DLQ in Tokyo", eventTarget({ arn: "arn:aws:events:ap-northeast-3:123456789012:event-bus/central", deadLetterConfig: { arn: sqs("ap-northeast-1") } })],
            ["an EventBridge rule targets an IAM-less global ARN without a region", eventTarget({ arn: "arn:aws:s3:::bucket" })],
            ["an event bus has a dead-letter queue in Tokyo", of("aws:cloudwatch/eventBus:EventBus", { name: "b", deadLetterConfig: { arn: sqs("ap-northeast-1") } })],
            ["a global endpoint spans Tokyo and Osaka", of("aws:cloudwatch/eventEndpoint:EventEndpoint", { routingConfig: {}, eventBuses: [{ eventBusArn: "arn:aws:events:ap-northeast-1:123456789012:event-bus/b" }, { eventBusArn: "arn:aws:events:ap-northeast-3:123456789012:event-bus/b" }] })],
            ["a schedule targets a queue in Tokyo", of("aws:scheduler/schedule:Schedule", { scheduleExpression: "rate(1 hour)", flexibleTimeWindow: { mode: "OFF" }, target: { arn: sqs("ap-northeast-1"), roleArn: "arn:aws:iam::123456789012:role/r" } })],
            ["a pipe targets a queue in Tokyo", of("aws:pipes/pipe:Pipe", { roleArn: "arn:aws:iam::123456789012:role/r", source: sqs("ap-northeast-1"), target: sqs("ap-northeast-1") })],
            ["a Firehose stream to S3 runs a Lambda processor in Tokyo", firehose({ extendedS3Configuration: lambdaProcessor("arn:aws:lambda:ap-northeast-1:123456789012:function:p") })],
            ["a Firehose stream delivers to an OpenSearch domain in Osaka", firehose({ destination: "opensearch", opensearchConfiguration: { domainArn: "arn:aws:es:ap-northeast-3:123456789012:domain/d", indexName: "i", roleArn: "arn:aws:iam::123456789012:role/r" } })],
            ["a Lambda sends failed invocations to a queue in Tokyo", of("aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig", { functionName: "f", destinationConfig: { onFailure: { destination: sqs("ap-northeast-1") } } })],
            ["a DataSync task copies to a location in Tokyo", of("aws:datasync/task:Task", { sourceLocationArn: "arn:aws:datasync:ap-northeast-1:123456789012:location/loc-1", destinationLocationArn: "arn:aws:datasync:ap-northeast-1:123456789012:location/loc-2" })],
            ["the region in the ARN is written in upper case", sub("sqs", sqs("AP-NORTHEAST-1"))],
        ])("when %s", async (_, input) => {
            expect((await runResourcePolicy(policy, input)).verdict).toBe("pass");
        });

        it("does not judge the resource's own region (the placement policy does)", async () => {
            const r = await runResourcePolicy(policy, { ...sub("sqs", sqs("ap-northeast-1")), provider: { props: { region: "us-east-1" } } });
            expect(r.verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when an SNS subscription delivers to a queue in Virginia, naming the field and not the region", async () => {
            const r = await runResourcePolicy(policy, sub("sqs", sqs("us-east-1")));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain(`the region of \`endpoint\`, where data is delivered, is not an allowed region ${ALLOWED}`);
            expect(r.messages.join()).not.toContain("us-east-1");
        });

        it.each([
            ["an SNS subscription to Firehose", sub("firehose", stream("eu-west-1")), "`endpoint`"],
            ["a log subscription filter", filter("arn:aws:lambda:us-west-2:123456789012:function:ship"), "`destinationArn`"],
            ["a log destination", of("aws:cloudwatch/logDestination:LogDestination", { roleArn: "arn:aws:iam::123456789012:role/r", targetArn: "arn:aws:kinesis:us-east-1:123456789012:stream/s" }), "`targetArn`"],
            ["a log delivery destination (a log group)", of("aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination", { deliveryDestinationConfiguration: { destinationResourceArn: "arn:aws:logs:eu-central-1:123456789012:log-group:central" } }), "`deliveryDestinationConfiguration.destinationResourceArn`"],
            ["a metric stream", of("aws:cloudwatch/metricStream:MetricStream", { firehoseArn: stream("us-east-1"), roleArn: "arn:aws:iam::123456789012:role/r", outputFormat: "json" }), "`firehoseArn`"],
            ["an EventBridge rule target (a bus in another region)", eventTarget({ arn: "arn:aws:events:us-east-1:123456789012:event-bus/default" }), "`arn`"],
            ["an EventBridge target's dead-letter queue", eventTarget({ arn: sqs("ap-northeast-1"), deadLetterConfig: { arn: sqs("us-east-1") } }), "`deadLetterConfig.arn`"],
            ["an event bus's dead-letter queue", of("aws:cloudwatch/eventBus:EventBus", { name: "b", deadLetterConfig: { arn: sqs("us-east-1") } }), "`deadLetterConfig.arn`"],
            ["a global endpoint's secondary bus", of("aws:cloudwatch/eventEndpoint:EventEndpoint", { routingConfig: {}, eventBuses: [{ eventBusArn: "arn:aws:events:ap-northeast-1:123456789012:event-bus/b" }, { eventBusArn: "arn:aws:events:us-west-2:123456789012:event-bus/b" }] }), "`eventBuses[1].eventBusArn`"],
            ["a schedule's target", of("aws:scheduler/schedule:Schedule", { scheduleExpression: "rate(1 hour)", flexibleTimeWindow: { mode: "OFF" }, target: { arn: sqs("us-east-1"), roleArn: "arn:aws:iam::123456789012:role/r" } }), "`target.arn`"],
            ["a pipe's target", of("aws:pipes/pipe:Pipe", { roleArn: "arn:aws:iam::123456789012:role/r", source: sqs("ap-northeast-1"), target: sqs("eu-west-1") }), "`target`"],
            ["a pipe's enrichment", of("aws:pipes/pipe:Pipe", { roleArn: "arn:aws:iam::123456789012:role/r", source: sqs("ap-northeast-1"), target: sqs("ap-northeast-1"), enrichment: "arn:aws:lambda:eu-west-1:123456789012:function:e" }), "`enrichment`"],
            ["a Firehose Lambda processor", firehose({ extendedS3Configuration: lambdaProcessor("arn:aws:lambda:us-east-1:123456789012:function:p") }), "`extendedS3Configuration.processingConfiguration.processors[0].parameters[1].parameterValue`"],
            ["a Firehose OpenSearch domain", firehose({ destination: "opensearch", opensearchConfiguration: { domainArn: "arn:aws:es:us-east-1:123456789012:domain/d", indexName: "i", roleArn: "arn:aws:iam::123456789012:role/r" } }), "`opensearchConfiguration.domainArn`"],
            ["a Firehose Iceberg catalog", firehose({ destination: "iceberg", icebergConfiguration: { catalogArn: "arn:aws:glue:us-east-1:123456789012:catalog", roleArn: "arn:aws:iam::123456789012:role/r" } }), "`icebergConfiguration.catalogArn`"],
            ["a Lambda success destination", of("aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig", { functionName: "f", destinationConfig: { onSuccess: { destination: "arn:aws:sns:us-east-1:123456789012:t" } } }), "`destinationConfig.onSuccess.destination`"],
            ["an event source mapping's failure destination", of("aws:lambda/eventSourceMapping:EventSourceMapping", { functionName: "f", destinationConfig: { onFailure: { destinationArn: sqs("us-east-1") } } }), "`destinationConfig.onFailure.destinationArn`"],
            ["an SES event destination (Firehose)", of("aws:sesv2/configurationSetEventDestination:ConfigurationSetEventDestination", { configurationSetName: "c", eventDestinationName: "d", eventDestination: { matchingEventTypes: ["SEND"], kinesisFirehoseDestination: { deliveryStreamArn: stream("us-east-1"), iamRoleArn: "arn:aws:iam::123456789012:role/r" } } }), "`eventDestination.kinesisFirehoseDestination.deliveryStreamArn`"],
            ["a DataSync task", of("aws:datasync/task:Task", { sourceLocationArn: "arn:aws:datasync:ap-northeast-1:123456789012:location/loc-1", destinationLocationArn: "arn:aws:datasync:us-east-1:123456789012:location/loc-2" }), "`destinationLocationArn`"],
        ])("when %s delivers to a disallowed region", async (_, input, path) => {
            const r = await runResourcePolicy(policy, input);
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain(`the region of ${path}, where data is delivered, is not an allowed region ${ALLOWED}`);
        });

        it("when the endpoint is a secret, without printing it", async () => {
            const r = await runResourcePolicy(policy, sub("sqs", secret(sqs("sa-east-1"))));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("sa-east-1");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the subscription endpoint is unknown (the queue is created in the same update)", async () => {
            const r = await runResourcePolicy(policy, sub("sqs", UNKNOWN));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("endpoint");
        });

        it("cannot decide while a global endpoint's bus ARN is unknown", async () => {
            const input = of("aws:cloudwatch/eventEndpoint:EventEndpoint", { routingConfig: {}, eventBuses: [{ eventBusArn: "arn:aws:events:ap-northeast-1:123456789012:event-bus/b" }, { eventBusArn: UNKNOWN }] });
            expect((await runResourcePolicy(policy, input)).verdict).toBe("unknown");
        });

        it("cannot decide while a Firehose processor's parameter name is unknown", async () => {
            const input = firehose({ extendedS3Configuration: { bucketArn: "arn:aws:s3:::logs", roleArn: "r", processingConfiguration: { processors: [{ type: "Lambda", parameters: [{ parameterName: UNKNOWN, parameterValue: "x" }] }] } } });
            expect((await runResourcePolicy(policy, input)).verdict).toBe("unknown");
        });

        it("still fails when a known target is disallowed and another is unknown", async () => {
            expect((await runResourcePolicy(policy, eventTarget({ arn: UNKNOWN, deadLetterConfig: { arn: sqs("us-east-1") } }))).verdict).toBe("fail");
        });
    });

    describe("config", () => {
        it("allows the configured regions instead of the default ones", async () => {
            const config = { allowedRegions: ["eu-west-1"] };
            expect((await runResourcePolicy(policy, sub("sqs", sqs("eu-west-1")), config)).verdict).toBe("pass");
            const r = await runResourcePolicy(policy, sub("sqs", sqs("ap-northeast-1")), config);
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("(allowed: eu-west-1)");
        });

        it("rejects a region AWS does not have, naming the key", async () => {
            await expect(runResourcePolicy(policy, sub("sqs", sqs("ap-northeast-1")), { allowedRegions: ["ap-northest-1"] })).rejects.toThrow("config key 'allowedRegions[0]'");
        });
    });
});
