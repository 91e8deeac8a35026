// Benchmark-catalogue items (docs/catalogue.json, by key) that a policy pack cannot decide from the properties a
// Pulumi program declares, each with the reason. docs/compliance.md lists them apart from the gaps; an item is either
// enforced by a policy or explained here, never both (tests/compliance.test.ts).

export const UNDECIDABLE: Readonly<Record<string, string>> = {};
