// Azure RBAC knowledge shared by the Azure policies (mfa, msp-delegation): the built-in role definitions that
// grant control of a scope, reading a role definition GUID however an id is written, and classifying ARM scopes.
//
// Role definition GUIDs are the same in every tenant. Each was checked against a published copy of the built-in
// role definition (name → id): Contributor on Microsoft Learn's "Azure built-in roles for Privileged/General";
// Owner, Reader, User Access Administrator and Role Based Access Control Administrator in the role catalogues that
// mirror Azure's definitions (azure-rbac-catalog.org, AzAdvertizer). Note User Access Administrator is
// 18d7d88d-d35e-4fb5-a5c3-7773c20a72d9 (ending ...c20a72d9): other spellings seen in circulation are wrong.

/** Built-in Azure role definitions, by name → GUID (lower case). */
export const AZURE_BUILTIN_ROLES = Object.freeze({
    owner: "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
    contributor: "b24988ac-6180-42a0-ab88-20f7382dd24c",
    userAccessAdministrator: "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
    roleBasedAccessControlAdministrator: "f58310d9-a9f6-439a-9e8d-f62e7b41a168",
    reader: "acdd72a7-3385-48ef-bd42-f606fba81ae7",
} as const);

/**
 * The built-in roles that control a scope: Owner and Contributor manage every resource in it; User Access
 * Administrator and Role Based Access Control Administrator can grant any role in it (so also Owner).
 */
export const PRIVILEGED_ROLE_GUIDS: ReadonlySet<string> = new Set([
    AZURE_BUILTIN_ROLES.owner,
    AZURE_BUILTIN_ROLES.contributor,
    AZURE_BUILTIN_ROLES.userAccessAdministrator,
    AZURE_BUILTIN_ROLES.roleBasedAccessControlAdministrator,
]);

/** Human names of the privileged built-in roles, for messages and docs (fixed words, never a property value). */
export const PRIVILEGED_ROLE_NAMES = "Owner, Contributor, User Access Administrator, Role Based Access Control Administrator";

/** A GUID (either case), for config patterns: principal ids, role definition ids, tenant ids. */
export const GUID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/;
const ROLE_DEFINITION_PATH = /\/providers\/microsoft\.authorization\/roledefinitions\/\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/;

/**
 * The role definition GUID (lower case) of a role definition id, however it is written: a bare GUID (with or
 * without braces), `/providers/Microsoft.Authorization/roleDefinitions/<guid>`, or that path under any scope
 * (`/subscriptions/<sub>/...`, a management group, a resource group), in any case, with trailing slashes.
 * `undefined` when `roleDefinitionId` is not a string or names no role definition.
 */
export function roleGuidOf(roleDefinitionId: unknown): string | undefined {
    if (typeof roleDefinitionId !== "string") return undefined;
    const s = roleDefinitionId.trim().toLowerCase().replace(/\/+$/, "");
    return GUID.exec(s)?.[1] ?? ROLE_DEFINITION_PATH.exec(s)?.[1];
}

/** Whether a role definition id names one of the privileged built-in roles or one of `extraGuids`. */
export function isPrivilegedRole(roleDefinitionId: unknown, extraGuids: readonly string[] = []): boolean {
    const guid = roleGuidOf(roleDefinitionId);
    if (guid === undefined) return false;
    return PRIVILEGED_ROLE_GUIDS.has(guid) || extraGuids.some((g) => roleGuidOf(g) === guid);
}

export type AzureScope =
    | { readonly kind: "tenant" }
    | { readonly kind: "managementGroup"; readonly managementGroupId: string }
    | { readonly kind: "subscription"; readonly subscriptionId: string }
    | { readonly kind: "resourceGroup"; readonly subscriptionId: string; readonly resourceGroup: string }
    | { readonly kind: "resource"; readonly subscriptionId?: string; readonly managementGroupId?: string };

/** An ARM scope normalised for comparison and joins: lower case, single slashes, no trailing slash ("/" stays). */
export function normalizeScope(scope: string): string {
    const s = scope.trim().toLowerCase().replace(/\/{2,}/g, "/").replace(/\/+$/, "");
    return s === "" ? "/" : s.startsWith("/") ? s : `/${s}`;
}

/**
 * What an ARM scope is: the tenant root (`/`), a management group
 * (`/providers/Microsoft.Management/managementGroups/<id>`), a subscription (`/subscriptions/<id>`), a resource
 * group (`/subscriptions/<id>/resourceGroups/<name>`), or a resource (anything below those). Case and trailing
 * slashes do not matter; ids come back lower-cased. `undefined` when `scope` is not an ARM scope at all.
 */
export function classifyScope(scope: unknown): AzureScope | undefined {
    if (typeof scope !== "string" || !scope.trim().startsWith("/")) return undefined;
    const norm = normalizeScope(scope);
    if (norm === "/") return { kind: "tenant" };
    const parts = norm.slice(1).split("/");
    const [a, b, c, d, ...rest] = parts;
    if (a === "subscriptions" && b) {
        if (c === undefined) return { kind: "subscription", subscriptionId: b };
        if (c === "resourcegroups" && d) {
            return rest.length === 0 ? { kind: "resourceGroup", subscriptionId: b, resourceGroup: d } : { kind: "resource", subscriptionId: b };
        }
        return { kind: "resource", subscriptionId: b };
    }
    if (a === "providers" && b === "microsoft.management" && c === "managementgroups" && d) {
        return rest.length === 0 ? { kind: "managementGroup", managementGroupId: d } : { kind: "resource", managementGroupId: d };
    }
    if (a === "providers") return { kind: "resource" };
    return undefined;
}
