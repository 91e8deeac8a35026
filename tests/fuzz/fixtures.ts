// Seeds for mutation: the property bags and resources a policy's own unit tests build (tests/policies/<cloud>/<name>
// .test.ts), read statically with the TypeScript parser. They reach the code paths the tests were written for
// (a trail joined to its bucket and a lifecycle rule expiring after 30 days); the fuzzer then mutates and mixes them.
//
// Only literal values are evaluated: strings, numbers, booleans, null, object and array literals, `UNKNOWN`,
// `secret(...)`, spreads of those, and identifiers bound to them (constants, and parameters through their default
// values, looked up through the enclosing scopes). Anything else (a call, a template with substitutions, a parameter without a default) is left out of the
// object it sits in, so a helper `(props) => ({ type: T, props: { name: "x", ...props } })` still yields its fixed part.

import * as fs from "fs";
import * as path from "path";
import ts from "typescript";
import { policyFolder, type SrguardPolicy } from "../../policies/core/policy";
import { secret, UNKNOWN } from "../harness";
import type { Json } from "./arbitraries";

const ROOT = path.resolve(__dirname, "../..");

export interface FixtureResource {
    readonly type: string;
    readonly name: string | undefined;
    readonly props: Readonly<Record<string, Json>>;
    readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
}

export interface Fixtures {
    /** Every object literal the tests build that evaluates to a non-empty object (bags, blocks, documents). */
    readonly objects: readonly Readonly<Record<string, Json>>[];
    /** Resource inputs (`{ type, props, ... }`) among them. */
    readonly resources: readonly FixtureResource[];
}

const NOT_STATIC = Symbol("not static");
type Value = Json | typeof NOT_STATIC;

function isRecord(v: unknown): v is Record<string, Json> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Not bound in any enclosing scope, or bound to something without a value (a parameter without a default). */
const UNBOUND = Symbol("unbound");

/**
 * The initializer an identifier is bound to, looking outwards through the enclosing scopes: a function's parameters
 * (their default values), then the `const`/`let` declarations of each enclosing block and of the file.
 */
function bindingOf(id: ts.Identifier): ts.Expression | typeof UNBOUND {
    const name = id.text;
    for (let n: ts.Node | undefined = id.parent; n; n = n.parent) {
        if (ts.isFunctionLike(n)) {
            for (const p of n.parameters) if (ts.isIdentifier(p.name) && p.name.text === name) return p.initializer ?? UNBOUND;
        }
        if (ts.isBlock(n) || ts.isSourceFile(n) || ts.isModuleBlock(n)) {
            for (const st of n.statements) {
                if (!ts.isVariableStatement(st)) continue;
                for (const d of st.declarationList.declarations) {
                    if (ts.isIdentifier(d.name) && d.name.text === name) return d.initializer ?? UNBOUND;
                }
            }
        }
    }
    return UNBOUND;
}

function evaluator(): (e: ts.Expression) => Value {
    const resolving = new Set<ts.Expression>();
    const evaluate = (e: ts.Expression): Value => {
        if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isNonNullExpression(e)) return evaluate(e.expression);
        if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
        if (ts.isNumericLiteral(e)) return Number(e.text);
        if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand)) return -Number(e.operand.text);
        if (e.kind === ts.SyntaxKind.TrueKeyword) return true;
        if (e.kind === ts.SyntaxKind.FalseKeyword) return false;
        if (e.kind === ts.SyntaxKind.NullKeyword) return null;
        if (ts.isIdentifier(e)) {
            if (e.text === "UNKNOWN") return UNKNOWN;
            const init = bindingOf(e);
            if (init === UNBOUND || resolving.has(init)) return NOT_STATIC;
            resolving.add(init);
            try {
                return evaluate(init);
            } finally {
                resolving.delete(init);
            }
        }
        if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === "secret" && e.arguments.length === 1) {
            const [arg] = e.arguments;
            const v = arg ? evaluate(arg) : NOT_STATIC;
            return v === NOT_STATIC ? NOT_STATIC : (secret(v) as Json);
        }
        if (ts.isArrayLiteralExpression(e)) {
            const out: Json[] = [];
            for (const el of e.elements) {
                if (ts.isSpreadElement(el)) {
                    const v = evaluate(el.expression);
                    if (Array.isArray(v)) out.push(...v);
                    continue;
                }
                const v = evaluate(el);
                if (v !== NOT_STATIC) out.push(v);
            }
            return out;
        }
        if (ts.isObjectLiteralExpression(e)) {
            const out: Record<string, Json> = {};
            for (const p of e.properties) {
                if (ts.isSpreadAssignment(p)) {
                    const v = evaluate(p.expression);
                    if (isRecord(v)) Object.assign(out, v);
                    continue;
                }
                let key: string | undefined;
                let v: Value = NOT_STATIC;
                if (ts.isPropertyAssignment(p)) {
                    if (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) || ts.isNumericLiteral(p.name)) key = p.name.text;
                    v = evaluate(p.initializer);
                } else if (ts.isShorthandPropertyAssignment(p)) {
                    key = p.name.text;
                    v = evaluate(p.name);
                }
                if (key === undefined || key === "__proto__" || v === NOT_STATIC) continue;
                out[key] = v;
            }
            return out;
        }
        return NOT_STATIC;
    };
    return evaluate;
}

function strings(v: Json): readonly string[] {
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

function resourceOf(o: Readonly<Record<string, Json>>): FixtureResource | undefined {
    const { type, props, name, propertyDependencies } = o;
    if (typeof type !== "string" || !isRecord(props)) return undefined;
    const deps: Record<string, readonly string[]> = {};
    if (isRecord(propertyDependencies)) {
        for (const [k, names] of Object.entries(propertyDependencies)) if (names !== undefined) deps[k] = strings(names);
    }
    return { type, name: typeof name === "string" ? name : undefined, props, propertyDependencies: deps };
}

const cache = new Map<string, Fixtures>();

/** The fixtures of a policy's unit tests (none when it has no test file yet). */
export function fixturesOf(policy: SrguardPolicy): Fixtures {
    const { name, cloud } = policy.meta;
    const hit = cache.get(name);
    if (hit) return hit;
    const file = path.join(ROOT, "tests/policies", policyFolder(cloud), `${name}.test.ts`);
    const objects = new Map<string, Record<string, Json>>();
    if (fs.existsSync(file)) {
        const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
        const evaluate = evaluator();
        const visit = (node: ts.Node) => {
            if (ts.isObjectLiteralExpression(node)) {
                const v = evaluate(node);
                if (isRecord(v) && Object.keys(v).length) objects.set(JSON.stringify(v), v);
            }
            ts.forEachChild(node, visit);
        };
        visit(source);
    }
    const all = [...objects.values()];
    const fixtures: Fixtures = { objects: all, resources: all.map(resourceOf).filter((r): r is FixtureResource => r !== undefined) };
    cache.set(name, fixtures);
    return fixtures;
}
