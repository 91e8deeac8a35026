// Generators for fuzzing srguard policies: property bags (random JSON, and bags shaped from the property names and
// values a policy's own code uses), IAM policy documents, cloud identifiers, unknowns and secrets at random paths,
// valid policy configs, and small stacks joined by property dependencies.
//
// Distinctive texts mark values that must never reach a message: `S3CR3T-<random>` strings (inside secrets, inside
// ARNs, hosts, Sids and names, and in plain values too — the SDK hands secrets to a policy as plaintext, so a policy
// cannot tell them apart) and large random numbers inside secrets.

import { UNKNOWN_SENTINELS } from "../../policies/core/sdk-contract";
import fc, { type Arbitrary, type JsonValue } from "fast-check";
import { specialArchiveSig, specialAssetSig, specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";
import type { ConfigProperty } from "../../policies/core/config";
import type { SrguardPolicy } from "../../policies/core/policy";
import { type ProviderInput, type ResourceInput, secret, type StackResourceInput, UNKNOWN } from "../harness";
import type { Fixtures } from "./fixtures";
import type { Vocabulary } from "./vocabulary";

export type Json = JsonValue;
type JsonObject = Record<string, Json>;

// ---------------------------------------------------------------------------------------------------------------
// Values that must not leak

export const MARKER = "S3CR3T-";
/** A marker as it may appear in a value: any case (ids and names get case variants), 10 random characters. */
const MARKER_TEXT = new RegExp(`${MARKER}[0-9a-z]{10}`, "gi");
/** Secret numbers are at least this large (config values and positions in messages stay far below). */
const SECRET_NUMBER_MIN = 100_000_007;

const marker: Arbitrary<string> = fc.stringMatching(/^[0-9a-z]{10}$/).map((s) => `${MARKER}${s}`);
const secretNumber: Arbitrary<number> = fc.integer({ min: SECRET_NUMBER_MIN, max: 2_147_483_647 });

function isEnvelope(v: unknown): v is { readonly value: Json } {
    return typeof v === "object" && v !== null && !Array.isArray(v) && (v as Record<string, unknown>)[specialSigKey] === specialSecretSig;
}

/**
 * Texts (lower case) that no message may contain, compared case-insensitively: every marker in `v` and its random
 * part (a policy printing part of a value, e.g. a host from an ARN), and every large number inside a secret.
 */
export function forbiddenTexts(v: unknown, out: Set<string> = new Set(), inSecret = false): Set<string> {
    if (typeof v === "string") {
        for (const m of v.matchAll(MARKER_TEXT)) {
            out.add(m[0].toLowerCase());
            out.add(m[0].slice(MARKER.length).toLowerCase());
        }
    } else if (typeof v === "number") {
        if (inSecret && Math.abs(v) >= SECRET_NUMBER_MIN) out.add(String(v));
    } else if (Array.isArray(v)) {
        for (const x of v) forbiddenTexts(x, out, inSecret);
    } else if (isEnvelope(v)) {
        forbiddenTexts(v.value, out, true);
    } else if (typeof v === "object" && v !== null) {
        for (const x of Object.values(v)) forbiddenTexts(x, out, inSecret);
    }
    return out;
}

/** Whether `v` holds the engine's unknown sentinel anywhere (inside secrets too). */
export function holdsUnknown(v: unknown): boolean {
    // Any of the engine's seven sentinels is an unknown to the SDK's proxy (and so to the pack), whatever the field's type.
    if (v === UNKNOWN || (typeof v === "string" && UNKNOWN_SENTINELS.has(v))) return true;
    if (Array.isArray(v)) return v.some(holdsUnknown);
    if (typeof v === "object" && v !== null) return Object.values(v).some(holdsUnknown);
    return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Unknowns and secrets at random paths

type Path = readonly (string | number)[];

/** An asset or archive as the engine sends it (the SDK hands a policy `FileAsset`, `StringAsset`, ... objects). */
function isAssetOrArchive(v: unknown): boolean {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
    const sig = (v as Record<string, unknown>)[specialSigKey];
    return sig === specialAssetSig || sig === specialArchiveSig;
}

function pathsOf(v: Json, at: Path = [], out: Path[] = []): Path[] {
    if (isEnvelope(v)) {
        out.push([...at, "value"]);
        pathsOf(v.value, [...at, "value"], out);
    } else if (isAssetOrArchive(v)) {
        // an asset is one value: unknowns and secrets replace or wrap it whole
    } else if (Array.isArray(v)) {
        v.forEach((x, i) => {
            out.push([...at, i]);
            pathsOf(x, [...at, i], out);
        });
    } else if (typeof v === "object" && v !== null) {
        for (const [k, x] of Object.entries(v)) {
            if (x === undefined) continue;
            out.push([...at, k]);
            pathsOf(x, [...at, k], out);
        }
    }
    return out;
}

function replaceAt(v: Json, path: Path, f: (old: Json) => Json): Json {
    const [head, ...rest] = path;
    if (head === undefined) return f(v);
    if (Array.isArray(v) && typeof head === "number") return v.map((x, i) => (i === head ? replaceAt(x, rest, f) : x));
    if (typeof v === "object" && v !== null && !Array.isArray(v) && typeof head === "string") {
        const o = v as JsonObject;
        const old = o[head];
        if (old === undefined) return v;
        return { ...o, [head]: replaceAt(old, rest, f) };
    }
    return v;
}

export interface Edit {
    /** Which node (index into the tree's paths, modulo their number). */
    readonly at: number;
    /** unknown: the preview sentinel; wrap: the node becomes a secret; secret: a distinctive secret replaces it. */
    readonly kind: "unknown" | "wrap" | "secret";
    readonly secretValue: Json;
}

/** Applies the edits, one after the other, to nodes below the root of `tree`. */
export function applyEdits(tree: Json, edits: readonly Edit[]): Json {
    let out = tree;
    for (const e of edits) {
        const paths = pathsOf(out);
        const path = paths[e.at % Math.max(paths.length, 1)];
        if (!path) continue;
        out = replaceAt(out, path, (old) => (e.kind === "unknown" ? UNKNOWN : e.kind === "wrap" ? (secret(old) as Json) : (secret(e.secretValue) as Json)));
    }
    return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Realistic values

const AWS_REGIONS = ["ap-northeast-1", "ap-northeast-3", "us-east-1", "eu-west-1", "cn-north-1", "us-gov-west-1", "AP-NORTHEAST-1", " ap-northeast-1 ", "global", "*"];
const AZURE_LOCATIONS = ["japaneast", "Japan East", "japan-west", "JapanWest", "eastus", "West Europe", "global", "Global", "JAPANEAST"];
const BOOL_TEXTS = ["true", "false", "True", "FALSE", "TRUE", " true", "yes", "1", "0", "", " "];
const CIDRS = ["0.0.0.0/0", "::/0", "*", "10.0.0.0/8", "10.0.0.0/0", "203.0.113.5", "198.51.100.0/24", "0.0.0.0", "Any", "Internet"];
const MISC = ["PT8H", "P1D", "P365D", "P1Y", "2024-01-01T00:00:00Z", "Permanent", "NoExpiration", "AfterDuration", "AfterDateTime", "Enabled", "Disabled", "Deny", "Allow", "None", "KMS", "NONE", "AES256", "aws:kms", "aws:kms:dsse", "DELIVERY", "STANDARD"];
/** Names of Object.prototype members: a value used as a key into a lookup table (`PAIRS[location]`) finds them. */
const PROTOTYPE_KEYS = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "prototype", "isPrototypeOf"];
const THRESHOLDS = [0, 1, 2, 3, 7, 30, 31, 90, 180, 364, 365, 366, 400, 730, 731, 3600, 3653, 3654, 4383, 43200, -1, -365, 1.5, 365.5, 2147483647, 1e21];
/** Well-known Azure built-in role definition GUIDs (Owner, Contributor, User Access Administrator, Reader, RBAC Administrator). */
const ROLE_GUIDS = [
    "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
    "b24988ac-6180-42a0-ab88-20f7382dd24c",
    "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
    "acdd72a7-3385-48ef-bd42-f606fba81ae7",
    "f58310d9-a9f6-439a-9e8d-f62e7b41a168",
];
/** Resource names used in stacks (r0 … r7) and a few more, so that literal joins by value happen. */
export const JOIN_NAMES = ["r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "logs-bucket", "trail-bucket", "app-data"];

type Variant = "same" | "upper" | "lower" | "swap" | "pad";
const variant: Arbitrary<Variant> = fc.constantFrom<Variant>("same", "same", "upper", "lower", "swap", "pad");

function vary(s: string, v: Variant): string {
    switch (v) {
        case "same":
            return s;
        case "upper":
            return s.toUpperCase();
        case "lower":
            return s.toLowerCase();
        case "swap":
            return [...s].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join("");
        case "pad":
            return ` ${s} `;
    }
}

function varied(values: readonly string[]): Arbitrary<string> {
    return fc.tuple(fc.constantFrom(...values), variant).map(([s, v]) => vary(s, v));
}

const guid: Arbitrary<string> = fc.oneof(fc.uuid(), fc.constantFrom(...ROLE_GUIDS));

const awsArn: Arbitrary<string> = fc
    .tuple(
        fc.constantFrom("aws", "aws-cn", "aws-us-gov"),
        fc.constantFrom("iam", "kms", "s3", "sts", "backup", "rds", "logs", "dynamodb", "secretsmanager"),
        fc.constantFrom("", ...AWS_REGIONS.slice(0, 6)),
        fc.constantFrom("", "123456789012", "111122223333", "*", "12345"),
        fc.oneof(
            fc.constantFrom(
                "root",
                "alias/aws/s3",
                "alias/aws/ebs",
                "alias/AWS/sns",
                "alias/app",
                "key/1234abcd-12ab-34cd-56ef-1234567890ab",
                "oidc-provider/token.actions.githubusercontent.com",
                "oidc-provider/oidc.eks.ap-northeast-1.amazonaws.com/id/ABCDEF",
                "oidc-provider/accounts.google.com",
                "oidc-provider/cognito-identity.amazonaws.com",
                "saml-provider/Okta",
                "role/admin",
                "user/alice",
                "backup-vault:vault",
                "logs-bucket/*",
                "*",
            ),
            marker.map((m) => `role/${m}`),
            marker.map((m) => `oidc-provider/${m}.example.com`),
            marker.map((m) => `saml-provider/${m}`),
            marker.map((m) => `${m}/*`),
        ),
    )
    .map(([partition, service, region, account, resource]) => `arn:${partition}:${service}:${region}:${account}:${resource}`);

const azureId: Arbitrary<string> = fc
    .tuple(
        guid,
        fc.constantFrom("rg", "RG-Prod"),
        fc.constantFrom(
            "Microsoft.KeyVault/vaults",
            "Microsoft.Storage/storageAccounts",
            "Microsoft.Sql/servers",
            "Microsoft.OperationalInsights/workspaces",
            "Microsoft.DocumentDB/databaseAccounts",
        ),
        fc.oneof(fc.constantFrom(...JOIN_NAMES), marker),
        variant,
    )
    .map(([sub, rg, provider, name, v]) => vary(`/subscriptions/${sub}/resourceGroups/${rg}/providers/${provider}/${name}`, v === "pad" ? "same" : v));

const roleDefinitionId: Arbitrary<string> = fc
    .tuple(guid, guid, fc.boolean(), variant)
    .map(([sub, role, scoped, v]) =>
        vary(`${scoped ? `/subscriptions/${sub}` : ""}/providers/Microsoft.Authorization/roleDefinitions/${role}`, v === "pad" ? "same" : v),
    );

/** Assets and archives in the engine's wire form (a BucketObject's `source`, a Lambda's `code`). */
const assetOrArchive: Arbitrary<Json> = fc.oneof(
    fc.constantFrom("./index.html", "app.zip").map((path) => ({ [specialSigKey]: specialAssetSig, path })),
    fc.oneof(marker, fc.constant("<h1>hello</h1>")).map((text) => ({ [specialSigKey]: specialAssetSig, text })),
    fc.constant({ [specialSigKey]: specialAssetSig, uri: "https://example.com/a.txt" }),
    fc.constant({ [specialSigKey]: specialArchiveSig, path: "./site" }),
    fc.constant({ [specialSigKey]: specialArchiveSig, assets: { "index.html": { [specialSigKey]: specialAssetSig, text: "<h1>hi</h1>" } } }),
);

const number: Arbitrary<number> = fc.oneof(
    { arbitrary: fc.constantFrom(...THRESHOLDS), weight: 3 },
    { arbitrary: fc.integer({ min: -1000, max: 100_000 }), weight: 2 },
    { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), weight: 1 },
);

// ---------------------------------------------------------------------------------------------------------------
// IAM policy documents (object and JSON-string form), with odd shapes mixed in

function odd<T extends Json>(arb: Arbitrary<T>): Arbitrary<Json> {
    return fc.oneof({ arbitrary: arb, weight: 12 }, { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 1 });
}

function oneOrMany<T extends Json>(arb: Arbitrary<T>): Arbitrary<Json> {
    return fc.oneof({ arbitrary: arb, weight: 2 }, { arbitrary: fc.array(arb, { maxLength: 3 }), weight: 1 });
}

/** Renames some keys to another case (`Effect` → `effect`), as some generators write them. */
function keyCase<T extends JsonObject>(arb: Arbitrary<T>): Arbitrary<JsonObject> {
    return fc.tuple(arb, fc.constantFrom<Variant>("same", "same", "same", "lower", "upper")).map(([o, v]) => {
        if (v === "same") return o;
        const out: JsonObject = {};
        for (const [k, x] of Object.entries(o)) out[vary(k, v)] = x;
        return out;
    });
}

const conditionKey = varied([
    "aws:MultiFactorAuthPresent",
    "aws:MultiFactorAuthAge",
    "sts:ExternalId",
    "aws:SourceVpce",
    "aws:SourceVpc",
    "aws:SourceAccount",
    "aws:SourceArn",
    "aws:PrincipalOrgID",
    "aws:PrincipalArn",
    "aws:SourceIp",
    "aws:userid",
    "s3:DataAccessPointAccount",
    "aws:SecureTransport",
    "token.actions.githubusercontent.com:sub",
    "token.actions.githubusercontent.com:aud",
    "SAML:aud",
    "cognito-identity.amazonaws.com:aud",
    "accounts.google.com:sub",
    "graph.facebook.com:id",
    "www.amazon.com:user_id",
    "gitlab.com:sub",
    "oidc.eks.ap-northeast-1.amazonaws.com/id/ABCDEF:sub",
]);

const conditionOperator = varied([
    "StringEquals",
    "StringLike",
    "StringEqualsIgnoreCase",
    "StringNotEquals",
    "Bool",
    "BoolIfExists",
    "NumericLessThan",
    "NumericLessThanEquals",
    "NumericGreaterThan",
    "ForAnyValue:StringEquals",
    "ForAllValues:StringLike",
    "IpAddress",
    "NotIpAddress",
    "ArnLike",
    "ArnEquals",
    "Null",
    "StringEqualsIfExists",
]);

const conditionValue: Arbitrary<Json> = fc.oneof(
    fc.constantFrom<Json>(
        "true",
        "false",
        true,
        false,
        "*",
        "repo:org/app:ref:refs/heads/main",
        "repo:org/*:*",
        "repo:*",
        "system:serviceaccount:ns:sa",
        "system:serviceaccount:*",
        "project_path:group/proj:ref_type:branch:ref:main",
        "https://signin.aws.amazon.com/saml",
        "sts.amazonaws.com",
        "o-abc123",
        "vpce-1a2b3c4d",
        "0.0.0.0/0",
        "10.0.0.0/8",
        "203.0.113.0/24",
        "3600",
        "43200",
        3600,
        "123456789012",
        "AIDAEXAMPLE:*",
        "ap-northeast-1:1234abcd-12ab-34cd-56ef-1234567890ab",
    ),
    marker,
    awsArn,
    number,
);

const condition: Arbitrary<JsonObject> = fc.dictionary(
    conditionOperator,
    fc.dictionary(conditionKey, oneOrMany(conditionValue), { minKeys: 1, maxKeys: 3 }),
    { maxKeys: 3 },
);

const federated = fc.oneof(
    varied([
        "token.actions.githubusercontent.com",
        "accounts.google.com",
        "cognito-identity.amazonaws.com",
        "graph.facebook.com",
        "www.amazon.com",
        "gitlab.com",
        "*",
    ]),
    awsArn,
);

const principal: Arbitrary<Json> = fc.oneof(
    fc.constantFrom<Json>("*", " * ", "arn:aws:iam::123456789012:root", "123456789012"),
    keyCase(fc.record({ AWS: oneOrMany(fc.oneof(fc.constant("*"), awsArn, fc.constant("123456789012"))) })),
    keyCase(fc.record({ Service: oneOrMany(fc.constantFrom("ec2.amazonaws.com", "lambda.amazonaws.com", "cloudtrail.amazonaws.com", "*")) })),
    keyCase(fc.record({ Federated: oneOrMany(federated) })),
    keyCase(fc.record({ CanonicalUser: fc.oneof(marker, fc.constant("79a59df900b949e55d96a1e698fbaced")) })),
);

const action: Arbitrary<Json> = oneOrMany(
    varied([
        "sts:AssumeRole",
        "sts:AssumeRoleWithWebIdentity",
        "sts:AssumeRoleWithSAML",
        "sts:TagSession",
        "sts:Assume*",
        "sts:*",
        "*",
        "s3:GetObject",
        "s3:PutObject",
        "s3:*",
        "iam:PassRole",
        "kms:Decrypt",
    ]),
);

const statement: Arbitrary<JsonObject> = keyCase(
    fc.record(
        {
            Sid: odd(fc.oneof(marker, fc.constantFrom("AllowRead", ""))),
            Effect: odd(varied(["Allow", "Deny", "Allow ", "Permit"])),
            Principal: odd(principal),
            NotPrincipal: odd(principal),
            Action: odd(action),
            NotAction: odd(action),
            Resource: odd(oneOrMany(fc.oneof(awsArn, fc.constant("*")))),
            Condition: odd(condition),
        },
        { requiredKeys: ["Effect"] },
    ),
);

/** An IAM policy document as an object. */
export const policyDocument: Arbitrary<JsonObject> = keyCase(
    fc.record(
        {
            Version: fc.constantFrom("2012-10-17", "2008-10-17"),
            Id: marker,
            Statement: fc.oneof({ arbitrary: fc.array(statement, { maxLength: 4 }), weight: 4 }, { arbitrary: statement, weight: 1 }, { arbitrary: fc.jsonValue({ maxDepth: 1 }), weight: 1 }),
        },
        { requiredKeys: ["Statement"] },
    ),
);

/** An IAM policy document as a JSON string (compact or indented), or text that is not one. */
export const policyDocumentText: Arbitrary<string> = fc.oneof(
    { arbitrary: fc.tuple(policyDocument, fc.constantFrom(0, 2)).map(([d, indent]) => JSON.stringify(d, null, indent)), weight: 8 },
    { arbitrary: fc.constantFrom("", "{", "[]", "null", '""', "42", '{"Statement": null}', '{"Statement": "x"}', '{"Statement": [null, 1, "s", []]}', '{"statement": {}}'), weight: 1 },
    { arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)), weight: 1 },
);

