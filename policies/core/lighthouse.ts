// Azure Lighthouse (azure-native `managedservices`): a RegistrationDefinition names the managing (MSP) tenant and what
// its principals may do — permanent `authorizations` and just-in-time `eligibleAuthorizations` — and a
// RegistrationAssignment projects a definition onto a subscription or resource group of the customer's tenant.
// Both keep their settings under `properties`. These helpers read the grants from the known values, and hand back
// the unknown values that may hold more, so that a check decides from what is known and lets an unknown speak last.

import { isObjectValue } from "./azure";
import { AZURE_BUILTIN_ROLES, PRIVILEGED_ROLE_GUIDS, roleGuidOf } from "./azure-roles";
import type { FieldOf, ItemOf, Shape, Value } from "./read";
import type { ResourceArgs } from "./resource-types.generated";

export const REGISTRATION_DEFINITION = "azure-native:managedservices:RegistrationDefinition";
export const REGISTRATION_ASSIGNMENT = "azure-native:managedservices:RegistrationAssignment";

export type GrantList = "authorizations" | "eligibleAuthorizations";

/** The properties of a registration definition. */
export type DefinitionProps = Value<Shape<ResourceArgs[typeof REGISTRATION_DEFINITION]>>;
type DefinitionProperties = NonNullable<Shape<ResourceArgs[typeof REGISTRATION_DEFINITION]>["properties"]>;

/** One authorization of a registration definition, permanent or eligible. */
export interface Grant {
    readonly list: GrantList;
    readonly index: number;
    readonly entry: Value<ItemOf<FieldOf<DefinitionProperties, GrantList>>>;
    /** Where it is, for messages: "properties.eligibleAuthorizations[0]" (a path, never a value). */
    readonly path: string;
}

export interface Grants {
    /** Every known authorization: the permanent ones, then the eligible ones. */
    readonly grants: readonly Grant[];
    /** The values, unknown during preview, that may hold more authorizations (in reading order). */
    readonly unknown: readonly Value[];
}

/** The authorizations of a registration definition that are known, and the unknown values that may hold more. */
export function lighthouseGrants(props: DefinitionProps): Grants {
    const properties = props.get("properties");
    if (properties.isUnknown) return { grants: [], unknown: [properties] };
    const grants: Grant[] = [];
    const pending: Value[] = [];
    for (const list of ["authorizations", "eligibleAuthorizations"] as const) {
        const entries = properties.get(list);
        if (entries.isUnknown) {
            pending.push(entries);
            continue;
        }
        if (!Array.isArray(entries.value)) continue;
        entries.items().forEach((entry, index) => {
            if (entry.isUnknown) pending.push(entry);
            else if (isObjectValue(entry)) grants.push({ list, index, entry, path: `properties.${list}[${index}]` });
        });
    }
    return { grants, unknown: pending };
}

/** The role GUID a grant gives (lower case), "other" for an id that names no role definition. */
export function roleOf(roleDefinitionId: Value): string {
    return roleGuidOf(roleDefinitionId.value) ?? "other";
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
export function lighthousePrincipalIds(props: DefinitionProps): string[] {
    const ids: string[] = [];
    const add = (principalId: Value) => {
        const p = principalId.text();
        if (p !== undefined && p.trim() !== "") ids.push(normalizeGuid(p));
    };
    for (const g of lighthouseGrants(props).grants) {
        add(g.entry.get("principalId"));
        if (g.list !== "eligibleAuthorizations") continue;
        const approvers = g.entry.get("justInTimeAccessPolicy").get("managedByTenantApprovers");
        if (!Array.isArray(approvers.value)) continue;
        for (const a of approvers.items()) add(a.get("principalId"));
    }
    return ids;
}
