// A typo in a security pack fails open, so property names and type tokens are checked at compile time: a policy reads
// its resource through the provider's input type (policies/core/resource-types.generated.ts). This test compiles a
// real policy file, and variants of it with one misspelling each, with the project's own compiler options: the
// original compiles clean, every variant fails naming the misspelling.

import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const POLICY = path.join(ROOT, "policies", "aws", "aws-sqs-queue-require-encryption.ts");
const original = fs.readFileSync(POLICY, "utf8");

/** A variant of the policy with `from` replaced by `to` (which must occur in it). */
function variant(from: string, to: string): string {
    if (!original.includes(from)) throw new Error(`the policy no longer contains ${from}`);
    return original.replace(from, to);
}

const STACK_PROBE = `import { defineStackPolicy } from "../core/policy";
import { fail, pass } from "../core/verdict";
export default defineStackPolicy({
    name: "probe", title: "t", cloud: "aws", control: "encryption-at-rest", severity: "low", description: "d",
    remediation: "r", frameworks: [], enforcementLevel: "advisory", config: {}, resourceTypes: ["aws:sqs/queue:Queue"],
    examples: { pass: [{ title: "p", resources: [] }], fail: [{ title: "f", resources: [] }] },
    *check(stack) {
        for (const q of stack.ofType("aws:sqs/queue:Queue")) yield { urn: q.urn, verdict: q.props.get("KEY").isText() ? pass : fail("m") };
    },
});
`;

const VARIANTS: Record<string, string> = {
    original,
    "misspelt-property": variant('props.get("kmsMasterKeyId")', 'props.get("kmsMasterKeyID")'),
    "misspelt-token": variant('resourceTypes: ["aws:sqs/queue:Queue"]', 'resourceTypes: ["aws:sqs/queue:Queu"]'),
    "stack-original": STACK_PROBE.replace('"KEY"', '"kmsMasterKeyId"'),
    "stack-misspelt-property": STACK_PROBE.replace('"KEY"', '"kmsMasterKeyid"'),
};

const fileOf = (name: string) => path.join(ROOT, "policies", "aws", `__typo-probe-${name}.ts`);

let errors: Record<string, string[]>;

beforeAll(() => {
    const config = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile);
    const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
    const virtual = new Map(Object.entries(VARIANTS).map(([name, text]) => [fileOf(name), text]));
    const host = ts.createCompilerHost(options);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (file, lang, ...rest) => {
        const text = virtual.get(path.resolve(file));
        return text !== undefined ? ts.createSourceFile(file, text, lang) : getSourceFile(file, lang, ...rest);
    };
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (file) => virtual.has(path.resolve(file)) || fileExists(file);
    const program = ts.createProgram({ rootNames: [...virtual.keys()], options: { ...options, noEmit: true }, host });
    errors = {};
    for (const [name] of Object.entries(VARIANTS)) {
        const sf = program.getSourceFile(fileOf(name));
        if (!sf) throw new Error(`no source file for ${name}`);
        errors[name] = [...program.getSemanticDiagnostics(sf), ...program.getSyntacticDiagnostics(sf)].map(
            (d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
        );
    }
}, 120_000);

describe("typed properties and tokens", () => {
    it("compiles the policy as written", () => {
        expect(errors["original"]).toEqual([]);
        expect(errors["stack-original"]).toEqual([]);
    });

    it("refuses a misspelt property of a resource policy", () => {
        expect(errors["misspelt-property"]?.join("\n")).toMatch(/TS2345: Argument of type '"kmsMasterKeyID"' is not assignable/);
    });

    it("refuses a type token the installed providers do not have", () => {
        expect(errors["misspelt-token"]?.join("\n")).toMatch(/"aws:sqs\/queue:Queu"/);
    });

    it("refuses a misspelt property of a resource a stack policy joins", () => {
        expect(errors["stack-misspelt-property"]?.join("\n")).toMatch(/TS2345: Argument of type '"kmsMasterKeyid"' is not assignable/);
    });
});
