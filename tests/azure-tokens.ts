// The other spellings of an azure-native type token that srguard folds to the canonical one (core/tokens.ts): the
// v2-style versioned token and the v3 parameterised-package token, both for an explicit API version.

export function versionedTokens(canonical: string, version = "v20230101"): readonly string[] {
    const m = /^azure-native:([a-z0-9]+):([A-Za-z0-9]+)$/.exec(canonical);
    if (!m || !m[1] || !m[2]) throw new Error(`not a canonical azure-native token: ${canonical}`);
    const [, mod, resource] = m;
    return [`azure-native:${mod}/${version}:${resource}`, `azure-native_${mod}_${version}:${mod}:${resource}`];
}
