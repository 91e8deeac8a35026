import * as path from "path";
import { fileURLToPath } from "url";
import { defineConfig } from "vitest/config";

// What `import ... from "srguard"` means inside this repository (the package's main module, from source).
const resolve = { alias: { srguard: path.resolve(path.dirname(fileURLToPath(import.meta.url)), "policies/api.ts") } };
const END_TO_END = ["tests/gate/**/*.test.ts", "tests/stacks/**/*.test.ts", "tests/evasion/**/*.test.ts"];

export default defineConfig({
    resolve,
    test: {
        reporters: ["default", "./tests/summary-reporter.ts"],
        testTimeout: 30_000,
        hookTimeout: 60_000,
        projects: [
            {
                resolve,
                test: {
                    // Policy tests hold no global state: one module graph for all of them (10x faster than isolating).
                    name: "unit",
                    include: ["tests/**/*.test.ts"],
                    exclude: END_TO_END,
                    pool: "forks",
                    isolate: false,
                    testTimeout: 30_000,
                },
            },
            {
                resolve,
                test: {
                    // Tests that start the pack, the gate or a Pulumi program keep their own process state.
                    name: "e2e",
                    include: END_TO_END,
                    pool: "forks",
                    testTimeout: 60_000,
                    hookTimeout: 120_000,
                },
            },
        ],
    },
});
