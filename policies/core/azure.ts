// Azure conventions the Azure policies share: how the resource providers spell "no public network access",
// which IP rules open a firewall to every address, and what counts as a configured key reference.
//
// Azure enum-like values are case-insensitive on the wire (`Disabled`, `disabled`; Key Vault documents the lower
// case spelling), so every comparison here ignores case.

import { isUnboundedRange } from "./cidr";
import { KnownValues } from "./known";
import { type Props, sameText } from "./values";

/**
 * `publicNetworkAccess` values that keep a service off the public network: `Disabled`, and `SecuredByPerimeter`
 * (storage, SQL, Cosmos DB: inbound public traffic is denied unless a network security perimeter rule admits it).
 */
export function isPublicNetworkAccessOff(v: unknown): boolean {
    return sameText(v, "Disabled") || sameText(v, "SecuredByPerimeter");
}

/** A firewall default action that denies what no rule allows (`Deny`, any case). */
export function isDenyAction(v: unknown): boolean {
    return sameText(v, "Deny");
}

/**
 * An IP rule value that admits every address, or a range too large to be anyone's own network: `*`, `0.0.0.0/0`,
 * `::/0`, but also `0.0.0.0/1` (two of which are the whole internet) — see core/cidr.ts.
 */
export function admitsEveryAddress(v: unknown): boolean {
    return isUnboundedRange(v);
}

/** A non-empty string (a key URI, a key name, a resource id): what "configured" means for a reference. */
export function hasText(v: unknown): boolean {
    return typeof v === "string" && v.trim() !== "";
}

/**
 * What keeps an Azure Database for PostgreSQL / MySQL flexible server (`dataEncryption`) from using a
 * customer-managed key, or `undefined` when it uses one. Decides from the known values; when an unknown value
 * decides, reads it through the SDK's proxy (the SDK reports "can't run during preview").
 */
export function flexibleServerKeyProblem(props: Props): string | undefined {
    const known = new KnownValues();
    const encryption = known.get(props, "dataEncryption");
    if (encryption.known) {
        const type = known.get(encryption.value, "type");
        if (type.known && !sameText(type.value, "AzureKeyVault")) {
            return "`dataEncryption.type` is not AzureKeyVault (the server uses service-managed keys); set it to AzureKeyVault with `dataEncryption.primaryKeyURI`.";
        }
        const uri = known.get(encryption.value, "primaryKeyURI");
        if (uri.known && !hasText(uri.value)) {
            return "`dataEncryption.primaryKeyURI` is not set; a customer-managed key needs the Key Vault key URI.";
        }
    }
    known.settle();
    return undefined;
}

export type Tri = "yes" | "no" | "unknown";

/**
 * Whether one of the rules in `container[listKey]` has a `valueKey` that admits every address (`admits`). Decides
 * from the known rules: one admitting rule is enough; unknown rules are deferred on `known`.
 */
export function someRuleAdmits(
    known: KnownValues,
    container: unknown,
    listKey: string,
    valueKey: string,
    admits: (v: unknown) => boolean = admitsEveryAddress,
): Tri {
    const list = known.get(container, listKey);
    if (!list.known) return "unknown";
    const rules = list.value;
    if (!Array.isArray(rules)) return "no";
    let undecided = false;
    for (let i = 0; i < rules.length; i++) {
        const rule = known.get(rules, String(i));
        if (!rule.known) {
            undecided = true;
            continue;
        }
        const value = known.get(rule.value, valueKey);
        if (!value.known) {
            undecided = true;
            continue;
        }
        if (admits(value.value)) return "yes";
    }
    return undecided ? "unknown" : "no";
}

/** A network ACL (storage `networkRuleSet`, Key Vault `networkAcls`) as the policies see it. */
export type FirewallState =
    /** The default action denies and no IP rule admits every address. */
    | "closed"
    /** The default action is not Deny (absent: Allow). */
    | "open-default"
    /** The default action denies, but an IP rule admits every address. */
    | "open-rule"
    | "unknown";

export function firewallState(known: KnownValues, props: unknown, aclKey: string, ipValueKey: string): FirewallState {
    const acl = known.get(props, aclKey);
    if (!acl.known) return "unknown";
    const action = known.get(acl.value, "defaultAction");
    if (!action.known) return "unknown";
    if (!isDenyAction(action.value)) return "open-default";
    const open = someRuleAdmits(known, acl.value, "ipRules", ipValueKey);
    return open === "yes" ? "open-rule" : open === "no" ? "closed" : "unknown";
}