// ---------------------------------------------------------------------------------------------------------------
// Property bags

export interface Bags {
    /** Property names (weighted towards the ones the policy reads). */
    readonly name: Arbitrary<string>;
    /** Leaf values (weighted towards values the policy compares against). */
    readonly leaf: Arbitrary<Json>;
    /** Any value: leaves, nested objects with the policy's property names, arrays, policy documents. */
    readonly value: Arbitrary<Json>;
    /** A shaped property bag. */
    readonly shaped: Arbitrary<JsonObject>;
    /** A random JSON property bag (keys partly from the policy's names, values any JSON). */
    readonly random: Arbitrary<JsonObject>;
    /** A focus: a few of the names and values the policy's code uses. */
    readonly focus: Arbitrary<Focus>;
    /** Shaped bags that use mostly the names and values of a focus. */
    readonly focused: (f: Focus) => Arbitrary<JsonObject>;
    /** Mutants of a bag: blocks grafted onto the policy's property names, a generated bag merged in. */
    readonly mutant: (base: Arbitrary<JsonObject>) => Arbitrary<JsonObject>;
}

const NO_FIXTURES: Fixtures = { objects: [], resources: [] };

function stringsIn(v: Json): string[] {
    if (typeof v === "string") return v === UNKNOWN ? [] : [v];
    if (Array.isArray(v)) return v.flatMap(stringsIn);
    if (typeof v === "object" && v !== null) return Object.values(v).flatMap((x) => (x === undefined ? [] : stringsIn(x)));
    return [];
}

