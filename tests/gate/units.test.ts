// The gate's pure parts, without a pack: the engine's wire conversions, URNs, project config, CLI arguments, config
// reconciling, and the SARIF validator the format tests rely on.

import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { helpText, parseArgs } from "../../gate/args";
import { reconcileConfig, specOf } from "../../gate/config";
import { GateError, oneLine } from "../../gate/errors";
import { defaultProviderName, engineUrn, parseProviderRef, parseUrn } from "../../gate/model";
import type { PackInfo, PolicyView } from "../../gate/pack";
import { chooseStack, loadProject, loadStackConfig } from "../../gate/project";
import { OUTPUT_SIG, RESOURCE_SIG, SECRET_SIG, SIG_KEY, UNKNOWN, toAnalyzerProperties, toAnalyzerValue } from "../../gate/wire";
import { fixture } from "./helpers";
import { validateSarif } from "./sarif-validator";

const secret = (value: unknown) => ({ [SIG_KEY]: SECRET_SIG, value });

describe("wire form (what the engine sends an analyzer)", () => {
    it("reads an encrypted export secret as a secret whose value is unknown", () => {
        expect(toAnalyzerValue({ [SIG_KEY]: SECRET_SIG, ciphertext: "v1:abc" }, "x")).toEqual(secret(UNKNOWN));
    });

    it("decodes a plaintext export secret (its plaintext is JSON) and keeps it secret", () => {
        expect(toAnalyzerValue({ [SIG_KEY]: SECRET_SIG, plaintext: '{"a":[1,true]}' }, "x")).toEqual(secret({ a: [1, true] }));
    });

    it("reads preview --json's blinded \"[secret]\" as an unknown secret only when asked to", () => {
        expect(toAnalyzerValue("[secret]", "x", { blindedSecrets: true })).toEqual(secret(UNKNOWN));
        expect(toAnalyzerValue("[secret]", "x")).toBe("[secret]");
    });

    it("downgrades a custom resource reference to its id, unknown when the id is not known", () => {
        expect(toAnalyzerValue({ [SIG_KEY]: RESOURCE_SIG, urn: "urn:pulumi:s::p::t::n", id: "i-123" }, "x")).toBe("i-123");
        expect(toAnalyzerValue({ [SIG_KEY]: RESOURCE_SIG, urn: "urn:pulumi:s::p::t::n", id: "" }, "x")).toBe(UNKNOWN);
    });

    it("downgrades a component reference to its URN", () => {
        expect(toAnalyzerValue({ [SIG_KEY]: RESOURCE_SIG, urn: "urn:pulumi:s::p::c:i:C::n" }, "x")).toBe("urn:pulumi:s::p::c:i:C::n");
    });

    it("turns output values into their element, secret when the output is, unknown when not known", () => {
        expect(toAnalyzerValue({ [SIG_KEY]: OUTPUT_SIG, value: "v", secret: true }, "x")).toEqual(secret("v"));
        expect(toAnalyzerValue({ [SIG_KEY]: OUTPUT_SIG, dependencies: [] }, "x")).toBe(UNKNOWN);
    });

    it("skips internal __ keys at every level", () => {
        expect(toAnalyzerProperties({ __defaults: [], a: { __meta: 1, b: 2 }, c: [{ __x: 1, d: 3 }] })).toEqual({ a: { b: 2 }, c: [{ d: 3 }] });
    });

    it("refuses a secret envelope without a value", () => {
        expect(() => toAnalyzerValue({ [SIG_KEY]: SECRET_SIG }, "tags.owner")).toThrow(/tags\.owner/);
    });
});

describe("URNs", () => {
    it("gives a top-level resource no root-stack qualifier, as the engine does", () => {
        const stack = "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev";
        expect(engineUrn("dev", "proj", stack, "aws:s3/bucket:Bucket", "b")).toBe("urn:pulumi:dev::proj::aws:s3/bucket:Bucket::b");
    });

    it("qualifies a child with its parent's full qualified type", () => {
        const parent = "urn:pulumi:dev::proj::a:b:Outer$c:d:Inner::x";
        expect(engineUrn("dev", "proj", parent, "aws:s3/bucket:Bucket", "b")).toBe("urn:pulumi:dev::proj::a:b:Outer$c:d:Inner$aws:s3/bucket:Bucket::b");
    });

    it("parses a URN whose name contains ::", () => {
        expect(parseUrn("urn:pulumi:dev::proj::a:b:Outer$aws:s3/bucket:Bucket::odd::name")).toEqual({
            stack: "dev",
            project: "proj",
            qualifiedType: "a:b:Outer$aws:s3/bucket:Bucket",
            type: "aws:s3/bucket:Bucket",
            name: "odd::name",
        });
    });

    it("splits a provider reference at its last ::", () => {
        expect(parseProviderRef("urn:pulumi:dev::proj::pulumi:providers:aws::default_7_48_0::abc")).toEqual({
            urn: "urn:pulumi:dev::proj::pulumi:providers:aws::default_7_48_0",
            id: "abc",
        });
    });

    it("names default providers as the engine does", () => {
        expect(defaultProviderName("7.48.0")).toBe("default_7_48_0");
        expect(defaultProviderName("3.28.0-alpha.1")).toBe("default_3_28_0_alpha_1");
        expect(defaultProviderName(undefined)).toBe("default");
    });
});

