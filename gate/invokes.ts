// Offline answers for data sources (invokes), which a program calls during a preview as during `pulumi up`:
//
// - the user's own answers, from a JSON file (`--data-sources FILE`, docs/gate.md): token → result, or token → a
//   list of `{ "args": {...}, "result": {...} }` where the first entry whose `args` are all among the call's wins;
// - `aws:iam/getPolicyDocument:getPolicyDocument` computed exactly as the provider computes it (terraform-provider-aws
//   internal/service/iam/policy_document_data_source.go and policy_model.go);
// - well-formed, consistent stand-ins for the common look-ups (caller identity, region, partition, availability
//   zones, AMI, VPC and subnet look-ups, Azure client config) in the stack's own account, region and subscription
//   (the same context as the resource stand-ins, standins.ts), so that a program that indexes into a result runs.
// Any other data source gets the empty result (the caller warns).

import * as fs from "node:fs";
import * as zlib from "node:zlib";
import { inputError, oneLine } from "./errors";
import { type StandInContext, standInGuid } from "./standins";
import { type Json, type JsonObject, isJsonObject } from "./wire";

export type AnswerSource = "user" | "exact" | "stand-in";

export interface InvokeAnswer {
    readonly result: JsonObject;
    readonly source: AnswerSource;
}

export interface UserAnswer {
    readonly args?: JsonObject;
    readonly result: JsonObject;
}

export type UserAnswers = Readonly<Record<string, readonly UserAnswer[]>>;

