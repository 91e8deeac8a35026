// `srguard scan FILE...`: the stack in a `pulumi preview --json` digest or a `pulumi stack export` file, as the engine
// would hand it to the analyzer.
//
// - preview digest (pkg/backend/display/json.go `ShowPreviewDigest`, sdk/pkg/display `PreviewDigest`):
//   `{ config, steps: [{ op, urn, provider, oldState, newState }], diagnostics, changeSummary }`, each state an
//   `apitype.ResourceV3`. Secrets are blinded to the string "[secret]" (read back as secret + unknown); steps of
//   unchanged resources are only there with `--show-sames`. A preview's new states carry no outputs yet, so stack
//   policies see the inputs.
// - stack export (apitype `UntypedDeployment` v3): `{ version: 3, deployment: { resources: [ResourceV3] } }`. Secrets
//   are `{ <sig>: <secret sig>, ciphertext }` (cannot be decrypted here: unknown) or `{ ..., plaintext }` (with
//   `--show-secrets`). Analyze gets the inputs, AnalyzeStack the outputs (as `pulumi policy analyze` does).
//
// Unknowns are the engine's sentinel string in both; provider references `<urn>::<id>` name a provider resource of
// the same file.

import * as fs from "node:fs";
import * as path from "node:path";
import { inputError } from "./errors";
import { type GateResource, type GateStack, ORGANIZATION, parseUrn } from "./model";
import { BLINDED_SECRET, type Json, type JsonObject, WireError, type WireOptions, isJsonObject, toAnalyzerProperties } from "./wire";

/** Preview steps whose resource is not in the new state. */
const GONE = new Set(["delete", "delete-replaced", "discard", "discard-replaced", "remove-pending-replace"]);

function strings(v: Json | undefined): string[] {
    return Array.isArray(v) ? v.filter((e): e is string => typeof e === "string") : [];
}

function object(v: Json | undefined): JsonObject {
    return isJsonObject(v ?? null) ? (v as JsonObject) : {};
}

function stateToResource(state: JsonObject, where: string, display: string, opts: WireOptions, outputsOrInputs: "outputs" | "inputs-if-no-outputs"): GateResource {
    const urn = state["urn"];
    const type = state["type"];
    if (typeof urn !== "string" || !parseUrn(urn)) throw inputError(display, `${where}: has no valid \`urn\``);
    if (typeof type !== "string" || type === "") throw inputError(display, `${where}: has no \`type\``);
    const name = parseUrn(urn)?.name ?? "";
    try {
        const inputs = toAnalyzerProperties(object(state["inputs"]), "", opts);
        const rawOutputs = object(state["outputs"]);
        const outputs =
            outputsOrInputs === "outputs" || Object.keys(rawOutputs).length > 0 ? toAnalyzerProperties(rawOutputs, "", opts) : inputs;
        const propertyDependencies: Record<string, string[]> = {};
        for (const [k, v] of Object.entries(object(state["propertyDependencies"]))) {
            const urns = strings(v);
            if (urns.length) propertyDependencies[k] = urns;
        }
        const timeouts = object(state["customTimeouts"]);
        const num = (v: Json | undefined) => (typeof v === "number" ? v : 0);
        const parent = state["parent"];
        const provider = state["provider"];
        return {
            urn,
            type,
            name,
            custom: state["custom"] === true,
            inputs,
            outputs,
            ...(typeof parent === "string" && parent ? { parent } : {}),
            dependencies: strings(state["dependencies"]),
            propertyDependencies,
            ...(typeof provider === "string" && provider ? { provider } : {}),
            options: {
                protect: state["protect"] === true,
                ignoreChanges: strings(state["ignoreChanges"]),
                additionalSecretOutputs: strings(state["additionalSecretOutputs"]),
                aliases: strings(state["aliases"]),
                ...(Object.keys(timeouts).length
                    ? { customTimeouts: { create: num(timeouts["create"]), update: num(timeouts["update"]), delete: num(timeouts["delete"]) } }
                    : {}),
            },
            // The engine does not analyze resources it only reads.
            analyze: state["external"] !== true,
        };
    } catch (e) {
        if (e instanceof WireError) throw inputError(display, `${where} (${urn}): ${e.message}`);
        throw e;
    }
}

