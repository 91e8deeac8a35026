// Azure conventions the Azure policies share: how the resource providers spell "no public network access",
// which IP rules open a firewall to every address, and what a customer-managed key of a flexible server needs.
//
// Azure enum-like values are case-insensitive on the wire (`Disabled`, `disabled`; Key Vault documents the lower
// case spelling), so every comparison here ignores case (but not surrounding blanks: ARM does not trim them).

import { isUnboundedRange } from "./cidr";
import type { ItemOf, KeyOf, Value } from "./read";
import type { ResourceArgs } from "./resource-types.generated";
import type { Shape } from "./read";
import { fail, pass, unknown, type Verdict } from "./verdict";

/** Whether a value is the string `option`, in any case. */
export function isAzureText(v: Value, ...options: readonly string[]): boolean {
    const s = v.text()?.toLowerCase();
    return s !== undefined && options.some((o) => o.toLowerCase() === s);
}

/**
 * `publicNetworkAccess` values that keep a service off the public network: `Disabled`, and `SecuredByPerimeter`
 * (storage, SQL, Cosmos DB: inbound public traffic is denied unless a network security perimeter rule admits it).
 */
export function isPublicNetworkAccessOff(v: Value): boolean {
    return isAzureText(v, "Disabled", "SecuredByPerimeter");
}

/**
 * An IP rule value that admits every address, or a range too large to be anyone's own network: `*`, `0.0.0.0/0`,
 * `::/0`, but also `0.0.0.0/1` (two of which are the whole internet) — see core/cidr.ts.
 */
export function admitsEveryAddress(v: Value): boolean {
    return isUnboundedRange(v.value);
}

/** A known, set object (not an array). */
export function isObjectValue(v: Value): boolean {
    const o = v.value;
    return typeof o === "object" && o !== null && !Array.isArray(o);
}

/**
 * The verdict on a list of IP rules (`rules`, an array; anything else holds no rule): `fail(message)` when a known
 * rule's `valueKey` admits too much (`admits`: one such rule is enough, whatever the others are), else `unknown` for
 * the rules (or values) that are unknown, else `pass`.
 */
export function ipRulesVerdict<T, K extends KeyOf<NonNullable<ItemOf<T>>>>(
    rules: Value<T>,
    valueKey: K,
    message: string,
    admits: (v: Value) => boolean = admitsEveryAddress,
): Verdict {
    if (rules.isUnknown) return unknown(rules);
    if (!Array.isArray(rules.value)) return pass;
    const undecided: Value[] = [];
    for (const rule of rules.items()) {
        if (rule.isUnknown) {
            undecided.push(rule);
            continue;
        }
        const value = rule.get(valueKey);
        if (value.isUnknown) undecided.push(value);
        else if (admits(value)) return fail(message);
    }
    return undecided.length ? unknown(...undecided) : pass;
}

type NetworkAcl =
    | Shape<ResourceArgs["azure-native:storage:StorageAccount"]>["networkRuleSet"]
    | NonNullable<Shape<ResourceArgs["azure-native:keyvault:Vault"]>["properties"]>["networkAcls"];

/**
 * The verdict on a network ACL (storage `networkRuleSet`, Key Vault `networkAcls`): `fail(openDefault)` when its
 * default action is not Deny (absent: Allow), `fail(openRule)` when it denies but an IP rule admits every address,
 * `pass` when it is closed, else `unknown` for the values it needs.
 */
export function firewallVerdict(acl: Value<NetworkAcl>, ipValueKey: "iPAddressOrRange" | "value", messages: { readonly openDefault: string; readonly openRule: string }): Verdict {
    if (acl.isUnknown) return unknown(acl);
    const action = acl.get("defaultAction");
    if (action.isUnknown) return unknown(action);
    if (!isAzureText(action, "Deny")) return fail(messages.openDefault);
    return ipRulesVerdict(acl.get("ipRules"), ipValueKey, messages.openRule);
}

type FlexibleServer = Shape<ResourceArgs["azure-native:dbformysql:Server"]> | Shape<ResourceArgs["azure-native:dbforpostgresql:Server"]>;

/**
 * Whether an Azure Database for PostgreSQL / MySQL flexible server (`dataEncryption`) uses a customer-managed key:
 * fails on what the known values prove, else waits for the unknown ones.
 */
export function flexibleServerKeyVerdict(props: Value<FlexibleServer>): Verdict {
    const encryption = props.get("dataEncryption");
    if (encryption.isUnknown) return unknown(encryption);
    const type = encryption.get("type");
    if (!type.isUnknown && !isAzureText(type, "AzureKeyVault")) {
        return fail("`dataEncryption.type` is not AzureKeyVault (the server uses service-managed keys); set it to AzureKeyVault with `dataEncryption.primaryKeyURI`.");
    }
    const uri = encryption.get("primaryKeyURI");
    if (!uri.isUnknown && !uri.isText()) return fail("`dataEncryption.primaryKeyURI` is not set; a customer-managed key needs the Key Vault key URI.");
    return type.isUnknown || uri.isUnknown ? unknown(type, uri) : pass;
}

/** `unknown` for those of `values` that are unknown during preview (in order), else `pass`. */
export function pendingOn(...values: readonly Value[]): Verdict {
    const undecided = values.filter((v) => v.isUnknown);
    return undecided.length ? unknown(...undecided) : pass;
}
