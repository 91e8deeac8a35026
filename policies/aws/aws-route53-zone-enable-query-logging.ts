import { requireLogCompanions } from "../core/log-companions";
import { defineStackPolicy } from "../core/policy";
import { Companions, Join } from "../core/stack";
import { unknown } from "../core/verdict";

const ZONE = "aws:route53/zone:Zone";
const QUERY_LOG = "aws:route53/queryLog:QueryLog";

export default defineStackPolicy({
    name: "aws-route53-zone-enable-query-logging",
    title: "Route 53 public hosted zones log DNS queries",
    cloud: "aws",
    control: "log-retention",
    severity: "medium",
    description:
        "Every public hosted zone of the stack (an aws.route53.Zone without `vpcs`) should have a QueryLog whose `zoneId` " +
        "refers to it, so that the DNS queries it answers are kept in CloudWatch Logs (FSBP Route53.2); a zone logs no " +
        "queries unless a QueryLog is created. Private zones are not judged (their queries are Resolver query logs). A " +
        "QueryLog joins its zone by property dependency (`zoneId: zone.zoneId`). Advisory by default: FSBP-only (CIS AWS " +
        "v3.0.0 has no Route 53 item), and many zones legitimately run without query logs; make it mandatory where your " +
        "benchmark requires them.",
    remediation:
        "Add an `aws.route53.QueryLog` with `zoneId: zone.zoneId` and `cloudwatchLogGroupArn` a log group in us-east-1 " +
        "(with a resource policy that lets route53.amazonaws.com write) that has a retention " +
        "(aws-cloudwatch-log-group-configure-retention).",
    frameworks: [{ framework: "aws-fsbp", version: "1.0.0", id: "Route53.2" }],
    enforcementLevel: "advisory",
    resourceTypes: [ZONE, QUERY_LOG],
    config: {},
    catalogue: ["aws-log-route53-query"],
    examples: {
        pass: [
            {
                title: "a public zone with a query log",
                resources: [
                    { type: ZONE, name: "example-com", props: { name: "example.com" } },
                    { type: QUERY_LOG, name: "example-com-queries", props: { cloudwatchLogGroupArn: "arn:aws:logs:us-east-1:111122223333:log-group:/aws/route53/example.com" }, propertyDependencies: { zoneId: ["example-com"] } },
                ],
            },
            { title: "a private zone (not judged)", resources: [{ type: ZONE, name: "internal", props: { name: "internal.example", vpcs: [{ vpcId: "vpc-0abc" }] } }] },
        ],
        fail: [{ title: "a public zone without a query log", resources: [{ type: ZONE, name: "example-com", props: { name: "example.com" } }] }],
    },
    *check(stack) {
        const zones = stack.ofType(ZONE);
        if (!zones.length) return;
        const publicZones = [];
        for (const zone of zones) {
            const vpcs = zone.props.get("vpcs");
            if (vpcs.isUnknown) yield { urn: zone.urn, verdict: unknown(vpcs) };
            else if (!vpcs.items().length) publicZones.push(zone);
        }
        // A zone's id is not one of its inputs: a query log joins a zone of the stack by property dependency only.
        yield* requireLogCompanions({
            targets: publicZones,
            companions: new Companions(new Join(publicZones, () => []), stack.ofType(QUERY_LOG), "zoneId"),
            property: "zoneId",
            missing:
                "no QueryLog in this stack has a `zoneId` referring to this public hosted zone, so its DNS queries are not logged; add an `aws.route53.QueryLog` with `zoneId: <zone>.zoneId` and a us-east-1 log group.",
        });
    },
});
