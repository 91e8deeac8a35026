// Who an IAM role is for: people, or a third party's automation. People must prove MFA when they assume a role; a
// vendor's automation cannot (it holds no MFA device), so it must present the exact `sts:ExternalId` agreed with the
// customer instead. A role is declared as third-party automation by its tag `srguard:role-kind` =
// `third-party-automation` (in `tags`, or the provider-merged `tagsAll`), or by listing its name in the policy's
// `thirdPartyRoleNames` setting. Every other role is for people.

import type { PropsOf } from "./policy";
import { Value } from "./read";
import { unknown, type Verdict } from "./verdict";

/** Tag that declares a role as assumed by a third party's automation (value: `third-party-automation`). */
export const ROLE_KIND_TAG = "srguard:role-kind";
export const THIRD_PARTY_AUTOMATION = "third-party-automation";

/** IAM role names: 1–64 of letters, digits and `+=,.@_-`. */
export const ROLE_NAME = "^[A-Za-z0-9+=,.@_-]{1,64}$";

type RoleProps = PropsOf<"aws:iam/role:Role">;

/** The tag value that declares third-party automation, if `tags` (a known map) has one: `true`, or the unknown value. */
function declaringTag(tags: Value): true | Value | undefined {
    for (const [key, value] of tags.entries()) {
        if (key.toLowerCase() !== ROLE_KIND_TAG) continue;
        if (value.isUnknown) return value;
        if (value.text()?.trim().toLowerCase() === THIRD_PARTY_AUTOMATION) return true;
    }
    return undefined;
}

/**
 * `forAutomation` when the role is declared as third-party automation (by its tag in `tags`, else the provider-merged
 * `tagsAll`, or by its name in `names`), `forPeople` when it is not, `unknown` while that depends on a value unknown
 * during preview. The verdicts are computed only when needed.
 */
export function byRoleKind(props: RoleProps, names: readonly string[], forAutomation: () => Verdict, forPeople: () => Verdict): Verdict {
    const tags = props.get("tags");
    const fromTags = declaringTag(tags);
    if (fromTags === true) return forAutomation();
    if (fromTags) return unknown(fromTags);
    // `tagsAll` is an output (the provider merges its default tags in), not in RoleArgs: read it when it is there.
    const fromTagsAll = declaringTag(Value.root(props.value).get("tagsAll"));
    if (fromTagsAll === true) return forAutomation();
    if (fromTagsAll) return unknown(fromTagsAll);
    if (names.length > 0) {
        const name = props.get("name");
        if (name.isUnknown) return unknown(name);
        if (names.includes(String(name.value))) return forAutomation();
    }
    if (tags.isUnknown) return unknown(tags);
    return forPeople();
}