export interface Focus {
    readonly names: readonly string[];
    readonly values: readonly string[];
}

function weighted<T>(...parts: readonly (readonly [number, readonly T[] | Arbitrary<T>])[]): Arbitrary<T> {
    const arbs = parts
        .filter(([w, p]) => w > 0 && (!Array.isArray(p) || p.length > 0))
        .map(([weight, p]) => ({ weight, arbitrary: Array.isArray(p) ? fc.constantFrom(...(p as readonly T[])) : (p as Arbitrary<T>) }));
    return fc.oneof(...arbs);
}

const GENERIC_NAMES = ["id", "name", "arn", "tags", "region", "location", "type", "value", "enabled", "policy", "properties", "kind", "sku"];

interface Step {
    /** The name a computed segment ("*") gets. */
    readonly name: string;
    /** Whether an object step is written as a list of one instead, and whether a list step is a list at all. */
    readonly asArray: boolean;
    /** How many elements an array step gets. */
    readonly copies: number;
}

/** `{a: [{b: end}]}` for the path `a/[]/b`, varied by `steps`. */
function fromPath(path: readonly string[], steps: readonly Step[], end: Json, i = 0): Json {
    const segment = path[i];
    if (segment === undefined) return end;
    const st = steps[i % steps.length] ?? { name: "x", asArray: false, copies: 1 };
    const inner = fromPath(path, steps, end, i + 1);
    // A list element: a list, or the element alone (blocks the schema allows once or many times accept both).
    if (segment === "[]") return st.asArray ? Array.from({ length: st.copies }, () => inner) : inner;
    const key = segment === "*" ? st.name : segment;
    const next = path[i + 1];
    // A block the schema allows once or many times: sometimes written as a list of one.
    return { [key]: st.asArray && next !== undefined && next !== "[]" ? [inner] : inner };
}

