// Azure Lighthouse (azure-native `managedservices`): a RegistrationDefinition names the managing (MSP) tenant and what
// its principals may do — permanent `authorizations` and just-in-time `eligibleAuthorizations` — and a
// RegistrationAssignment projects a definition onto a subscription or resource group of the customer's tenant.
// Both keep their settings under `properties`. These helpers read the grants from the known values only, remembering
// the unknown ones in a KnownValues so that a check can decide from what is known and let an unknown speak last.

import { AZURE_BUILTIN_ROLES, PRIVILEGED_ROLE_GUIDS, roleGuidOf } from "./azure-roles";
import { KnownValues } from "./known";
import { type Props, isKnown, isObject } from "./values";

export const REGISTRATION_DEFINITION = "azure-native:managedservices:RegistrationDefinition";
export const REGISTRATION_ASSIGNMENT = "azure-native:managedservices:RegistrationAssignment";

export type GrantList = "authorizations" | "eligibleAuthorizations";

/** One authorization of a registration definition, permanent or eligible. */
export interface Grant {
    readonly list: GrantList;
    readonly index: number;
    readonly entry: Props;
    /** Where it is, for messages: "properties.eligibleAuthorizations[0]" (a path, never a value). */
    readonly path: string;
}

/** The `properties` block of a Lighthouse resource when it is known and an object; otherwise undefined (remembered in kv when unknown). */
export function lighthouseProperties(props: Props, kv: KnownValues): Props | undefined {
    const p = kv.get(props, "properties");
    return p.known && isObject(p.value) ? p.value : undefined;
}

/** The known entries of `list` (in order, with their own index); unknown entries are remembered in kv. */
function grantsIn(properties: Props, list: GrantList, kv: KnownValues): Grant[] {
    const l = kv.get(properties, list);
    if (!l.known || !Array.isArray(l.value)) return [];
    const arr: readonly unknown[] = l.value;
    const out: Grant[] = [];
    for (let i = 0; i < arr.length; i++) {
        if (!isKnown(arr, String(i))) {
            kv.defer(() => arr[i]);
            continue;
        }
        const entry = arr[i];
        if (isObject(entry)) out.push({ list, index: i, entry, path: `properties.${list}[${i}]` });
    }
    return out;
}

/** Every known authorization of a registration definition: the permanent ones, then the eligible ones. */
export function lighthouseGrants(props: Props, kv: KnownValues): Grant[] {
    const properties = lighthouseProperties(props, kv);
    if (!properties) return [];
    return [...grantsIn(properties, "authorizations", kv), ...grantsIn(properties, "eligibleAuthorizations", kv)];
}

/** The role GUID a grant gives (lower case), "other" for an id that names no role definition, "unknown" while unknown. */
export function grantRole(grant: Grant, kv: KnownValues): string | "other" | "unknown" {
    const r = kv.get(grant.entry, "roleDefinitionId");
    if (!r.known) return "unknown";
    return roleGuidOf(r.value) ?? "other";
}

/**
 * The roles that give control of a delegated scope and so may only be granted just in time: Contributor, Role Based
 * Access Control Administrator and the configured extra GUIDs. Owner is not supported by Lighthouse at all (a policy
 * of its own), and User Access Administrator is only accepted as a permanent authorization limited to
 * `delegatedRoleDefinitionIds` (a policy of its own too).
 */
export function isJitOnlyRole(guid: string, extraGuids: readonly string[]): boolean {
    if (guid === AZURE_BUILTIN_ROLES.owner || guid === AZURE_BUILTIN_ROLES.userAccessAdministrator) return false;
    return PRIVILEGED_ROLE_GUIDS.has(guid) || extraGuids.some((g) => roleGuidOf(g) === guid);
}

/** A tenant or object id compared as Azure compares GUIDs: trimmed, lower case, without braces. */
export function normalizeGuid(v: string): string {
    return v.trim().toLowerCase().replace(/^\{(.*)\}$/, "$1");
}

/**
 * The principal (object) ids of the managing tenant that a registration definition names — in its authorizations,
 * eligible authorizations and just-in-time approvers — from known values only, normalised.
 */
export function lighthousePrincipalIds(props: Props): string[] {
    const kv = new KnownValues();
    const ids: string[] = [];
    const add = (o: Props) => {
        const p = kv.get(o, "principalId");
        if (p.known && typeof p.value === "string" && p.value.trim() !== "") ids.push(normalizeGuid(p.value));
    };
    for (const g of lighthouseGrants(props, kv)) {
        add(g.entry);
        if (g.list !== "eligibleAuthorizations") continue;
        const jit = kv.get(g.entry, "justInTimeAccessPolicy");
        if (!jit.known || !isObject(jit.value)) continue;
        const approvers = kv.get(jit.value, "managedByTenantApprovers");
        if (!approvers.known || !Array.isArray(approvers.value)) continue;
        const list: readonly unknown[] = approvers.value;
        for (let i = 0; i < list.length; i++) {
            const a = isKnown(list, String(i)) ? list[i] : undefined;
            if (isObject(a)) add(a);
        }
    }
    return ids;
}
