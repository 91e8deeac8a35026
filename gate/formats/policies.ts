// `srguard policies`: the pack's policies with their metadata, as a text table or JSON.

import type { PackInfo, PolicyView } from "../pack";
import { controlOf } from "../report";

export function policiesJson(pack: PackInfo): string {
    const body = {
        policyPack: { name: pack.name, version: pack.version },
        policies: pack.policies.map((p: PolicyView) => ({
            name: p.name,
            displayName: p.displayName,
            description: p.description,
            kind: p.kind,
            enforcementLevel: p.enforcementLevel,
            severity: p.severity ?? null,
            control: controlOf(p),
            tags: p.tags,
            ...(p.framework ? { framework: p.framework } : {}),
            remediation: p.remediation,
            ...(p.configSchema ? { config: p.configSchema } : {}),
        })),
    };
    return `${JSON.stringify(body, null, 2)}\n`;
}

export function policiesText(pack: PackInfo): string {
    const rows = pack.policies.map((p) => [p.name, p.enforcementLevel, p.severity ?? "-", controlOf(p) ?? "-", p.kind, p.displayName || p.description]);
    const head = ["POLICY", "ENFORCEMENT", "SEVERITY", "CONTROL", "KIND", "TITLE"];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
    const line = (cells: readonly string[]) =>
        cells
            .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
            .join("  ")
            .trimEnd();
    return `${pack.name}@v${pack.version}: ${pack.policies.length} ${pack.policies.length === 1 ? "policy" : "policies"}\n\n${[line(head), ...rows.map(line)].join("\n")}\n`;
}