function isPlainObject(v: Json): v is JsonObject {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Deep merge: objects merge key by key, arrays concatenate, anything else: `b` wins. */
function merge(a: Json, b: Json): Json {
    if (isPlainObject(a) && isPlainObject(b) && !isEnvelope(a) && !isEnvelope(b)) {
        const out: JsonObject = { ...a };
        for (const [k, x] of Object.entries(b)) {
            const old = out[k];
            out[k] = old === undefined ? x : merge(old, x);
        }
        return out;
    }
    if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
    return b;
}

/** Strings that match the policy's regular expressions (those fast-check can generate from), any case. */
function matching(patterns: Vocabulary["patterns"]): Arbitrary<string>[] {
    const out: Arbitrary<string>[] = [];
    for (const { source, flags } of patterns) {
        try {
            const arb = fc.stringMatching(new RegExp(source, flags.replace("i", "")), { size: "xsmall" });
            fc.sample(arb, 1);
            out.push(flags.includes("i") ? fc.tuple(arb, variant).map(([s, v]) => vary(s, v === "pad" ? "same" : v)) : arb);
        } catch {
            // a construct fast-check cannot generate from (look-behind, back-reference): skip it
        }
    }
    return out;
}

/** `stack`: values name other resources of the stack more often (literal joins by name). */
export function bagsFor(cloud: "aws" | "azure", v: Vocabulary, fixtures: Fixtures = NO_FIXTURES, stack = false): Bags {
    const aws = cloud === "aws";
    const fixtureObjects = fixtures.objects;
    const fixtureStrings = [...new Set(fixtureObjects.flatMap(stringsIn))];
    // Policy documents everywhere only for a policy whose code reads them (a `Statement` in its vocabulary).
    const readsDocuments = [...v.ownNames, ...v.coreNames].includes("Statement");
    const name = weighted<string>(
        [8, v.ownNames],
        [4, v.coreNames],
        [2, v.argNames],
        [1, GENERIC_NAMES],
        [1, PROTOTYPE_KEYS.filter((k) => k !== "__proto__")],
        [1, fc.string({ minLength: 1, maxLength: 8 })],
    );
    const patterns = matching(v.patterns);
    const guids = [...v.ownStrings, ...v.coreStrings].filter((s) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s));
    const text = weighted<string>(
        [6, v.ownStrings.length ? varied(v.ownStrings) : fc.constant("")],
        [5, v.coreStrings.length ? varied(v.coreStrings) : fc.constant("")],
        [5, v.listed.length ? varied(v.listed) : fc.constant("")],
        [2, varied(aws ? AWS_REGIONS : AZURE_LOCATIONS)],
        [1, varied(aws ? AZURE_LOCATIONS : AWS_REGIONS)],
        [2, BOOL_TEXTS],
        [aws ? 2 : 1, awsArn],
        [aws ? 1 : 2, azureId],
        [aws ? 0 : 2, roleDefinitionId],
        [1, guid],
        [1, guids],
        [1, CIDRS],
        [stack ? 8 : 2, JOIN_NAMES],
        [2, marker],
        [2, varied(MISC)],
        [readsDocuments ? 3 : 1, policyDocumentText],
        [1, fc.string({ maxLength: 12 })],
        [1, PROTOTYPE_KEYS],
        [2, patterns.length ? fc.oneof(...patterns) : fc.constant("")],
    );
    const leaf = weighted<Json>([10, text], [3, fc.boolean()], [3, number], [1, [null]], [1, assetOrArchive], [3, fixtureStrings]);
    const valuesOf = (names: Arbitrary<string>, leaves: Arbitrary<Json>): Arbitrary<Json> =>
        fc.letrec<{ value: Json; object: Json; array: Json }>((tie) => ({
            value: fc.oneof(
                { maxDepth: 4, depthIdentifier: "bag" },
                { arbitrary: leaves, weight: 6 },
                { arbitrary: tie("object"), weight: 3 },
                { arbitrary: tie("array"), weight: 2 },
                { arbitrary: policyDocument, weight: readsDocuments ? 1 : 0 },
                // a block as the policy's unit tests build it
                { arbitrary: fixtureObjects.length ? fc.constantFrom<Json>(...fixtureObjects) : leaves, weight: fixtureObjects.length ? 2 : 0 },
            ),
            object: fc.dictionary(names, tie("value"), { maxKeys: 5 }),
            array: fc.array(tie("value"), { maxLength: 4 }),
        })).value;
    const value = valuesOf(name, leaf);

    // Bags that follow the nested paths the policy's code names, merged into a random shaped bag.
    const wildcard = weighted<string>([3, v.ownNames], [1, v.coreNames], [1, fc.string({ minLength: 1, maxLength: 6 })]);
    const step = fc.record({ name: wildcard, asArray: fc.boolean(), copies: fc.integer({ min: 1, max: 2 }) });
    const pathBag = (end: Arbitrary<Json>): Arbitrary<Json> =>
        v.paths.length === 0
            ? fc.constant({})
            : fc
                  .record({ path: fc.constantFrom(...v.paths), steps: fc.array(step, { minLength: 8, maxLength: 8 }), end })
                  .map(({ path, steps, end: e }) => fromPath(path, steps, e));
    // A path's end is a value, or another path's bag (`lifecycleRules[]` holding `expiration.days`).
    const nestedPathBag = (values: Arbitrary<Json>): Arbitrary<Json> =>
        pathBag(
            fc.oneof(
                { arbitrary: values, weight: 4 },
                // the value the code reads, unknown during preview
                { arbitrary: fc.constant(UNKNOWN), weight: 1 },
                { arbitrary: fc.array(pathBag(values), { minLength: 1, maxLength: 3 }).map((xs) => xs.reduce<Json>((acc, x) => merge(acc, x), {})), weight: 2 },
            ),
        );
    const bagOf = (names: Arbitrary<string>, values: Arbitrary<Json>): Arbitrary<JsonObject> =>
        fc
            .tuple(fc.dictionary(names, values, { maxKeys: 10 }), fc.array(nestedPathBag(values), { maxLength: v.paths.length ? 4 : 0 }))
            .map(([bag, extra]) => extra.reduce<Json>((acc, x) => merge(acc, x), bag) as JsonObject);

    // Swarm testing: each shaped bag (each stack, in a stack) focuses on a few of the names and values the code
    // uses, so that a specific name meets a specific value (`acl` = "public-read") far more often than in a bag drawn
    // from all of them, and resources of one stack share names and values (so that they join).
    const names = [...new Set([...v.ownNames, ...v.coreNames])];
    const values = [...new Set([...v.ownStrings, ...v.listed, ...v.coreStrings, ...fixtureStrings, ...(stack ? JOIN_NAMES : [])])];
    const focus: Arbitrary<Focus> = fc.record({
        names: names.length ? fc.subarray(names, { minLength: 1, maxLength: Math.min(stack ? 6 : 4, names.length) }) : fc.constant([]),
        values: values.length ? fc.subarray(values, { minLength: 1, maxLength: Math.min(6, values.length) }) : fc.constant([]),
    });
    const focused = (f: Focus): Arbitrary<JsonObject> => {
        const n = f.names.length ? fc.oneof({ arbitrary: fc.constantFrom(...f.names), weight: 3 }, { arbitrary: name, weight: 1 }) : name;
        const l = f.values.length ? fc.oneof({ arbitrary: varied(f.values), weight: 2 }, { arbitrary: leaf, weight: 3 }) : leaf;
        return bagOf(n, valuesOf(n, l));
    };
    // Mutants of the unit tests' bags: one of them, with blocks the tests build (or generated values) grafted onto
    // the policy's property names, and sometimes a focused generated bag merged in.
    const graft = fc.record({
        key: name,
        value: fixtureObjects.length
            ? fc.oneof(fc.constantFrom<Json>(...fixtureObjects), fc.array(fc.constantFrom<Json>(...fixtureObjects), { minLength: 1, maxLength: 3 }), value)
            : value,
    });
    const mutant = (base: Arbitrary<JsonObject>): Arbitrary<JsonObject> =>
        fc
            .record({ base, grafts: fc.array(graft, { maxLength: 3 }), extra: fc.option(focus.chain(focused), { freq: 3 }) })
            .map(({ base: b, grafts, extra }) => {
                let out: Json = { ...b };
                for (const g of grafts) out = merge(out, { [g.key]: g.value });
                return (extra ? merge(out, extra) : out) as JsonObject;
            });
    const shaped = fixtureObjects.length
        ? fc.oneof(focus.chain(focused), mutant(fc.constantFrom(...(fixtureObjects as JsonObject[]))))
        : focus.chain(focused);
    const random = fc.dictionary(fc.oneof(name, fc.string({ maxLength: 10 })), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 8 }) as Arbitrary<JsonObject>;
    return { name, leaf, value, shaped, random, focus, focused, mutant };
}