function identity(resources: readonly GateResource[], display: string): { project: string; stack: string } {
    const first = resources[0] ? parseUrn(resources[0].urn) : undefined;
    if (!first) return { project: path.basename(display, path.extname(display)), stack: "unknown" };
    for (const r of resources) {
        const u = parseUrn(r.urn);
        if (u && (u.project !== first.project || u.stack !== first.stack)) {
            throw inputError(display, `holds resources of two stacks (${first.project}/${first.stack} and ${u.project}/${u.stack})`);
        }
    }
    return { project: first.project, stack: first.stack };
}

function stack(display: string, resources: GateResource[], config: Record<string, string>, secretKeys: string[]): GateStack {
    const { project, stack } = identity(resources, display);
    return {
        origin: display,
        project,
        stack,
        organization: ORGANIZATION,
        resources,
        tags: { "pulumi:project": project },
        config,
        configSecretKeys: secretKeys,
        warnings: [],
    };
}

function fromPreview(doc: JsonObject, display: string): GateStack {
    const steps = doc["steps"] ?? [];
    if (!Array.isArray(steps)) throw inputError(display, "`steps` is not an array");
    const resources: GateResource[] = [];
    const seen = new Set<string>();
    steps.forEach((step, i) => {
        if (!isJsonObject(step)) throw inputError(display, `steps[${i}] is not an object`);
        const op = step["op"];
        if (typeof op !== "string") throw inputError(display, `steps[${i}] has no \`op\``);
        const newState = step["newState"];
        if (GONE.has(op) || !isJsonObject(newState ?? null)) return;
        const r = stateToResource(newState as JsonObject, `steps[${i}].newState`, display, { blindedSecrets: true }, "inputs-if-no-outputs");
        if (seen.has(r.urn)) return; // a replacement shows the same new state twice
        seen.add(r.urn);
        resources.push(r);
    });
    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    for (const [k, v] of Object.entries(object(doc["config"]))) {
        if (typeof v !== "string") continue;
        if (v === BLINDED_SECRET) secretKeys.push(k);
        else config[k] = v;
    }
    return stack(display, resources, config, secretKeys);
}

function fromDeployment(deployment: JsonObject, display: string, prefix: string): GateStack {
    const list = deployment["resources"] ?? [];
    if (!Array.isArray(list)) throw inputError(display, `${prefix}resources is not an array`);
    const resources: GateResource[] = [];
    list.forEach((r, i) => {
        if (!isJsonObject(r)) throw inputError(display, `${prefix}resources[${i}] is not an object`);
        // Resources pending deletion are not part of the stack any more.
        if (r["delete"] === true) return;
        resources.push(stateToResource(r, `${prefix}resources[${i}]`, display, {}, "outputs"));
    });
    return stack(display, resources, {}, []);
}

/** Reads one file of `pulumi preview --json` or `pulumi stack export` output. */
export function scanFile(file: string): GateStack {
    const display = path.relative(process.cwd(), path.resolve(file)) || file;
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw inputError(display, code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a folder, not a file" : "cannot be read");
    }
    let doc: unknown;
    try {
        doc = JSON.parse(text);
    } catch (e) {
        throw inputError(display, `malformed JSON: ${(e as Error).message}`);
    }
    if (isJsonObject(doc as Json)) {
        const d = doc as JsonObject;
        const deployment = d["deployment"];
        if (isJsonObject(deployment ?? null) && "version" in d) {
            const version = d["version"];
            if (version !== 3) throw inputError(display, `stack export version ${JSON.stringify(version)} is not supported (expected 3)`);
            return fromDeployment(deployment as JsonObject, display, "deployment.");
        }
        // The deployment object itself (what `deployment` holds in an export).
        if (Array.isArray(d["resources"]) && isJsonObject(d["manifest"] ?? null)) return fromDeployment(d, display, "");
        if (Array.isArray(d["steps"]) || "changeSummary" in d) return fromPreview(d, display);
    }
    throw inputError(display, "unrecognised JSON: expected the output of `pulumi preview --json` or `pulumi stack export`");
}
