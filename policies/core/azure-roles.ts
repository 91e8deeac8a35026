// Azure RBAC knowledge shared by the Azure policies (mfa, msp-delegation): the built-in role definitions that
// grant control of a scope, reading a role definition GUID however an id is written, and classifying ARM scopes.
//
// Role definition GUIDs are the same in every tenant. Each was checked against a published copy of the built-in
// role definition (name → id): Contributor on Microsoft Learn's "Azure built-in roles for Privileged/General";
// Owner, Reader, User Access Administrator and Role Based Access Control Administrator in the role catalogues that
// mirror Azure's definitions (azure-rbac-catalog.org, AzAdvertizer). Note User Access Administrator is
// 18d7d88d-d35e-4fb5-a5c3-7773c20a72d9 (ending ...c20a72d9): other spellings seen in circulation are wrong.

import type { Value } from "./read";

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

// ---------------------------------------------------------------------------------------------------------------
// Custom role definitions (`azure-native:authorization:RoleDefinition`) that are as privileged as the built-ins above.

/** An operation no provider has: a control-plane action allowed on it is allowed on every resource type. */
const ANY_RESOURCE_WRITE = "microsoft.srguardany/anyresource/write";
/** The operation that grants roles: whoever may perform it can make themselves Owner. */
const ROLE_ASSIGNMENT_WRITE = "microsoft.authorization/roleassignments/write";

/** Whether an Azure RBAC action pattern (`*` matches any characters, slashes too; no case) covers `operation`. */
function actionCovers(pattern: string, operation: string): boolean {
    const parts = pattern.trim().toLowerCase().split("*");
    if (parts.length === 1) return parts[0] === operation;
    const [first = "", ...rest] = parts;
    const last = rest.pop() ?? "";
    if (!operation.startsWith(first) || !operation.endsWith(last) || operation.length < first.length + last.length) return false;
    let at = first.length;
    for (const part of rest) {
        const found = operation.indexOf(part, at);
        if (found < 0 || found + part.length > operation.length - last.length) return false;
        at = found + part.length;
    }
    return true;
}

/** What a custom role definition's `permissions` grant at the scopes it is assigned to. */
export type CustomRoleControl =
    | { readonly kind: "privileged"; readonly why: string }
    | { readonly kind: "unprivileged" }
    /** Values the answer depends on that are unknown during preview. */
    | { readonly kind: "unknown"; readonly needs: readonly Value[] };

/**
 * Whether a custom role's `permissions` make it as privileged as Owner or Contributor: some permission block's
 * `actions` allow writing any resource type (`*`, or `*` then `/write`) or role assignments (`Microsoft.Authorization/` then `*`,
 * ...),
 * and that block's `notActions` do not take it away. Data actions are not counted (they do not control the scope).
 * A known privileged block decides even while another block is unknown.
 */
export function customRoleControl(permissions: Value): CustomRoleControl {
    if (permissions.isUnknown) return { kind: "unknown", needs: [permissions] };
    const needs: Value[] = [];
    for (const block of permissions.items()) {
        if (block.isUnknown) {
            needs.push(block);
            continue;
        }
        const b = block as Value;
        const actions = b.get("actions");
        const notActions = b.get("notActions");
        const patterns = (v: Value): { known: string[]; unknown: Value[] } => {
            const known: string[] = [];
            const unknownItems: Value[] = [];
            for (const e of v.items()) {
                if (e.isUnknown) unknownItems.push(e);
                else if (e.isText()) known.push(e.text() ?? "");
            }
            return { known, unknown: unknownItems };
        };
        const allowed = actions.isUnknown ? { known: [], unknown: [actions] } : patterns(actions);
        const denied = notActions.isUnknown ? { known: [], unknown: [notActions] } : patterns(notActions);
        for (const [operation, why] of [
            [ANY_RESOURCE_WRITE, "its `actions` allow writing every resource type (as Contributor does)"],
            [ROLE_ASSIGNMENT_WRITE, "its `actions` allow writing role assignments (so it can grant Owner)"],
        ] as const) {
            if (!allowed.known.some((p) => actionCovers(p, operation))) {
                if (allowed.unknown.length) needs.push(...allowed.unknown);
                continue;
            }
            if (denied.known.some((p) => actionCovers(p, operation))) continue;
            if (denied.unknown.length) {
                needs.push(...denied.unknown);
                continue;
            }
            return { kind: "privileged", why };
        }
    }
    return needs.length ? { kind: "unknown", needs: [...new Set(needs)] } : { kind: "unprivileged" };
}