/** Edits that put unknowns and secrets at random paths of a bag (often none). */
export const edits: Arbitrary<Edit[]> = fc.oneof(fc.constant<Edit[]>([]), fc.array(
    fc.record({
        at: fc.nat(),
        kind: fc.constantFrom<Edit["kind"]>("unknown", "wrap", "secret"),
        secretValue: fc.oneof<Arbitrary<Json>[]>(marker, secretNumber, awsArn.filter((a) => a.includes(MARKER)), marker.map((m) => JSON.stringify({ Statement: [{ Sid: m, Effect: "Allow", Principal: "*", Action: "s3:GetObject" }] }))),
    }),
    { minLength: 1, maxLength: 3 },
));

function edited(bag: Arbitrary<JsonObject>): Arbitrary<JsonObject> {
    return fc.tuple(bag, edits).map(([b, e]) => applyEdits(b, e) as JsonObject);
}

// ---------------------------------------------------------------------------------------------------------------
// Config, providers, resources, stacks

function stringsFor(rule: { readonly pattern?: string; readonly enum?: readonly string[] }, pool: readonly string[]): readonly string[] {
    if (rule.enum) return rule.enum;
    if (!rule.pattern) return pool;
    const re = new RegExp(rule.pattern);
    return pool.filter((s) => re.test(s));
}

