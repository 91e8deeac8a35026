import { maxMfaAge, requiresMfa, statementPosition } from "../core/iam";
import { classify, ORGANIZATION_ACCOUNT_IDS, THIRD_PARTY_ROLE_NAMES } from "../core/msp";
import { defineResourcePolicy } from "../core/policy-legacy";
import { declaredThirdParty, declaredThirdPartyIfKnown } from "../core/role-kind";
import { isKnown } from "../core/values";

/** AWS's `MaxSessionDuration` when the role leaves it unset. */
const AWS_DEFAULT_SESSION_SECONDS = 3600;

function isSet(v: unknown): boolean {
    return v !== undefined && v !== null && v !== "";
}

/** `maxSessionDuration` in seconds (a number, or a number as text); unset is AWS's default; undefined if malformed. */
function sessionSeconds(v: unknown): number | undefined {
    if (!isSet(v)) return AWS_DEFAULT_SESSION_SECONDS;
    const n = typeof v === "number" ? v : typeof v === "string" ? Number(v.trim()) : NaN;
    return Number.isFinite(n) ? n : undefined;
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
    resourceTypes: ["aws:iam/role:Role"],
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
    check({ props }, config, report) {
        const role = classify(props.assumeRolePolicy, config.organizationAccountIds);
        if (role.kind !== "msp") return; // an invalid trust policy is aws-iam-role-restrict-msp-trust's to report
        let reported = false;

        // Session duration, when it is known (unset: AWS's 3600 seconds).
        const durationKnown = isKnown(props, "maxSessionDuration");
        if (durationKnown) {
            const seconds = sessionSeconds(props.maxSessionDuration);
            if (seconds === undefined || seconds > config.maxSessionDurationSeconds) {
                reported = true;
                const what =
                    seconds === undefined
                        ? "`maxSessionDuration` is not a number of seconds"
                        : isSet(props.maxSessionDuration)
                          ? `\`maxSessionDuration\` is longer than ${config.maxSessionDurationSeconds} seconds`
                          : `\`maxSessionDuration\` is unset, so AWS allows ${AWS_DEFAULT_SESSION_SECONDS} seconds, longer than ${config.maxSessionDurationSeconds}`;
                report(`${what}; set it to ${config.maxSessionDurationSeconds} or less.`);
            }
        }

        // MFA age, on the statements that require MFA (a statement without MFA is the trust policy's to report), for
        // a role for people. Whether it is for people is read through the proxy only when the verdict depends on it.
        const withMfa = role.statements.filter(({ statement }) => requiresMfa(statement));
        const unbounded = withMfa.filter(({ statement }) => {
            const age = maxMfaAge(statement);
            return age === undefined || age > config.maxMfaAgeSeconds;
        });
        if (unbounded.length) {
            const automation = reported ? declaredThirdPartyIfKnown(props, config.thirdPartyRoleNames) : declaredThirdParty(props, config.thirdPartyRoleNames);
            if (automation === false) {
                reported = true;
                for (const { statement } of unbounded) {
                    report(
                        `\`assumeRolePolicy\` ${statementPosition(statement)} does not bound \`aws:MultiFactorAuthAge\` to at most ` +
                            `${config.maxMfaAgeSeconds} seconds; add \`NumericLessThanEquals\` \`aws:MultiFactorAuthAge\` ` +
                            `${config.maxMfaAgeSeconds} (or less) to its Condition.`,
                    );
                }
            }
        }

        // Nothing known violates: let the SDK say that the verdict waits for the session duration.
        if (!durationKnown && !reported) void props.maxSessionDuration;
    },
});
