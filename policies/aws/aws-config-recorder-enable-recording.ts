import { defineStackPolicy } from "../core/policy";
import { Companions, Join } from "../core/stack";
import { all, fail, failIf, pass, unknown, type Verdict } from "../core/verdict";

const RECORDER = "aws:cfg/recorder:Recorder";
const STATUS = "aws:cfg/recorderStatus:RecorderStatus";
const RETENTION = "aws:cfg/retentionConfiguration:RetentionConfiguration";
/** The recorder name AWS Config (and the provider) uses when none is given. */
const DEFAULT_NAME = "default";

export default defineStackPolicy({
    name: "aws-config-recorder-enable-recording",
    title: "AWS Config recorders record every resource type, and are turned on",
    cloud: "aws",
    control: "log-retention",
    severity: "medium",
    description:
        "A configuration recorder the stack manages must record every supported resource type (`recordingGroup." +
        "allSupported` not false, which is its default) including global resource types such as IAM " +
        "(`recordingGroup.includeGlobalResourceTypes` true; it defaults to false), and must be turned on: a RecorderStatus " +
        "for it (joined by `name`) with `isEnabled` true — a recorder that nothing starts records nothing. A " +
        "RetentionConfiguration must keep the configuration history at least `minimumRetentionDays` (AWS keeps 7 years " +
        "when there is none).",
    remediation:
        "Leave `recordingGroup.allSupported` unset or true and set `recordingGroup.includeGlobalResourceTypes: true`; add " +
        "an `aws.cfg.RecorderStatus` with `name: recorder.name` and `isEnabled: true` (with a delivery channel); set " +
        "`retentionPeriodInDays` of a RetentionConfiguration to at least the minimum, or remove it. AWS advises recording " +
        "global resource types in one region only: set `requireGlobalResourceTypes: false` for the stacks of the other regions.",
    frameworks: [
        { framework: "cis-aws", version: "3.0.0", id: "3.3" },
        { framework: "iso27001", version: "2022", id: "A.8.15" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [RECORDER, STATUS, RETENTION],
    config: {
        requireGlobalResourceTypes: {
            type: "boolean",
            default: true,
            description: "Require `recordingGroup.includeGlobalResourceTypes: true` (CIS 3.3). Set to false in stacks for regions that do not record global resources.",
        },
        minimumRetentionDays: {
            type: "integer",
            default: 365,
            minimum: 30,
            maximum: 2557,
            description: "Fewest days a RetentionConfiguration may keep the configuration history (AWS accepts 30 to 2557).",
        },
    },
    catalogue: ["aws-log-config-recorder"],
    examples: {
        pass: [
            {
                title: "a recorder of every resource type, turned on",
                resources: [
                    { type: RECORDER, name: "recorder", props: { name: "main", roleArn: "arn:aws:iam::111122223333:role/config", recordingGroup: { allSupported: true, includeGlobalResourceTypes: true } } },
                    { type: STATUS, name: "recorder-on", props: { name: "main", isEnabled: true } },
                ],
            },
        ],
        fail: [
            {
                title: "a recorder that nothing turns on",
                resources: [{ type: RECORDER, name: "recorder", props: { name: "main", roleArn: "arn:aws:iam::111122223333:role/config", recordingGroup: { includeGlobalResourceTypes: true } } }],
            },
            {
                title: "a recorder of selected resource types only",
                resources: [
                    { type: RECORDER, name: "recorder", props: { name: "main", roleArn: "arn:aws:iam::111122223333:role/config", recordingGroup: { allSupported: false, resourceTypes: ["AWS::S3::Bucket"] } } },
                    { type: STATUS, name: "recorder-on", props: { name: "main", isEnabled: true } },
                ],
            },
        ],
    },
    *check(stack, config) {
        const recorders = stack.ofType(RECORDER);
        // A RecorderStatus names its recorder: by property dependency (`name: recorder.name`) or by the literal name.
        const recordersByName = new Join(recorders, (r) => {
            const name = r.props.get("name");
            return name.isText() ? [name.text() ?? ""] : name.isUnset ? [DEFAULT_NAME] : [];
        });
        const statusesOf = new Companions(recordersByName, stack.ofType(STATUS), "name");
        const statuses = new Map<string, Verdict[]>();
        for (const recorder of recorders) {
            // a status of another stack's recorder (or one not yet known: judged below) belongs to none of these
            statuses.set(
                recorder.urn,
                statusesOf.of(recorder).map((s) => {
                    const enabled = s.props.get("isEnabled");
                    return enabled.isUnknown
                        ? unknown(`\`isEnabled\` of RecorderStatus ${s.name}`)
                        : failIf(!enabled.isTrue(), `RecorderStatus ${s.name} has \`isEnabled\` false, so the recorder is stopped; set it to true.`);
                }),
            );
        }
        const undecidedStatus = statusesOf.unresolved;

        for (const recorder of recorders) {
            const group = recorder.props.get("recordingGroup");
            const allSupported = group.get("allSupported");
            const global = group.get("includeGlobalResourceTypes");
            const recording: Verdict[] = [
                allSupported.isUnknown
                    ? unknown(allSupported)
                    : failIf(allSupported.isFalse(), "`recordingGroup.allSupported` is false, so the recorder records only the listed resource types; remove it or set it to true."),
            ];
            if (config.requireGlobalResourceTypes) {
                recording.push(
                    global.isUnknown
                        ? unknown(global)
                        : failIf(
                              !global.isTrue(),
                              "`recordingGroup.includeGlobalResourceTypes` is not true, so changes to IAM users, roles and policies are not recorded; set it to true (or, in a stack for a region that does not record global resources, set the policy's `requireGlobalResourceTypes` to false).",
                          ),
                );
            }
            const own = statuses.get(recorder.urn) ?? [];
            let running: Verdict;
            if (own.length) running = all(own);
            else if (undecidedStatus.length) running = unknown(`the recorder that RecorderStatus ${undecidedStatus.map((s) => s.name).join(", ")} turns on (\`name\`)`);
            else running = fail("no RecorderStatus in this stack turns this recorder on, so it records nothing; add an `aws.cfg.RecorderStatus` with `name: <recorder>.name` and `isEnabled: true`.");
            yield { urn: recorder.urn, verdict: all([...recording, running]) };
        }

        for (const retention of stack.ofType(RETENTION)) {
            const days = retention.props.get("retentionPeriodInDays");
            const n = days.number();
            const verdict: Verdict = days.isUnknown
                ? unknown(days)
                : n !== undefined && n < config.minimumRetentionDays
                  ? fail(`\`retentionPeriodInDays\` is shorter than ${config.minimumRetentionDays} days; set it to at least ${config.minimumRetentionDays}, or remove the RetentionConfiguration (AWS then keeps 7 years).`)
                  : pass;
            yield { urn: retention.urn, verdict };
        }
    },
});