function configValue(p: ConfigProperty, pool: readonly string[]): Arbitrary<unknown> {
    switch (p.type) {
        case "boolean":
            return fc.boolean();
        case "integer": {
            const min = p.minimum ?? 0;
            const max = Math.max(min, Math.min(p.maximum ?? 100_000, 100_000));
            return fc.oneof(fc.constant(p.default), fc.integer({ min, max }));
        }
        case "string": {
            const options = stringsFor(p, pool);
            return options.length ? fc.constantFrom(p.default, ...options) : fc.constant(p.default);
        }
        case "array": {
            // A list of records (srguard-exemptions' exemptions): left to its default.
            if (p.items.type === "object") return fc.constant([...p.default]);
            const options = [...new Set(stringsFor(p.items, pool))];
            return options.length ? fc.oneof(fc.constant([...p.default]), fc.subarray(options, { maxLength: Math.min(6, options.length) })) : fc.constant([...p.default]);
        }
    }
}

/** A valid config for the policy: each setting left to its default or set to a value its schema accepts. */
export function configFor(policy: SrguardPolicy, v: Vocabulary): Arbitrary<Record<string, unknown>> {
    const pool = [...v.ownStrings, ...v.coreStrings, ...AWS_REGIONS, ...AZURE_LOCATIONS, ...ROLE_GUIDS, ...v.types, ...v.mentionedTypes];
    const entries = Object.entries(policy.meta.config).map(([key, p]) =>
        fc.option(configValue(p, pool), { nil: undefined, freq: 2 }).map((value) => [key, value] as const),
    );
    if (!entries.length) return fc.constant({});
    return fc.tuple(...entries).map((kv) => {
        const out: Record<string, unknown> = {};
        for (const [k, value] of kv) if (value !== undefined) out[k] = value;
        return out;
    });
}

