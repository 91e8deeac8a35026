import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

const LB = "aws:lb/loadBalancer:LoadBalancer";
const CLASSIC = "aws:elb/loadBalancer:LoadBalancer";

export default defineResourcePolicy({
    name: "aws-elb-load-balancer-enable-access-logging",
    title: "Application and Classic Load Balancers write access logs",
    cloud: "aws",
    control: "log-retention",
    severity: "medium",
    description:
        "Application Load Balancers and Classic Load Balancers should write access logs to S3, so that the requests of " +
        "an incident can be traced. Access logging is off unless declared: an Application Load Balancer needs " +
        "`accessLogs.enabled: true` (it defaults to false even with a bucket), a Classic Load Balancer an `accessLogs` " +
        "block (enabled by default). Network and Gateway Load Balancers are not judged. Advisory by default: many load " +
        "balancers (internal, short-lived, test) legitimately run without access logs; make it mandatory where your " +
        "benchmark requires them.",
    remediation:
        "Application Load Balancer: set `accessLogs: { bucket: <bucket>, enabled: true }` (the bucket policy must let " +
        "the region's ELB log delivery write). Classic Load Balancer: add `accessLogs: { bucket: <bucket> }` and do not " +
        "set `enabled: false`. Keep the bucket's objects with a lifecycle that matches your retention.",
    frameworks: [{ framework: "aws-fsbp", version: "1.0.0", id: "ELB.5" }],
    enforcementLevel: "advisory",
    resourceTypes: [LB, CLASSIC],
    config: {},
    catalogue: ["aws-log-elb-access"],
    examples: {
        pass: [
            { title: "an ALB with access logs", type: LB, props: { accessLogs: { bucket: "lb-logs", enabled: true } } },
            { title: "a network load balancer (not judged)", type: LB, props: { loadBalancerType: "network" } },
            { title: "a Classic Load Balancer with access logs", type: CLASSIC, props: { accessLogs: { bucket: "lb-logs" } } },
        ],
        fail: [
            { title: "an ALB without access logs", type: LB, props: {} },
            { title: "an ALB that names a bucket but leaves logging off", type: LB, props: { accessLogs: { bucket: "lb-logs" } } },
        ],
    },
    check(resource) {
        if (resource.canonicalType === LB) {
            const { props } = resource;
            const type = props.get("loadBalancerType");
            const logs = props.get("accessLogs");
            const enabled = logs.get("enabled");
            const bucket = logs.get("bucket");
            if (enabled.isTrue() && !bucket.isBlank) return pass;
            if (!type.isBlank && !type.isOneOf("application")) return type.isUnknown ? unknown(type, enabled, bucket) : pass;
            if (enabled.isUnknown || bucket.isUnknown) return unknown(enabled, bucket);
            return fail(
                logs.isUnset
                    ? "the Application Load Balancer declares no `accessLogs`, so it writes no access logs; set `accessLogs: { bucket: <bucket>, enabled: true }`."
                    : "`accessLogs.enabled` is not true (it defaults to false, even with a bucket), so the Application Load Balancer writes no access logs; set it to true.",
            );
        }
        const logs = resource.props.get("accessLogs");
        const enabled = logs.get("enabled");
        const bucket = logs.get("bucket");
        // A bucket that is unknown during preview comes from another resource: it is set.
        if (logs.isUnknown || enabled.isUnknown) return unknown(logs, enabled);
        if (logs.isSet && !enabled.isFalse() && !bucket.isBlank) return pass;
        return fail(
            logs.isSet && enabled.isFalse()
                ? "`accessLogs.enabled` is false, so the Classic Load Balancer writes no access logs; remove it or set it to true."
                : "the Classic Load Balancer declares no `accessLogs` bucket, so it writes no access logs; add `accessLogs: { bucket: <bucket> }`.",
        );
    },
});
