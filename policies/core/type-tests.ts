// The type test of every srguard resource policy, kept by its `validateResource` function: for an engine type token,
// whether the check looks at the resource at all (aliases folded). The SDK contract (core/sdk-contract.ts) uses it to
// leave out policies that would return at once, before the SDK decodes anything.

const typeTests = new WeakMap<object, (type: string) => boolean>();

export function registerTypeTest(validateResource: object, test: (type: string) => boolean): void {
    typeTests.set(validateResource, test);
}

/**
 * Whether an srguard policy's `validateResource` looks at resources of engine type `type` at all; undefined when
 * `validateResource` is not srguard's (a team's own policy).
 */
export function resourceTypeTest(validateResource: unknown): ((type: string) => boolean) | undefined {
    return typeof validateResource === "function" ? typeTests.get(validateResource) : undefined;
}
