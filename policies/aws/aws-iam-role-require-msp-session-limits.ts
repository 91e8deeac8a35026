import { judgeMfa, statementPosition } from "../core/iam";
import { mspRole, ORGANIZATION_ACCOUNT_IDS, roleOrganization, THIRD_PARTY_ROLE_NAMES } from "../core/msp";
import { defineResourcePolicy, type PropsOf } from "../core/policy";
import { byRoleKind } from "../core/role-kind";
import { all, each, fail, failIf, pass, unknown, type Verdict } from "../core/verdict";
import { ASSUME_ROLE } from "../core/trust";

/** AWS's `MaxSessionDuration` when the role leaves it unset. */
const AWS_DEFAULT_SESSION_SECONDS = 3600;

const TYPE = "aws:iam/role:Role";
/** The examples' organisation (the MSP's account is another). */
const EXAMPLE_CONFIG = { organizationAccountIds: ["111122223333"] };
const MSP_TRUST = JSON.stringify({
    Version: "2012-10-17",
    Statement: [
        {
            Effect: "Allow",
            Principal: { AWS: "arn:aws:iam::444455556666:role/msp-operator" },
            Action: "sts:AssumeRole",
            Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" }, NumericLessThanEquals: { "aws:MultiFactorAuthAge": "3600" } },
        },
    ],
});

function isSet(v: unknown): boolean {
    return v !== undefined && v !== null && v !== "";
}

/** `maxSessionDuration` in seconds (a number, or a number as text); unset is AWS's default; undefined if malformed. */
function sessionSeconds(v: unknown): number | undefined {
    if (!isSet(v)) return AWS_DEFAULT_SESSION_SECONDS;
    const n = typeof v === "number" ? v : typeof v === "string" ? Number(v.trim()) : NaN;
    return Number.isFinite(n) ? n : undefined;
}

/** Sessions no longer than `limit` seconds (unset: AWS's 3600 seconds). */
function sessionDuration(props: PropsOf<typeof TYPE>, limit: number): Verdict {
    const duration = props.get("maxSessionDuration");
    if (duration.isUnknown) return unknown(duration);
    const seconds = sessionSeconds(duration.value);
    if (seconds !== undefined && seconds <= limit) return pass;
    const what =
        seconds === undefined
            ? "`maxSessionDuration` is not a number of seconds"
            : isSet(duration.value)
              ? `\`maxSessionDuration\` is longer than ${limit} seconds`
              : `\`maxSessionDuration\` is unset, so AWS allows ${AWS_DEFAULT_SESSION_SECONDS} seconds, longer than ${limit}`;
    return fail(`${what}; set it to ${limit} or less.`);
}

export default defineResourcePolicy({
    name: "aws-iam-role-require-msp-session-limits",
    title: "MSP roles bound their sessions and the age of the MFA behind them",
    cloud: "aws",
    control: "msp-delegation",
    severity: "high",
    description:
        "A role that principals of another AWS account can assume (an MSP role) must keep its sessions short " +
        "(`maxSessionDuration` at most `maxSessionDurationSeconds`, 1 hour by default; unset is AWS's 1 hour), so that " +
        "stolen session credentials expire and cutting the MSP off takes effect within the hour; and a role for people must " +
        "bound how old the MFA behind a session may be (`aws:MultiFactorAuthAge` at most `maxMfaAgeSeconds`).",
    remediation:
        "Set `maxSessionDuration` to 3600 or less (or leave it unset), and add `\"NumericLessThanEquals\": " +
        "{\"aws:MultiFactorAuthAge\": \"3600\"}` (or less) next to the MFA condition of every statement that trusts the MSP.",
    frameworks: [
        { framework: "iso27001", version: "2022", id: "A.8.2" },
        { framework: "iso27001", version: "2022", id: "A.5.18" },
        { framework: "iso27001", version: "2022", id: "A.5.19" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [TYPE],
    config: {
        ...ORGANIZATION_ACCOUNT_IDS,
        maxSessionDurationSeconds: {
            type: "integer",
            default: 3600,
            minimum: 900,
            maximum: 43200,
            description: "Longest `maxSessionDuration` (seconds) an MSP role may allow. A role that leaves it unset gets AWS's 3600.",
        },
        maxMfaAgeSeconds: {
            type: "integer",
            default: 3600,
            minimum: 60,
            maximum: 129600,
            description:
                "Largest `aws:MultiFactorAuthAge` (seconds) the MFA statements of an MSP role for people may accept " +
                "(`NumericLessThan[Equals]`).",
        },
        ...THIRD_PARTY_ROLE_NAMES,
    },
    examples: {
        pass: [{ title: "an MSP role with 1-hour sessions and a 1-hour MFA age", type: TYPE, props: { assumeRolePolicy: MSP_TRUST, maxSessionDuration: 3600 }, config: EXAMPLE_CONFIG }],
        fail: [{ title: "an MSP role with 12-hour sessions", type: TYPE, props: { assumeRolePolicy: MSP_TRUST, maxSessionDuration: 43200 }, config: EXAMPLE_CONFIG }],
    },
    check(resource, config) {
        const { props } = resource;
        const trustPolicy = props.get("assumeRolePolicy");
        const role = mspRole(trustPolicy, roleOrganization(resource, config.organizationAccountIds));
        if (role.kind === "unknown") return unknown(...role.needs);
        if (role.kind !== "msp") return pass; // an invalid trust policy is aws-iam-role-restrict-msp-trust's to report
        // MFA age, on the statements that require MFA — by their own condition or an explicit Deny (a statement without
        // MFA is the trust policy's to report), for a role for people.
        const max = config.maxMfaAgeSeconds;
        const ages = each(role.statements, ({ statement }) =>
            judgeMfa(statement, role.document, ASSUME_ROLE, (mfa) =>
                failIf(
                    mfa.required && (mfa.maxAge === undefined || mfa.maxAge > max),
                    `\`assumeRolePolicy\` ${statementPosition(statement)} does not bound \`aws:MultiFactorAuthAge\` to at most ` +
                        `${max} seconds; add \`NumericLessThanEquals\` \`aws:MultiFactorAuthAge\` ${max} (or less) to its Condition.`,
                ),
            ),
        );
        const mfaAge = ages.kind === "pass" ? pass : byRoleKind(props, config.thirdPartyRoleNames, () => pass, () => ages);
        return all([sessionDuration(props, config.maxSessionDurationSeconds), mfaAge, role.undecided.length ? unknown(...role.undecided) : pass]);
    },
});
