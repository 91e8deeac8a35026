import { describe, expect, it } from "vitest";
import { AZURE_BUILTIN_ROLES, PRIVILEGED_ROLE_GUIDS, classifyScope, isPrivilegedRole, normalizeScope, roleGuidOf } from "../../../policies/core/azure-roles";

const OWNER = AZURE_BUILTIN_ROLES.owner;

describe("roleGuidOf", () => {
    it.each([
        ["a bare GUID", OWNER],
        ["a bare upper-case GUID", OWNER.toUpperCase()],
        ["a braced GUID", `{${OWNER}}`],
        ["a tenant-level id", `/providers/Microsoft.Authorization/roleDefinitions/${OWNER}`],
        ["a subscription-level id", `/subscriptions/0000/providers/Microsoft.Authorization/roleDefinitions/${OWNER}`],
        ["a management-group-level id", `/providers/Microsoft.Management/managementGroups/mg/providers/Microsoft.Authorization/roleDefinitions/${OWNER}`],
        ["an upper-case id with trailing slashes", `/SUBSCRIPTIONS/0000/PROVIDERS/MICROSOFT.AUTHORIZATION/ROLEDEFINITIONS/${OWNER.toUpperCase()}//`],
        ["an id with a braced GUID and spaces", `  /providers/microsoft.authorization/roledefinitions/{${OWNER}} `],
    ])("reads %s", (_, id) => {
        expect(roleGuidOf(id)).toBe(OWNER);
    });

    it.each([
        ["a role name", "Owner"],
        ["a role assignment id", `/subscriptions/0000/providers/Microsoft.Authorization/roleAssignments/${OWNER}`],
        ["a truncated GUID", OWNER.slice(0, 30)],
        ["a non-string", 42],
        ["undefined", undefined],
    ])("returns undefined for %s", (_, id) => {
        expect(roleGuidOf(id)).toBeUndefined();
    });

    it("holds the published built-in role ids", () => {
        expect(AZURE_BUILTIN_ROLES).toEqual({
            owner: "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
            contributor: "b24988ac-6180-42a0-ab88-20f7382dd24c",
            userAccessAdministrator: "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
            roleBasedAccessControlAdministrator: "f58310d9-a9f6-439a-9e8d-f62e7b41a168",
            reader: "acdd72a7-3385-48ef-bd42-f606fba81ae7",
        });
    });

    it("knows exactly the four privileged built-in roles", () => {
        expect([...PRIVILEGED_ROLE_GUIDS].sort()).toEqual(
            [OWNER, AZURE_BUILTIN_ROLES.contributor, AZURE_BUILTIN_ROLES.userAccessAdministrator, AZURE_BUILTIN_ROLES.roleBasedAccessControlAdministrator].sort(),
        );
        expect(isPrivilegedRole(AZURE_BUILTIN_ROLES.reader)).toBe(false);
        expect(isPrivilegedRole(`/providers/Microsoft.Authorization/roleDefinitions/${AZURE_BUILTIN_ROLES.userAccessAdministrator}`)).toBe(true);
        expect(isPrivilegedRole("9a8b7c6d-0000-4000-8000-000000000000", ["9A8B7C6D-0000-4000-8000-000000000000"])).toBe(true);
    });
});

describe("classifyScope", () => {
    it.each([
        ["/", { kind: "tenant" }],
        ["//", { kind: "tenant" }],
        ["/subscriptions/ABC", { kind: "subscription", subscriptionId: "abc" }],
        ["/subscriptions/abc/", { kind: "subscription", subscriptionId: "abc" }],
        ["/Subscriptions/abc/ResourceGroups/App", { kind: "resourceGroup", subscriptionId: "abc", resourceGroup: "app" }],
        ["/subscriptions/abc/resourceGroups/app/providers/Microsoft.KeyVault/vaults/kv", { kind: "resource", subscriptionId: "abc" }],
        ["/subscriptions/abc/providers/Microsoft.Security/pricings/x", { kind: "resource", subscriptionId: "abc" }],
        ["/providers/Microsoft.Management/managementGroups/Platform", { kind: "managementGroup", managementGroupId: "platform" }],
        ["/PROVIDERS/MICROSOFT.MANAGEMENT/MANAGEMENTGROUPS/platform/", { kind: "managementGroup", managementGroupId: "platform" }],
        ["/providers/Microsoft.Management/managementGroups/platform/providers/Microsoft.Authorization/x/y", { kind: "resource", managementGroupId: "platform" }],
    ])("classifies %s", (scope, expected) => {
        expect(classifyScope(scope)).toEqual(expected);
    });

    it.each([["subscriptions/abc"], [""], ["/subscriptions"], ["/foo/bar"], [undefined]])("returns undefined for %j", (scope) => {
        expect(classifyScope(scope)).toBeUndefined();
    });

    it("normalises scopes for joins", () => {
        expect(normalizeScope("/Subscriptions//ABC/")).toBe("/subscriptions/abc");
        expect(normalizeScope("/")).toBe("/");
    });
});
