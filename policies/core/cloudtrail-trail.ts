// The settings of a CloudTrail trail itself, judged once for every policy that needs them (the log-retention policies
// and the MSP audit trail): each check says what the setting must be, and its message ends with why (`so that ...`),
// which each policy words for its own rule.

import type { PropsOf } from "./policy";
import { fail, pass, unknown, type Verdict } from "./verdict";

export const TRAIL = "aws:cloudtrail/trail:Trail";

export type TrailProps = PropsOf<typeof TRAIL>;

/** The trail is logging: `enableLogging` is not false (unset: logging). */
export function requireLogging(props: TrailProps, soThat: string): Verdict {
    const v = props.get("enableLogging");
    if (v.isUnknown) return unknown(v);
    return v.isFalse() ? fail(`\`enableLogging\` is false; set it to true (or leave it unset) so that ${soThat}.`) : pass;
}

/** The trail records every region: `isMultiRegionTrail` is true (it defaults to false). */
export function requireMultiRegion(props: TrailProps, soThat: string): Verdict {
    const v = props.get("isMultiRegionTrail");
    if (v.isUnknown) return unknown(v);
    return v.isTrue() ? pass : fail(`\`isMultiRegionTrail\` is not true; set it to true so that ${soThat}.`);
}

/** CloudTrail writes signed digests: `enableLogFileValidation` is true (it defaults to false). */
export function requireLogFileValidation(props: TrailProps, soThat: string): Verdict {
    const v = props.get("enableLogFileValidation");
    if (v.isUnknown) return unknown(v);
    return v.isTrue() ? pass : fail(`\`enableLogFileValidation\` is not true; set it to true so that ${soThat}.`);
}

/** IAM and global STS events are recorded: `includeGlobalServiceEvents` is not false (unset: included). */
export function requireGlobalServiceEvents(props: TrailProps, because: string): Verdict {
    const v = props.get("includeGlobalServiceEvents");
    if (v.isUnknown) return unknown(v);
    return v.isFalse() ? fail(`\`includeGlobalServiceEvents\` is false, so ${because}; set it to true (or leave it unset).`) : pass;
}
