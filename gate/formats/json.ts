// The JSON report: a stable contract (docs/gate.md). Fields are only ever added.

import type { Finding } from "../evaluate";
import { exemptedOf, type ReportExemption, reportExemptions, violationsOf } from "../exemptions";
import { controlOf, policyIndex, type Report, summarize } from "../report";
import { type Outcome, outcomeOf } from "../would-block";
import { locationOf } from "./text";

export interface JsonViolation {
    readonly policyName: string;
    readonly control: string | null;
    readonly severity: string | null;
    readonly enforcementLevel: "mandatory" | "advisory";
    readonly urn: string;
    readonly resourceType: string;
    readonly message: string;
    /** `violation`, or `cant-run` for the SDK's "can't run during preview" (not a violation; advisory by the SDK). */
    readonly outcome: Outcome;
    /** `file:line` of the program that declared the resource (preview only), or null. */
    readonly location: string | null;
    /** The exemption that covers it (in `exempted`) or that expired (in `violations`), or null. */
    readonly exemption: {
        readonly status: "in-force" | "expired";
        readonly source: "config" | "tag";
        readonly reason: string;
        readonly expires: string;
        readonly ticket: string | null;
    } | null;
}

interface JsonCounts {
    readonly resources: number;
    readonly mandatory: number;
    readonly advisory: number;
    readonly cantRun: number;
    readonly cantRunMandatory: number;
    readonly wouldBlock: { readonly mandatory: number; readonly advisory: number };
    /** Findings an exemption in force covers (in `exempted`, not in `violations`). */
    readonly exempted: number;
}

export interface JsonReport {
    readonly policyPack: { readonly name: string; readonly version: string };
    readonly violations: readonly JsonViolation[];
    /** Violations only the `pulumi up` pass finds (computed values resolved to stand-ins). */
    readonly wouldBlock: readonly JsonViolation[];
    /** Findings an exemption in force covers: reported, never blocking (not in `violations`). */
    readonly exempted: readonly JsonViolation[];
    /** The exemptions the pack applied or found expired, soonest expiry first. */
    readonly exemptions: readonly ReportExemption[];
    readonly summary: JsonCounts;
    readonly stacks: readonly ({ readonly origin: string; readonly project: string; readonly stack: string } & JsonCounts)[];
    readonly strictUnknowns: boolean;
}

export function toJsonReport(report: Report): JsonReport {
    const policies = policyIndex(report.pack);
    const entry = (f: Finding): JsonViolation => ({
        policyName: f.policyName,
        control: controlOf(policies.get(f.policyName)),
        severity: f.severity ?? policies.get(f.policyName)?.severity ?? null,
        enforcementLevel: f.enforcementLevel,
        urn: f.urn,
        resourceType: f.resourceType,
        message: f.message,
        outcome: outcomeOf(f),
        location: locationOf(f) ?? null,
        exemption: f.exemption
            ? { status: f.exemption.status === "exempted" ? "in-force" : "expired", source: f.exemption.source, reason: f.exemption.reason, expires: f.exemption.expires, ticket: f.exemption.ticket ?? null }
            : null,
    });
    return {
        policyPack: { name: report.pack.name, version: report.pack.version },
        violations: report.results.flatMap((r) => violationsOf(r.findings).map(entry)),
        wouldBlock: report.results.flatMap((r) => violationsOf(r.wouldBlock ?? []).map(entry)),
        exempted: report.results.flatMap((r) => exemptedOf(r.findings).map(entry)),
        exemptions: reportExemptions(report.results),
        summary: summarize(report.results, report.config),
        stacks: report.results.map((r) => ({
            origin: r.stack.origin,
            project: r.stack.project,
            stack: r.stack.stack,
            ...summarize([r], report.config),
        })),
        strictUnknowns: report.strictUnknowns === true,
    };
}

export function formatJson(report: Report): string {
    return `${JSON.stringify(toJsonReport(report), null, 2)}\n`;
}