describe("project and stack config", () => {
    const dir = fixture("programs", "probe");
    const project = loadProject(dir, "probe");

    it("namespaces config keys and stringifies values as the engine hands them to the program", () => {
        const c = loadStackConfig(project, "test");
        expect(c.values["aws:region"]).toBe("eu-west-1");
        expect(c.values["aws:skipCredentialsValidation"]).toBe("true");
        expect(c.values["gate-probe:retention"]).toBe("14");
    });

    it("marks a secure value secret and hands the program the unknown sentinel instead of the ciphertext", () => {
        const c = loadStackConfig(project, "test");
        expect(c.secretKeys).toEqual(["gate-probe:owner"]);
        expect(c.values["gate-probe:owner"]).toBe(UNKNOWN);
    });

    it("runs the only stack by default and refuses an unknown one naming the stacks there are", () => {
        expect(chooseStack(project, undefined)).toBe("test");
        expect(() => chooseStack(project, "prod")).toThrow("probe: unknown stack 'prod' (stacks: test)");
    });

    it("refuses a folder without Pulumi.yaml", () => {
        expect(() => loadProject(path.join(dir, ".."), "programs")).toThrow("programs: no Pulumi.yaml here (not a Pulumi project)");
    });
});

describe("command line", () => {
    it("reads commands, positionals and options in any order", () => {
        expect(parseArgs(["scan", "a.json", "--format=sarif", "b.json", "--output", "out.sarif"])).toMatchObject({
            command: "scan",
            positional: ["a.json", "b.json"],
            format: "sarif",
            output: "out.sarif",
        });
    });

    it("reads short flags", () => {
        expect(parseArgs(["scan", "a.json", "-f", "json", "-o", "out.json", "-c", "cfg.json", "-p", "pack"])).toMatchObject({
            format: "json",
            output: "out.json",
            config: "cfg.json",
            pack: "pack",
        });
        expect(parseArgs(["preview", "-s", "prod", "dir"])).toMatchObject({ command: "preview", stack: "prod", positional: ["dir"] });
    });

    it("reads everything after -- as arguments, even what looks like an option", () => {
        expect(parseArgs(["scan", "--", "--weird.json", "-o"])).toMatchObject({ command: "scan", positional: ["--weird.json", "-o"] });
    });

    it("answers help, help COMMAND, COMMAND --help and -h", () => {
        expect(parseArgs(["help"])).toEqual({ command: "help" });
        expect(parseArgs(["help", "scan"])).toEqual({ command: "help", topic: "scan" });
        expect(parseArgs(["scan", "--help"])).toEqual({ command: "help", topic: "scan" });
        expect(parseArgs(["-h"])).toEqual({ command: "help" });
        expect(helpText("scan")).toMatch(/^usage: srguard scan FILE\.\.\. \[options\]\n/);
        expect(helpText("scan")).not.toContain("--stack");
        expect(helpText("preview")).toContain("-s, --stack NAME");
        expect(helpText()).toContain("help [COMMAND]");
    });

    it("the last of --color and --no-color wins", () => {
        expect(parseArgs(["policies", "--color", "--no-color"])).toMatchObject({ color: false });
        expect(parseArgs(["policies", "--no-color", "--color"])).toMatchObject({ color: true });
    });

    it.each([
        [["help", "lint"], "unknown command 'lint'"],
        [["scan", "a.json", "--config"], "--config needs a value"],
        [["scan", "a.json", "-o"], "-o needs a value"],
        [["scan", "a.json", "--output="], "--output needs a value"],
        [["scan", "a.json", "-x"], "unknown option -x"],
        [["policies", "--color=yes"], "--color takes no value"],
        [[], "no command"],
        [["scan"], "scan needs at least one file"],
        [["preview", "--format", "xml"], "unknown format 'xml'"],
        [["scan", "a.json", "--stack", "dev"], "--stack is only for preview"],
        [["policies", "--format", "junit"], "--format junit is not available for policies"],
        [["preview", "--concurrency", "0"], "--concurrency must be an integer"],
        [["lint"], "unknown command 'lint'"],
    ])("refuses %j: %s", (argv, message) => {
        expect(() => parseArgs(argv)).toThrow(GateError);
        expect(() => parseArgs(argv)).toThrow(message);
    });
});