/** Reads and checks a data-source answers file; `display` names it in messages. */
export function readAnswersFile(file: string, display: string = file): UserAnswers {
    let doc: unknown;
    try {
        doc = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
        throw inputError(display, (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : `malformed JSON: ${oneLine((e as Error).message)}`);
    }
    if (!isJsonObject(doc as Json)) throw inputError(display, "must be a JSON object: data-source token → result");
    const out: Record<string, UserAnswer[]> = {};
    for (const [token, v] of Object.entries(doc as JsonObject)) {
        if (!/^[^:]+:[^:]*:[^:]+$/.test(token)) throw inputError(display, `'${token}' is not a data-source token (e.g. aws:ec2/getAmi:getAmi)`);
        const entries: Json[] = Array.isArray(v) ? v : [{ result: v }];
        out[token] = entries.map((e, i) => {
            const where = Array.isArray(v) ? `${token}[${i}]` : token;
            if (!isJsonObject(e) || !isJsonObject(e["result"] ?? null)) throw inputError(display, `${where}: must be ${Array.isArray(v) ? "{ \"args\", \"result\" } with an object result" : "an object (the result)"}`);
            const args = e["args"];
            if (args !== undefined && !isJsonObject(args)) throw inputError(display, `${where}.args: must be an object`);
            return { ...(args ? { args } : {}), result: e["result"] as JsonObject };
        });
    }
    return out;
}

function deepIncludes(actual: unknown, expected: Json): boolean {
    if (isJsonObject(expected)) {
        if (typeof actual !== "object" || actual === null || Array.isArray(actual)) return false;
        return Object.entries(expected).every(([k, v]) => deepIncludes((actual as Record<string, unknown>)[k], v));
    }
    if (Array.isArray(expected)) {
        return Array.isArray(actual) && actual.length === expected.length && expected.every((v, i) => deepIncludes(actual[i], v));
    }
    return actual === expected;
}

// --- aws:iam/getPolicyDocument, exactly -----------------------------------------------------------------------------

type Strings = string | string[];

/** policyDecodeConfigStringList: one value stays a string, several are sorted in reverse (after the set's dedupe). */
function decodeList(values: unknown): Strings | undefined {
    const list = [...new Set(Array.isArray(values) ? values.filter((v): v is string => typeof v === "string") : [])];
    if (!list.length) return undefined;
    if (list.length === 1) return list[0] as string;
    return list.sort().reverse();
}

const replaceVars = (v: string) => v.split("&{").join("${");
function replaceVarsIn(v: Strings | undefined): Strings | undefined {
    return v === undefined ? undefined : typeof v === "string" ? replaceVars(v) : v.map(replaceVars);
}

interface Principal {
    readonly type: string;
    readonly identifiers: Strings;
}

/** IAMPolicyStatementPrincipalSet.MarshalJSON. */
function principalJson(ps: readonly Principal[]): Json {
    const only = ps.length === 1 ? ps[0] : undefined;
    if (only && only.type === "*" && (only.identifiers === "*" || (Array.isArray(only.identifiers) && only.identifiers.length === 1 && only.identifiers[0] === "*"))) {
        return "*";
    }
    const raw: Record<string, Strings> = {};
    for (const p of ps) {
        const prev = raw[p.type];
        if (Array.isArray(p.identifiers)) {
            const ids = [...p.identifiers].sort().reverse();
            raw[p.type] = prev === undefined ? ids : [...(typeof prev === "string" ? [prev] : prev), ...ids];
        } else {
            raw[p.type] = prev === undefined ? p.identifiers : [...(typeof prev === "string" ? [prev] : prev), p.identifiers];
        }
    }
    return sortKeys(raw);
}

interface Condition {
    readonly test: string;
    readonly variable: string;
    readonly values: Strings;
}

/** IAMPolicyStatementConditionSet.MarshalJSON. */
function conditionJson(cs: readonly Condition[]): Json {
    const raw: Record<string, Record<string, string[]>> = {};
    for (const c of cs) {
        const byVar = (raw[c.test] ??= {});
        byVar[c.variable] = [...(byVar[c.variable] ?? []), ...(typeof c.values === "string" ? [c.values] : c.values)];
    }
    const out: JsonObject = {};
    for (const [test, vars] of Object.entries(raw)) {
        const o: JsonObject = {};
        for (const [k, items] of Object.entries(vars)) o[k] = items.length === 1 ? (items[0] as string) : items;
        out[test] = sortKeys(o);
    }
    return sortKeys(out);
}

/** Go's encoding/json writes map keys sorted. */
function sortKeys<T extends Json>(o: Record<string, T>): JsonObject {
    const out: JsonObject = {};
    for (const k of Object.keys(o).sort()) out[k] = o[k] as T;
    return out;
}

interface Statement {
    Sid?: string;
    Effect?: string;
    Action?: Json;
    NotAction?: Json;
    Resource?: Json;
    NotResource?: Json;
    Principal?: Json;
    NotPrincipal?: Json;
    Condition?: Json;
}

interface PolicyDoc {
    Version?: string;
    Id?: string;
    Statement?: Statement[];
}

/** A statement in the model's field order, empty fields omitted (`omitempty`). */
function statement(s: Statement): Statement {
    const out: Statement = {};
    for (const k of ["Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal", "NotPrincipal", "Condition"] as const) {
        const v = s[k];
        if (v === undefined || v === "" || v === null || (Array.isArray(v) && v.length === 0) || (isJsonObject(v as Json) && Object.keys(v as JsonObject).length === 0)) continue;
        (out as Record<string, Json>)[k] = v as Json;
    }
    return out;
}

/** A source/override document as the provider unmarshals and re-marshals it. */
function parsedDoc(text: string, what: string): PolicyDoc {
    let raw: unknown;
    try {
        raw = JSON.parse(text);
    } catch {
        throw new Error(`getPolicyDocument: ${what} is not JSON`);
    }
    if (!isJsonObject(raw as Json)) throw new Error(`getPolicyDocument: ${what} is not a JSON object`);
    const d = raw as JsonObject;
    const stmts = Array.isArray(d["Statement"]) ? d["Statement"] : isJsonObject(d["Statement"] ?? null) ? [d["Statement"] as JsonObject] : [];
    const reprincipal = (p: Json | undefined): Json | undefined => {
        if (p === undefined) return undefined;
        if (typeof p === "string") return principalJson([{ type: "*", identifiers: ["*"] }]);
        if (!isJsonObject(p)) return p;
        return principalJson(
            Object.entries(p).map(([type, v]) => ({
                type,
                identifiers: typeof v === "string" ? v : Array.isArray(v) ? v.filter((x): x is string => typeof x === "string").sort() : String(v),
            })),
        );
    };
    const recondition = (c: Json | undefined): Json | undefined => {
        if (!isJsonObject(c ?? null)) return c;
        const list: Condition[] = [];
        for (const [test, vars] of Object.entries(c as JsonObject)) {
            if (!isJsonObject(vars)) continue;
            for (const [variable, v] of Object.entries(vars)) {
                const values = typeof v === "boolean" ? String(v) : typeof v === "string" ? [v] : Array.isArray(v) ? v.map(String) : String(v);
                list.push({ test, variable, values });
            }
        }
        return conditionJson(list);
    };
    return {
        ...(typeof d["Version"] === "string" ? { Version: d["Version"] } : {}),
        ...(typeof d["Id"] === "string" ? { Id: d["Id"] } : {}),
        Statement: stmts.filter(isJsonObject).map((s) =>
            statement({
                ...(typeof s["Sid"] === "string" ? { Sid: s["Sid"] } : {}),
                ...(typeof s["Effect"] === "string" ? { Effect: s["Effect"] } : {}),
                Action: s["Action"],
                NotAction: s["NotAction"],
                Resource: s["Resource"],
                NotResource: s["NotResource"],
                Principal: reprincipal(s["Principal"]),
                NotPrincipal: reprincipal(s["NotPrincipal"]),
                Condition: recondition(s["Condition"]),
            } as Statement),
        ),
    };
}

/** IAMPolicyDoc.Merge. */
function merge(into: PolicyDoc, doc: PolicyDoc): void {
    if (doc.Id) into.Id = doc.Id;
    if ((doc.Version ?? "") > (into.Version ?? "")) into.Version = doc.Version;
    const stmts = (into.Statement ??= []);
    for (const s of doc.Statement ?? []) {
        const at = s.Sid ? stmts.findIndex((e) => e.Sid === s.Sid) : -1;
        if (at >= 0) stmts[at] = s;
        else stmts.push(s);
    }
}

/** Go's json.Marshal escapes <, > and & (and U+2028/U+2029) in strings. */
function goJson(v: unknown, indent?: number): string {
    return JSON.stringify(v, null, indent)
        .replace(/</g, "\\u003c")
        .replace(/>/g, "\\u003e")
        .replace(/&/g, "\\u0026")
        .replace(/\u2028/g, "\\u2028")
        .replace(/\u2029/g, "\\u2029");
}

/** create.StringHashcode: crc32 (IEEE) of the text, as a non-negative int. */
function stringHashcode(s: string): number {
    // Go: int(crc32) on a 64-bit platform is never negative.
    return zlib.crc32(Buffer.from(s, "utf8"));
}

function list(v: unknown): unknown[] {
    return Array.isArray(v) ? v : [];
}

/** The result of `aws.iam.getPolicyDocument(args)`, as the provider computes it. */
export function policyDocument(args: Record<string, unknown>): JsonObject {
    const version = typeof args["version"] === "string" && args["version"] ? args["version"] : "2012-10-17";
    const merged: PolicyDoc = {};
    list(args["sourcePolicyDocuments"]).forEach((src, i) => {
        if (typeof src === "string") merge(merged, parsedDoc(src, `sourcePolicyDocuments[${i}]`));
    });
    const doc: PolicyDoc = { Version: version };
    if (typeof args["policyId"] === "string" && args["policyId"]) doc.Id = args["policyId"];
    const stmts = list(args["statements"]);
    if (stmts.length) {
        doc.Statement = stmts.map((raw) => {
            const s = (isJsonObject(raw as Json) ? raw : {}) as Record<string, unknown>;
            const principals = (key: string): Json | undefined => {
                const ps = list(s[key])
                    .filter((p): p is Record<string, unknown> => isJsonObject(p as Json))
                    .map((p) => ({ type: String(p["type"] ?? ""), identifiers: replaceVarsIn(decodeList(p["identifiers"])) ?? [] }));
                return ps.length ? principalJson(ps) : undefined;
            };
            const conditions = list(s["conditions"])
                .filter((c): c is Record<string, unknown> => isJsonObject(c as Json))
                .map((c) => {
                    const values = list(c["values"]).filter((v): v is string => typeof v === "string").map(replaceVars);
                    return { test: String(c["test"] ?? ""), variable: String(c["variable"] ?? ""), values: values.length === 1 ? (values[0] as string) : values };
                });
            return statement({
                ...(typeof s["sid"] === "string" ? { Sid: s["sid"] } : {}),
                Effect: typeof s["effect"] === "string" && s["effect"] ? s["effect"] : "Allow",
                Action: decodeList(s["actions"]),
                NotAction: decodeList(s["notActions"]),
                Resource: replaceVarsIn(decodeList(s["resources"])),
                NotResource: replaceVarsIn(decodeList(s["notResources"])),
                Principal: principals("principals"),
                NotPrincipal: principals("notPrincipals"),
                Condition: conditions.length ? conditionJson(conditions) : undefined,
            } as Statement);
        });
    }
    merge(merged, doc);
    list(args["overridePolicyDocuments"]).forEach((o, i) => {
        if (typeof o === "string") merge(merged, parsedDoc(o, `overridePolicyDocuments[${i}]`));
    });
    const ordered = {
        ...(merged.Version ? { Version: merged.Version } : {}),
        ...(merged.Id ? { Id: merged.Id } : {}),
        ...(merged.Statement && merged.Statement.length ? { Statement: merged.Statement } : {}),
    };
    const json = goJson(ordered, 2);
    return {
        ...(args as JsonObject),
        id: String(stringHashcode(json)),
        json,
        minifiedJson: goJson(ordered),
        version,
    };
}

// --- Stand-ins for look-ups -----------------------------------------------------------------------------------------

function hexOf(seed: string, n: number): string {
    return standInGuid(seed).replace(/-/g, "").slice(0, n);
}

function awsRegionOf(args: Record<string, unknown>, region: string): string {
    return typeof args["region"] === "string" && args["region"] ? args["region"] : region;
}

const ZONE_PREFIX: Readonly<Record<string, string>> = { "ap-northeast-1": "apne1", "us-east-1": "use1", "eu-west-1": "euw1", "eu-central-1": "euc1", "us-west-2": "usw2" };

function lookups(token: string, args: Record<string, unknown>, region0: string, ctx: StandInContext): JsonObject | undefined {
    const p = ctx.partition;
    const a = ctx.account;
    const region = awsRegionOf(args, region0);
    switch (token) {
        case "aws:index/getCallerIdentity:getCallerIdentity":
            return { accountId: a, arn: `arn:${p}:iam::${a}:root`, id: a, userId: a };
        case "aws:index/getRegion:getRegion": {
            const r = typeof args["name"] === "string" && args["name"] ? args["name"] : region;
            return { id: r, name: r, region: r, description: r, endpoint: `ec2.${r}.amazonaws.com` };
        }
        case "aws:index/getPartition:getPartition":
            return { id: p, partition: p, dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" };
        case "aws:index/getAvailabilityZones:getAvailabilityZones": {
            const zp = ZONE_PREFIX[region] ?? region.replace(/-/g, "").slice(0, 6);
            const names = ["a", "c", "d"].map((s) => `${region}${s}`);
            return { ...(args as JsonObject), id: region, region, names, zoneIds: names.map((_n, i) => `${zp}-az${i + 1}`), groupNames: [region], state: "available" };
        }
        case "aws:ec2/getAmi:getAmi": {
            const id = `ami-${hexOf(`${token}${JSON.stringify(args)}`, 17)}`;
            return {
                ...(args as JsonObject),
                id,
                imageId: id,
                arn: `arn:${p}:ec2:${region}::image/${id}`,
                name: "srguard-offline-stand-in",
                architecture: "x86_64",
                ownerId: a,
                platformDetails: "Linux/UNIX",
                rootDeviceName: "/dev/xvda",
                rootDeviceType: "ebs",
                virtualizationType: "hvm",
                state: "available",
                public: false,
                region,
                blockDeviceMappings: [],
                tags: {},
            };
        }
        case "aws:ec2/getVpc:getVpc": {
            const id = typeof args["id"] === "string" ? args["id"] : `vpc-${hexOf(`${token}${JSON.stringify(args)}`, 17)}`;
            return { ...(args as JsonObject), id, arn: `arn:${p}:ec2:${region}:${a}:vpc/${id}`, cidrBlock: "10.0.0.0/16", default: args["default"] === true, ownerId: a, state: "available", tags: {}, region };
        }
        case "aws:ec2/getSubnets:getSubnets":
            return { ...(args as JsonObject), id: region, ids: ["a", "c", "d"].map((s) => `subnet-${hexOf(`${token}${JSON.stringify(args)}${s}`, 17)}`), region };
        case "aws:ec2/getSubnet:getSubnet": {
            const id = typeof args["id"] === "string" ? args["id"] : `subnet-${hexOf(`${token}${JSON.stringify(args)}`, 17)}`;
            return {
                ...(args as JsonObject),
                id,
                arn: `arn:${p}:ec2:${region}:${a}:subnet/${id}`,
                vpcId: `vpc-${hexOf(`${token}vpc`, 17)}`,
                availabilityZone: `${region}a`,
                cidrBlock: "10.0.0.0/24",
                ownerId: a,
                state: "available",
                tags: {},
                region,
            };
        }
        case "azure-native:authorization:getClientConfig":
            return { clientId: standInGuid("client"), objectId: standInGuid("object"), subscriptionId: ctx.subscriptionId, tenantId: ctx.tenantId };
    }
    return undefined;
}

/** The tokens that get a built-in answer (for docs and messages). */
export const ANSWERED_TOKENS: readonly string[] = [
    "aws:iam/getPolicyDocument:getPolicyDocument",
    "aws:index/getCallerIdentity:getCallerIdentity",
    "aws:index/getRegion:getRegion",
    "aws:index/getPartition:getPartition",
    "aws:index/getAvailabilityZones:getAvailabilityZones",
    "aws:ec2/getAmi:getAmi",
    "aws:ec2/getVpc:getVpc",
    "aws:ec2/getSubnets:getSubnets",
    "aws:ec2/getSubnet:getSubnet",
    "azure-native:authorization:getClientConfig",
];

/**
 * The offline answer to a data-source call: the user's, else the exact or stand-in one, else undefined. `region` is
 * the region of the call's provider (else the stack's).
 */
export function answerInvoke(
    token: string,
    args: Record<string, unknown>,
    region: string | undefined,
    ctx: StandInContext,
    user: UserAnswers = {},
): InvokeAnswer | undefined {
    const own = user[token]?.find((a) => a.args === undefined || deepIncludes(args, a.args));
    if (own) return { result: own.result, source: "user" };
    if (token === "aws:iam/getPolicyDocument:getPolicyDocument") return { result: policyDocument(args), source: "exact" };
    const looked = lookups(token, args, region ?? ctx.region, ctx);
    return looked ? { result: looked, source: "stand-in" } : undefined;
}