function providerFor(cloud: "aws" | "azure", b: Bags): Arbitrary<ProviderInput | undefined> {
    const key = fc.constantFrom(...(cloud === "aws" ? ["region", "profile", "defaultTags"] : ["location", "subscriptionId", "tenantId"]));
    const props = edited(fc.dictionary(key, fc.oneof({ arbitrary: varied(cloud === "aws" ? AWS_REGIONS : AZURE_LOCATIONS), weight: 4 }, { arbitrary: b.leaf, weight: 1 }), { maxKeys: 3 }));
    const provider = fc.record({ name: fc.constantFrom("default", "default_7_48_0", "default_3_28_0", "japan", "eu"), props });
    return fc.option(provider, { nil: undefined, freq: 2 });
}

export interface ResourceSample {
    readonly input: ResourceInput;
    readonly config: Record<string, unknown>;
    /** The type is another cloud's: the policy must not look at it. */
    readonly foreign: boolean;
}

const FOREIGN_TYPES: Readonly<Record<"aws" | "azure", readonly string[]>> = {
    aws: ["azure-native:storage:StorageAccount", "azure-native_keyvault_v20240101:keyvault:Vault", "kubernetes:core/v1:Secret"],
    azure: ["aws:s3/bucket:Bucket", "aws:iam/role:Role", "kubernetes:core/v1:Secret"],
};

/** The cloud whose values a policy's samples are made of (a cloud-neutral policy sees AWS-shaped stacks). */
function sampleCloud(policy: SrguardPolicy): "aws" | "azure" {
    return policy.meta.cloud === "azure" ? "azure" : "aws";
}