describe("config reconciling (as ReconcilePolicyPackConfig)", () => {
    const policy = (name: string, extra: Partial<PolicyView> = {}): PolicyView => ({
        name,
        displayName: name,
        description: "",
        enforcementLevel: "mandatory",
        severity: "medium",
        kind: "resource",
        tags: [],
        remediation: "",
        url: "",
        ...extra,
    });
    const info: PackInfo = {
        name: "pack",
        version: "1.0.0",
        displayName: "",
        description: "",
        initialConfig: new Map(),
        policies: [
            policy("with-config", {
                configSchema: { days: { type: "integer", default: 365, minimum: 1, description: "d" } },
            }),
            policy("plain", { enforcementLevel: "advisory" }),
            policy("foreign", { configSchema: { anything: { type: "object" } } }),
        ],
    };

    it("starts every policy at its level with its schema defaults", () => {
        const c = reconcileConfig(info, undefined, "f.json");
        expect(c.get("with-config")).toEqual({ enforcementLevel: "mandatory", properties: { days: 365 } });
        expect(c.get("plain")).toEqual({ enforcementLevel: "advisory", properties: {} });
    });

    it("applies `all` first, then each policy's entry", () => {
        const c = reconcileConfig(info, { all: "disabled", "with-config": { days: 400 }, plain: "mandatory" }, "f.json");
        expect(c.get("with-config")).toEqual({ enforcementLevel: "disabled", properties: { days: 400 } });
        expect(c.get("plain")?.enforcementLevel).toBe("mandatory");
    });

    it("refuses an unknown policy, naming the file", () => {
        expect(() => reconcileConfig(info, { "no-such-policy": "advisory" }, "f.json")).toThrow("f.json: 'no-such-policy' names no policy of the pack pack");
    });

    it("refuses a value outside the schema, naming the file, the policy and the key", () => {
        expect(() => reconcileConfig(info, { "with-config": { days: 0 } }, "f.json")).toThrow(
            "f.json: policy 'with-config': config key 'days' must be at least 1, got 0",
        );
    });

    it("refuses an unknown key and a bad enforcement level", () => {
        expect(() => reconcileConfig(info, { plain: { dayz: 1 } }, "f.json")).toThrow("config key 'dayz' is not a setting of this policy");
        expect(() => reconcileConfig(info, { plain: "strict" }, "f.json")).toThrow("config key 'enforcementLevel' must be one of");
    });

    it("leaves a policy whose schema is not srguard-shaped to its own pack, checking only its level", () => {
        expect(specOf(info.policies[2] as PolicyView)).toBeUndefined();
        expect(reconcileConfig(info, { foreign: { anything: { x: 1 } } }, "f.json").get("foreign")?.properties).toEqual({ anything: { x: 1 } });
        expect(() => reconcileConfig(info, { foreign: { enforcementLevel: "loud" } }, "f.json")).toThrow("policy 'foreign'");
    });

    it("takes the CLI's `all` object form", () => {
        expect(reconcileConfig(info, { all: { enforcementLevel: "advisory" } }, "f.json").get("with-config")?.enforcementLevel).toBe("advisory");
    });
});

describe("messages", () => {
    it("keep only the first meaningful line, without colour codes", () => {
        expect(oneLine("\n\u001b[31mError: boom\u001b[0m\n    at x (y.js:1:1)")).toBe("Error: boom");
    });
});

describe("the SARIF validator itself", () => {
    const valid = {
        version: "2.1.0",
        runs: [
            {
                tool: { driver: { name: "t", rules: [{ id: "r1" }] } },
                results: [{ ruleId: "r1", ruleIndex: 0, level: "error", message: { text: "m" } }],
            },
        ],
    };

    it("accepts a minimal valid log", () => {
        expect(validateSarif(valid)).toEqual([]);
    });

    it("catches a wrong version, a ruleIndex naming another rule, a bad level and a relative uri without base", () => {
        const bad = {
            version: "2.0.0",
            runs: [
                {
                    tool: { driver: { name: "t", rules: [{ id: "r1" }, { id: "r2" }] } },
                    results: [
                        {
                            ruleId: "r1",
                            ruleIndex: 1,
                            level: "fatal",
                            message: { text: "m" },
                            locations: [{ physicalLocation: { artifactLocation: { uri: "a/b.ts" }, region: { startLine: 0 } } }],
                        },
                    ],
                },
            ],
        };
        const problems = validateSarif(bad).join("\n");
        expect(problems).toContain("§3.13.3");
        expect(problems).toContain("§3.27.6");
        expect(problems).toContain("§3.27.10");
        expect(problems).toContain("§3.4.4");
        expect(problems).toContain("§3.30.5");
    });
});
