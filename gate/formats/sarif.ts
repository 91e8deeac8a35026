// SARIF 2.1.0 (OASIS, https://docs.oasis-open.org/sarif/sarif/v2.1.0/) for code-scanning uploads: one run, one rule
// per policy of the pack (§3.49 reportingDescriptor: id = policy name, help = remediation), one result per violation
// (§3.27: level error for mandatory, warning for advisory), located at the resource's URN as a logical location
// (§3.33) and, physically (§3.29), at the line of the program that declared it (preview of a stack folder) or at the
// scanned file.

import { createHash } from "node:crypto";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Finding, isExempted, type StackResult } from "../evaluate";
import type { EnforcementLevel, Severity } from "../pack";
import { effectiveLevel, type Report } from "../report";
import { isCantRun, outcomeOf } from "../would-block";

const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
export const SRCROOT = "%SRCROOT%";

type Level = "error" | "warning" | "note" | "none";

function levelOf(l: EnforcementLevel): Level {
    if (l === "mandatory" || l === "remediate") return "error";
    if (l === "advisory") return "warning";
    return "none";
}

/** GitHub code scanning's `security-severity` (a CVSS-like score) for a policy severity. */
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = { low: "2.0", medium: "5.5", high: "8.0", critical: "9.5" };

function uriOf(file: string, base: string): string {
    return path.relative(base, file).split(path.sep).join("/");
}

function physical(f: Finding, r: StackResult, base: string) {
    if (f.source) {
        let file: string | undefined;
        try {
            file = fileURLToPath(f.source.uri);
        } catch {
            file = undefined;
        }
        if (file) {
            return {
                artifactLocation: { uri: uriOf(file, base), uriBaseId: SRCROOT },
                region: { startLine: Math.max(1, f.source.line), startColumn: Math.max(1, f.source.column) },
            };
        }
    }
    // A scanned file, or a stack folder: point at it (its Pulumi.yaml for a folder).
    const origin = path.resolve(r.stack.origin);
    const target = path.extname(origin) ? origin : path.join(origin, "Pulumi.yaml");
    return { artifactLocation: { uri: uriOf(target, base), uriBaseId: SRCROOT } };
}

export function toSarif(report: Report, base: string = process.cwd()) {
    const rules = report.pack.policies.map((p) => ({
        id: p.name,
        ...(p.displayName ? { shortDescription: { text: p.displayName } } : {}),
        fullDescription: { text: p.description || p.name },
        help: { text: p.remediation || p.description || p.name },
        ...(p.url ? { helpUri: p.url } : {}),
        defaultConfiguration: { level: levelOf(effectiveLevel(report, p)) },
        properties: {
            tags: [...p.tags],
            ...(p.severity ? { "security-severity": SECURITY_SEVERITY[p.severity] } : {}),
        },
    }));
    const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
    const result = (f: Finding, r: StackResult, stage: "preview" | "up") => {
        const index = ruleIndex.get(f.policyName);
        const cantRun = isCantRun(f);
        const policy = report.pack.policies.find((p) => p.name === f.policyName);
        const exempted = isExempted(f);
        return {
            ruleId: f.policyName,
            ...(index !== undefined ? { ruleIndex: index } : {}),
            // §3.27.9: "can't run during preview" is neither a pass nor a fail: kind `open`, and then level `none`.
            ...(cantRun ? { kind: "open" as const } : {}),
            // An exempted finding keeps its policy's level and carries a suppression (result.suppressions, §3.27.23): code scanning shows it
            // dismissed, with the exemption's reason as the justification (kind `external` for the config, `inSource`
            // for a tag in the program).
            level: cantRun ? ("none" as const) : exempted && policy ? levelOf(effectiveLevel(report, policy)) : levelOf(f.enforcementLevel),
            ...(exempted && f.exemption
                ? { suppressions: [{ kind: f.exemption.source === "config" ? ("external" as const) : ("inSource" as const), status: "accepted" as const, justification: f.exemption.reason }] }
                : {}),
            message: { text: stage === "up" ? `Would block at \`pulumi up\`: ${f.message}` : f.message },
            locations: [
                {
                    physicalLocation: physical(f, r, base),
                    logicalLocations: [{ fullyQualifiedName: f.urn, name: f.resourceName, kind: "resource" }],
                },
            ],
            partialFingerprints: {
                "srguardResource/v1": createHash("sha256")
                    .update(`${f.policyName}\n${f.urn}${stage === "up" ? "\nup" : cantRun ? "\ncant-run" : ""}`)
                    .digest("hex"),
            },
            properties: {
                enforcementLevel: f.enforcementLevel,
                resourceType: f.resourceType,
                ...(f.severity ? { severity: f.severity } : {}),
                outcome: stage === "up" ? "would-block" : exempted ? "exempted" : outcomeOf(f),
                ...(cantRun && policy ? { policyEnforcementLevel: effectiveLevel(report, policy) } : {}),
                ...(f.exemption
                    ? { exemption: { status: exempted ? "in-force" : "expired", source: f.exemption.source, expires: f.exemption.expires, ...(f.exemption.ticket ? { ticket: f.exemption.ticket } : {}) } }
                    : {}),
            },
        };
    };
    const results = report.results.flatMap((r) => [
        ...r.findings.map((f) => result(f, r, "preview")),
        ...(r.wouldBlock ?? []).map((f) => result(f, r, "up")),
    ]);
    return {
        $schema: SARIF_SCHEMA,
        version: "2.1.0" as const,
        runs: [
            {
                tool: {
                    driver: {
                        name: report.pack.name,
                        version: report.pack.version,
                        ...(report.pack.description ? { fullDescription: { text: report.pack.description } } : {}),
                        rules,
                    },
                },
                originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(`${base}${path.sep}`).href } },
                results,
            },
        ],
    };
}

export function formatSarif(report: Report, base?: string): string {
    return `${JSON.stringify(toSarif(report, base), null, 2)}\n`;
}
