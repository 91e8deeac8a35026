// Framework citations: one version of a framework across the pack, so a reader (and Pulumi Cloud's framework field)
// never sees the same control under two versions. The Microsoft cloud security benchmark is cited at v1, the version
// whose control ids (NS-2, DP-3, DP-4, DP-5, DP-8, PA-1, PA-2, PA-7, IM-6) the policies were verified against.

import { describe, expect, it } from "vitest";
import { policies } from "../policies/registry";

const VERSIONS: Readonly<Record<string, string>> = { mcsb: "v1", "cis-azure": "2.1.0" };

describe("framework citations", () => {
    it.each(Object.entries(VERSIONS))("every policy cites %s at version %s", (framework, version) => {
        const other = policies.flatMap((p) => p.meta.frameworks.filter((f) => f.framework === framework && f.version !== version).map((f) => `${p.name}: ${f.framework} ${f.version} ${f.id}`));
        expect(other).toEqual([]);
    });
});
