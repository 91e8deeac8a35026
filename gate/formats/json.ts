// The JSON report: a stable contract (docs/gate.md). Fields are only ever added.

import { controlOf, policyIndex, type Report, summarize } from "../report";

export interface JsonViolation {
    readonly policyName: string;
    readonly control: string | null;
    readonly severity: string | null;
    readonly enforcementLevel: "mandatory" | "advisory";
    readonly urn: string;
    readonly resourceType: string;
    readonly message: string;
}

export interface JsonReport {
    readonly policyPack: { readonly name: string; readonly version: string };
    readonly violations: readonly JsonViolation[];
    readonly summary: { readonly resources: number; readonly mandatory: number; readonly advisory: number };
    readonly stacks: readonly {
        readonly origin: string;
        readonly project: string;
        readonly stack: string;
        readonly resources: number;
        readonly mandatory: number;
        readonly advisory: number;
    }[];
}

export function toJsonReport(report: Report): JsonReport {
    const policies = policyIndex(report.pack);
    return {
        policyPack: { name: report.pack.name, version: report.pack.version },
        violations: report.results.flatMap((r) =>
            r.findings.map((f) => ({
                policyName: f.policyName,
                control: controlOf(policies.get(f.policyName)),
                severity: f.severity ?? policies.get(f.policyName)?.severity ?? null,
                enforcementLevel: f.enforcementLevel,
                urn: f.urn,
                resourceType: f.resourceType,
                message: f.message,
            })),
        ),
        summary: summarize(report.results),
        stacks: report.results.map((r) => ({
            origin: r.stack.origin,
            project: r.stack.project,
            stack: r.stack.stack,
            ...summarize([r]),
        })),
    };
}

export function formatJson(report: Report): string {
    return `${JSON.stringify(toJsonReport(report), null, 2)}\n`;
}
