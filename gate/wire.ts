// The engine's wire spellings of property values, and the one conversion every source goes through before a value is
// handed to the policy pack: what the engine's `MarshalProperties(props, {KeepUnknowns: true, KeepSecrets: true,
// SkipInternalKeys: true})` sends to an analyzer (sdk/go/common/resource/plugin/analyzer_plugin.go).
//
// - unknowns travel as the string sentinel `04da6b54-...` (the same string the state file and `preview --json` use);
// - secrets travel as `{ <sig>: <secret sig>, value }`;
// - resource references are downgraded (the analyzer does not keep resources): a custom resource to its id (unknown
//   when the id is not known yet), a component to its URN;
// - output values become their element (secret if the output is secret), or unknown when not known;
// - keys starting with `__` are internal (`__defaults`, `__meta`) and are skipped.

export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
    [key: string]: Json;
}

/** The engine's "computed" value (pkg/resource/stack/deployment.go `computedValuePlaceholder`). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
export const OUTPUT_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";

/** What `pulumi preview --json` prints instead of a secret (pkg/backend/display/json.go `massagePropertyValue`). */
export const BLINDED_SECRET = "[secret]";

export function isJsonObject(v: unknown): v is JsonObject {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function secretOf(value: Json): JsonObject {
    return { [SIG_KEY]: SECRET_SIG, value };
}

export interface WireOptions {
    /** `preview --json` blinds secrets as the string "[secret]": read it back as a secret whose value is unknown. */
    readonly blindedSecrets?: boolean;
}

/** Where a value could not be read: the caller names the file and resource; `path` is the property path. */
export class WireError extends Error {
    constructor(
        readonly path: string,
        problem: string,
    ) {
        super(`${path}: ${problem}`);
    }
}

function convertSecret(v: JsonObject, path: string, opts: WireOptions): Json {
    if ("value" in v) return secretOf(toAnalyzerValue(v["value"] ?? null, path, opts) ?? null);
    // An encrypted secret of a `stack export` cannot be decrypted here: its value is unknown (but still secret).
    if ("ciphertext" in v) return secretOf(UNKNOWN);
    const plaintext = v["plaintext"];
    if (typeof plaintext === "string") {
        let inner: unknown;
        try {
            inner = JSON.parse(plaintext);
        } catch {
            throw new WireError(path, "has a secret whose plaintext is not JSON");
        }
        return secretOf(toAnalyzerValue(inner as Json, path, opts) ?? null);
    }
    throw new WireError(path, "has a secret with neither value, ciphertext nor plaintext");
}

function convertResourceReference(v: JsonObject): Json {
    if ("id" in v) {
        const id = v["id"];
        // A custom resource: its id; not known yet (empty or the unknown sentinel) → unknown.
        return typeof id === "string" && id !== "" ? id : UNKNOWN;
    }
    const urn = v["urn"];
    return typeof urn === "string" ? urn : UNKNOWN;
}

function convertOutput(v: JsonObject, path: string, opts: WireOptions): Json {
    if (!("value" in v)) return UNKNOWN;
    const inner = toAnalyzerValue(v["value"] ?? null, path, opts) ?? null;
    return v["secret"] === true ? secretOf(inner) : inner;
}

/**
 * Converts one property value as the engine marshals it for an analyzer. Returns `undefined` for a value the engine
 * would not send.
 */
export function toAnalyzerValue(v: Json | undefined, path: string, opts: WireOptions = {}): Json | undefined {
    if (v === undefined) return undefined;
    if (v === null || typeof v === "boolean" || typeof v === "number") return v;
    if (typeof v === "string") return opts.blindedSecrets && v === BLINDED_SECRET ? secretOf(UNKNOWN) : v;
    if (Array.isArray(v)) return v.map((e, i) => toAnalyzerValue(e, `${path}[${i}]`, opts) ?? null);
    const sig = v[SIG_KEY];
    if (typeof sig === "string") {
        if (sig === SECRET_SIG) return convertSecret(v, path, opts);
        if (sig === RESOURCE_SIG) return convertResourceReference(v);
        if (sig === OUTPUT_SIG) return convertOutput(v, path, opts);
        // Assets and archives: the policy SDK decodes them itself.
        return v;
    }
    return toAnalyzerProperties(v, path, opts);
}

/** Converts a property map (see toAnalyzerValue); internal `__` keys are skipped at every level. */
export function toAnalyzerProperties(m: JsonObject, path = "", opts: WireOptions = {}): JsonObject {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(m)) {
        if (k.startsWith("__")) continue;
        const c = toAnalyzerValue(v, path ? `${path}.${k}` : k, opts);
        if (c !== undefined) out[k] = c;
    }
    return out;
}
