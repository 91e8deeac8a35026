import { defineStackPolicy, type StackView } from "../core/policy";
import { configExemptions, EXEMPT_TAG_PREFIX, type Exemption, exemptionSettings, EXEMPTIONS_POLICY, exemptionsConfig, matchesResource, sourceText, standing, tagExemptions, today } from "../core/exemptions";
import { fail, pass, type Verdict, unknown } from "../core/verdict";

const ROOT_STACK = "pulumi:pulumi:Stack";

/** The root stack's URN, where a problem of the config (no resource of its own) is reported. */
function rootUrn(stack: StackView): string {
    const root = stack.resources.find((r) => r.type === ROOT_STACK);
    if (root) return root.urn;
    const m = /^urn:pulumi:([^:]*)::([^:]*)::/.exec(stack.resources[0]?.urn ?? "");
    return m ? `urn:pulumi:${m[1]}::${m[2]}::${ROOT_STACK}::${m[2]}-${m[1]}` : "";
}

/** Whether a resource's properties carry `srguard-exempt:` tags (known or not): all that it judges on a resource. */
function hasExemptionTags(props: unknown): boolean {
    const reading = tagExemptions(props);
    return reading.exemptions.length > 0 || reading.unknownKeys.length > 0;
}

function described(e: Exemption, problems: readonly string[]): string {
    const what = e.source === "config" ? `${sourceText(e)} (policy ${e.policy}, resource '${e.resource ?? ""}')` : sourceText(e);
    return `${what} ${problems.join("; ")}: it is not honoured.`;
}

export default defineStackPolicy({
    name: EXEMPTIONS_POLICY,
    title: "Exemptions have a reason, an expiry date within maxDays, and match a resource",
    cloud: "any",
    control: "exemptions",
    severity: "high",
    description:
        "Holds the pack's exemptions (config entries and `srguard-exempt:<policy>` tags) and reports every one that cannot count: no reason, no or a malformed expiry date, an expiry more than maxDays ahead, a secret tag value, a policy the pack does not have, a config entry that matches no resource, or a tag while in-code exemptions are not allowed.",
    remediation:
        "Give the exemption a reason and an expiry date (YYYY-MM-DD) at most maxDays ahead; point `policy` and `resource` at a policy of the pack and a resource of the stack, or delete the exemption. A tag exemption is written `srguard-exempt:<policy>` = `<YYYY-MM-DD> <reason>`.",
    frameworks: [],
    enforcementLevel: "mandatory",
    resourceTypes: "all",
    config: exemptionsConfig,
    // Without config exemptions it speaks only of resources with exemption tags (what the loop below reads).
    scope: (config) => (configExemptions(config).length ? undefined : { where: hasExemptionTags }),
    examples: {
        pass: [
            { title: "a stack without exemptions", resources: [{ type: "aws:sqs/queue:Queue", name: "jobs", props: { sqsManagedSseEnabled: false } }] },
            {
                title: "an expired tag exemption (it no longer counts, and the violation it covered says so)",
                resources: [{ type: "aws:sqs/queue:Queue", name: "jobs", props: { tags: { "srguard-exempt:aws-sqs-queue-require-encryption": "2001-01-31 legacy consumer" } } }],
            },
        ],
        fail: [
            {
                title: "a tag exemption without a reason after its date",
                resources: [{ type: "aws:sqs/queue:Queue", name: "jobs", props: { tags: { "srguard-exempt:aws-sqs-queue-require-encryption": "2001-01-31" } } }],
            },
            {
                title: "a tag exemption whose expiry is not a date YYYY-MM-DD",
                resources: [{ type: "azure-native:storage:StorageAccount", name: "website", props: { tags: { "srguard-exempt:azure-storage-account-disallow-public-blob-access": "31.01.2001 public site" } } }],
            },
            {
                title: "a tag exemption while in-code exemptions are not allowed",
                resources: [{ type: "aws:sqs/queue:Queue", name: "jobs", props: { tags: { "srguard-exempt:aws-sqs-queue-require-encryption": "2001-01-31 legacy consumer" } } }],
                config: { allowInCodeExemptions: false },
            },
        ],
    },
    *check(stack, config) {
        const now = today();
        // The pack's policy names as the engine configured them (unknown when the pack did not see Configure).
        const names = exemptionSettings()?.policyNames;
        const root = rootUrn(stack);
        for (const e of configExemptions(config)) {
            const s = standing(e, now, config.maxDays);
            const problems = s.kind === "invalid" ? [...s.problems] : [];
            if (names && !names.has(e.policy)) problems.push(`names no policy of this pack ('${e.policy}')`);
            if (!stack.resources.some((r) => matchesResource(e.resource ?? "", r.urn, r.name))) problems.push("matches no resource of this stack (by URN or name)");
            if (problems.length) yield { urn: root, verdict: fail(described(e, problems)) };
        }
        for (const r of stack.resources) {
            const reading = tagExemptions(r.props);
            if (!reading.exemptions.length && !reading.unknownKeys.length) continue;
            const messages: string[] = [];
            if (!config.allowInCodeExemptions) {
                for (const e of reading.exemptions) {
                    messages.push(`${sourceText(e)}: in-code exemptions are not allowed here (allowInCodeExemptions is false): remove the tag, or ask for a config exemption.`);
                }
            } else {
                for (const e of reading.exemptions) {
                    const s = standing(e, now, config.maxDays);
                    const problems = s.kind === "invalid" ? [...s.problems] : [];
                    if (names && !names.has(e.policy)) problems.push(`names no policy of this pack (tag keys are \`${EXEMPT_TAG_PREFIX}<policy>\`)`);
                    if (problems.length) messages.push(described(e, problems));
                }
            }
            const verdict: Verdict = messages.length
                ? fail(...messages)
                : config.allowInCodeExemptions && reading.unknownKeys.length
                  ? unknown(...reading.unknownKeys.map((k) => `the value of tag ${k}`))
                  : pass;
            if (verdict.kind !== "pass") yield { urn: r.urn, verdict };
        }
    },
});
