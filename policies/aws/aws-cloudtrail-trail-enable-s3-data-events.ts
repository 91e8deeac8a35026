// Some CloudTrail trail of the stack records S3 object-level data events, write (CIS AWS v3.0.0 3.8) and read (3.9):
// an event selector with a data resource of type AWS::S3::Object, or an advanced selector on `resources.type`
// AWS::S3::Object (core/cloudtrail-events.ts). One trail may record the writes and another the reads. A stack without
// a trail is not judged: the account's trail (often an organisation trail) may live in another stack.

import { s3ObjectEvents } from "../core/cloudtrail-events";
import { defineStackPolicy, type StackExampleResource } from "../core/policy";
import type { Value } from "../core/read";
import { fail, unknown } from "../core/verdict";

const TRAIL = "aws:cloudtrail/trail:Trail";

const trail = (eventSelectors: unknown): StackExampleResource => ({ type: TRAIL, name: "trail", props: { s3BucketName: "acme-trail-logs", eventSelectors } });

export default defineStackPolicy({
    name: "aws-cloudtrail-trail-enable-s3-data-events",
    title: "A CloudTrail trail of the stack records S3 object-level read and write events",
    cloud: "aws",
    control: "log-retention",
    severity: "medium",
    description:
        "When the stack holds CloudTrail trails, one of them should record S3 object-level data events — writes (CIS AWS " +
        "v3.0.0 3.8) and reads (3.9), by the same trail or two: an `eventSelectors` entry with a `dataResources` item of " +
        "type `AWS::S3::Object` (`readWriteType` All, the default, or WriteOnly / ReadOnly), or an `advancedEventSelectors` " +
        "entry whose `resources.type` field selector equals `AWS::S3::Object` (a `readOnly` field selector narrows it). " +
        "CloudTrail records no data events unless asked. Which buckets a selector names is not judged. A stack without a " +
        "trail is not judged. Advisory by default although CIS requires it: data events are often recorded by an " +
        "organisation trail, or a dedicated data-event trail, that another stack manages and this stack cannot see, and " +
        "they are billed per event; make it mandatory where each stack's own trail must record them.",
    remediation:
        "Add to a trail an event selector `{ readWriteType: \"All\", includeManagementEvents: true, dataResources: [{ type: " +
        "\"AWS::S3::Object\", values: [\"arn:aws:s3\"] }] }` (every bucket), or an advanced selector with " +
        "`eventCategory` = Data and `resources.type` = AWS::S3::Object.",
    frameworks: [
        { framework: "cis-aws", version: "3.0.0", id: "3.8" },
        { framework: "cis-aws", version: "3.0.0", id: "3.9" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: [TRAIL],
    config: {},
    catalogue: ["aws-log-s3-object-level-events"],
    examples: {
        pass: [{ title: "a trail that records S3 object reads and writes in every bucket", resources: [trail([{ readWriteType: "All", dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3"] }] }])] }],
        fail: [
            { title: "a trail with management events only (the default)", resources: [{ type: TRAIL, name: "trail", props: { s3BucketName: "acme-trail-logs" } }] },
            { title: "a trail that records S3 object writes only", resources: [trail([{ readWriteType: "WriteOnly", dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3"] }] }])] },
        ],
    },
    *check(stack) {
        const trails = stack.ofType(TRAIL);
        if (!trails.length) return;
        let reads = false;
        let writes = false;
        const pending: { urn: string; value: Value }[] = [];
        for (const t of trails) {
            const e = s3ObjectEvents(t.props);
            reads ||= e.reads;
            writes ||= e.writes;
            if (e.unknown) pending.push({ urn: t.urn, value: e.unknown });
        }
        if (reads && writes) return;
        if (pending.length) {
            for (const p of pending) yield { urn: p.urn, verdict: unknown(p.value) };
            return;
        }
        const missing = [writes ? "" : "write (CIS 3.8)", reads ? "" : "read (CIS 3.9)"].filter(Boolean).join(" and ");
        for (const t of trails) {
            yield {
                urn: t.urn,
                verdict: fail(
                    `no CloudTrail trail of this stack records S3 object-level ${missing} data events, so who wrote or read objects ` +
                        "is not recorded; add an event selector with a `dataResources` item of type `AWS::S3::Object` " +
                        "(`readWriteType` All) to a trail, or an advanced selector on `resources.type` AWS::S3::Object.",
                ),
            };
        }
    },
});
