// policies/core/resource-types.generated.ts is derived from the token literals in policies/ and checked against the
// installed providers' own files; it must be what the generator makes of the sources now.

import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import { generate, locate, OUTPUT, tokensInSources } from "../../../tools/gen-resource-types";

describe("the generated token → provider Args map", () => {
    it("is fresh (run `npm run gen:resource-types`)", () => {
        const { text, missing } = generate();
        expect(missing).toEqual([]);
        expect(fs.readFileSync(OUTPUT, "utf8")).toBe(text);
    });

    it("knows real tokens and refuses made-up or misspelt ones", () => {
        expect(locate("aws:sqs/queue:Queue")).toEqual({ token: "aws:sqs/queue:Queue", module: "@pulumi/aws/sqs", className: "Queue" });
        expect(locate("azure-native:storage:StorageAccount")?.module).toBe("@pulumi/azure-native/storage");
        expect(locate("aws:sqs/queue:Queu")).toBeUndefined();
        expect(locate("aws:sqs/queues:Queue")).toBeUndefined();
        expect(locate("azure-native:storage:StorageAcount")).toBeUndefined();
    });

    it("covers every token a registered policy looks at", async () => {
        const { policies } = await import("../../../policies/registry");
        const named = new Set(tokensInSources());
        const used = policies.flatMap((p) => (p.meta.resourceTypes === "all" ? [] : p.meta.resourceTypes));
        expect(used.filter((t) => !named.has(t))).toEqual([]);
    });
});
