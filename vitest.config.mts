import * as path from "path";
import { defineConfig } from "vitest/config";

export default defineConfig({
    resolve: {
        // What `import ... from "srguard"` means inside this repository (the package's main module, from source).
        alias: { srguard: path.resolve(__dirname, "policies/api.ts") },
    },
    test: {
        include: ["tests/**/*.test.ts"],
        reporters: ["default", "./tests/summary-reporter.ts"],
        pool: "forks",
        testTimeout: 30_000,
        hookTimeout: 60_000,
    },
});