export function resourceSamples(policy: SrguardPolicy, v: Vocabulary, shape: "random" | "shaped", fixtures: Fixtures = NO_FIXTURES): Arbitrary<ResourceSample> {
    const cloud = sampleCloud(policy);
    const b = bagsFor(cloud, v, fixtures);
    const type = fc.oneof(
        { arbitrary: fc.constantFrom(...v.types).map((t) => ({ t, foreign: false })), weight: 19 },
        { arbitrary: fc.constantFrom(...FOREIGN_TYPES[cloud]).map((t) => ({ t, foreign: true })), weight: 1 },
    );
    return fc
        .record({ type, props: edited(shape === "shaped" ? b.shaped : b.random), provider: providerFor(cloud, b), config: configFor(policy, v) })
        .map(({ type: { t, foreign }, props, provider, config }) => ({
            input: { type: t, props, ...(provider ? { provider } : {}) },
            config,
            foreign,
        }));
}

export interface StackSample {
    readonly resources: readonly StackResourceInput[];
    readonly config: Record<string, unknown>;
}

interface Proto {
    readonly type: string;
    readonly props: JsonObject;
    readonly provider: ProviderInput | undefined;
    /** A unit test's resource: its name and property dependencies (kept where the named resources are in the stack). */
    readonly name?: string | undefined;
    readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
}

/**
 * 2–8 resources of the policy's types (and of types its code mentions), some of them mutants of the resources its
 * unit tests build (shaped stacks), with random property dependencies between them.
 */
export function stackSamples(policy: SrguardPolicy, v: Vocabulary, shape: "random" | "shaped", fixtures: Fixtures = NO_FIXTURES): Arbitrary<StackSample> {
    const cloud = sampleCloud(policy);
    const b = bagsFor(cloud, v, fixtures, true);
    const type = weighted<string>([4, v.types], [1, v.mentionedTypes]);
    const stackOf = (f: Focus | undefined) => {
        const props = edited(shape === "shaped" && f ? b.focused(f) : b.random);
        const generated: Arbitrary<Proto> = fc.record({ type, props, provider: providerFor(cloud, b) });
        const fromTests: Arbitrary<Proto> | undefined =
            shape === "shaped" && fixtures.resources.length
                ? fc
                      .record({ r: fc.constantFrom(...fixtures.resources), provider: providerFor(cloud, b) })
                      .chain(({ r, provider }) =>
                          edited(b.mutant(fc.constant({ ...r.props }))).map((p): Proto => ({ type: r.type, props: p, provider, name: r.name, propertyDependencies: r.propertyDependencies })),
                      )
                : undefined;
        const resource = fromTests ? fc.oneof({ arbitrary: generated, weight: 1 }, { arbitrary: fromTests, weight: 1 }) : generated;
        const joinName = f?.names.length ? fc.oneof({ arbitrary: fc.constantFrom(...f.names), weight: 3 }, { arbitrary: b.name, weight: 1 }) : b.name;
        const dependency = fc.record({ from: fc.nat(), property: joinName, to: fc.uniqueArray(fc.nat({ max: 7 }), { minLength: 1, maxLength: 3 }) });
        return fc.record({
            resources: fc.array(resource, { minLength: 2, maxLength: 8 }),
            dependencies: fc.array(dependency, { maxLength: 12 }),
            parents: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 2 }),
            config: configFor(policy, v),
        });
    };
    return (shape === "shaped" ? b.focus.chain((f) => stackOf(f)) : stackOf(undefined)).map(({ resources, dependencies, parents, config }) => {
        const n = resources.length;
        // A unit test's resource keeps its name (so that its property dependencies resolve) unless it is taken.
        const names: string[] = [];
        resources.forEach((r, i) => names.push(r.name !== undefined && !names.includes(r.name) && !/^r\d$/.test(r.name) ? r.name : `r${i}`));
        const deps: Map<string, string[]>[] = resources.map((r) => {
            const own = new Map<string, string[]>();
            for (const [k, targets] of Object.entries(r.propertyDependencies ?? {})) {
                const kept = targets.filter((t) => names.includes(t));
                if (kept.length) own.set(k, [...new Set(kept)]);
            }
            return own;
        });
        for (const d of dependencies) {
            const from = d.from % n;
            const to = d.to.map((t) => t % n).filter((t) => t !== from);
            const own = deps[from];
            if (!own || !to.length) continue;
            own.set(d.property, [...new Set([...(own.get(d.property) ?? []), ...to.map((t) => names[t] ?? `r${t}`)])]);
        }
        const parentOf = new Map<number, number>();
        for (const [c, p] of parents) {
            const child = c % n;
            const parent = p % n;
            if (parent < child) parentOf.set(child, parent); // parents come first: no cycles
        }
        return {
            resources: resources.map((r, i): StackResourceInput => {
                const own = deps[i] ?? new Map<string, string[]>();
                const name = names[i] ?? `r${i}`;
                // A resource never depends on itself (a test's dependency on a name this resource took).
                for (const [k, targets] of own) {
                    const others = targets.filter((t) => t !== name);
                    if (others.length) own.set(k, others);
                    else own.delete(k);
                }
                const parent = parentOf.get(i);
                return {
                    type: r.type,
                    name,
                    props: r.props,
                    ...(r.provider ? { provider: r.provider } : {}),
                    ...(own.size ? { propertyDependencies: Object.fromEntries(own) } : {}),
                    ...(parent !== undefined ? { parent: names[parent] ?? `r${parent}` } : {}),
                };
            }),
            config,
        };
    });
}
