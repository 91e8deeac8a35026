// Who an IAM role is for: people, or a third party's automation. People must prove MFA when they assume a role; a
// vendor's automation cannot (it holds no MFA device), so it must present the exact `sts:ExternalId` agreed with the
// customer instead. A role is declared as third-party automation by its tag `srguard:role-kind` =
// `third-party-automation` (in `tags`, or the provider-merged `tagsAll`), or by listing its name in the policy's
// `thirdPartyRoleNames` setting. Every other role is for people.

import { isKnown, isObject, type Props } from "./values";

/** Tag that declares a role as assumed by a third party's automation (value: `third-party-automation`). */
export const ROLE_KIND_TAG = "srguard:role-kind";
export const THIRD_PARTY_AUTOMATION = "third-party-automation";

/** IAM role names: 1–64 of letters, digits and `+=,.@_-`. */
export const ROLE_NAME = "^[A-Za-z0-9+=,.@_-]{1,64}$";

function tagDeclaresThirdParty(tags: unknown): boolean {
    if (!isObject(tags)) return false;
    for (const key of Object.keys(tags)) {
        if (key.toLowerCase() !== ROLE_KIND_TAG) continue;
        const value = tags[key];
        if (typeof value === "string" && value.trim().toLowerCase() === THIRD_PARTY_AUTOMATION) return true;
    }
    return false;
}

/**
 * Whether the role is declared as third-party automation: by its tag (`tags`, else the provider-merged `tagsAll`),
 * or by its name in `names`. Reads an unknown value only when the answer depends on it (through the SDK's proxy,
 * which throws its "unknown during preview" error).
 */
export function declaredThirdParty(props: Props, names: readonly string[]): boolean {
    const tagsKnown = isKnown(props, "tags");
    if (tagsKnown && tagDeclaresThirdParty(props.tags)) return true;
    if (isKnown(props, "tagsAll") && tagDeclaresThirdParty(props.tagsAll)) return true;
    if (names.length > 0 && names.includes(String(props.name))) return true;
    if (!tagsKnown) return tagDeclaresThirdParty(props.tags); // throws the SDK's "unknown during preview"
    return false;
}

/**
 * The same answer without ever reading an unknown value (for stack policies, where one unknown must not silence the
 * policy): `undefined` when it depends on a value that is unknown during preview.
 */
export function declaredThirdPartyIfKnown(props: Props, names: readonly string[]): boolean | undefined {
    const tagsKnown = isKnown(props, "tags");
    if (tagsKnown && tagDeclaresThirdParty(props.tags)) return true;
    if (isKnown(props, "tagsAll") && tagDeclaresThirdParty(props.tagsAll)) return true;
    const nameKnown = isKnown(props, "name");
    if (names.length > 0 && nameKnown && names.includes(String(props.name))) return true;
    if (!tagsKnown || (names.length > 0 && !nameKnown)) return undefined;
    return false;
}
