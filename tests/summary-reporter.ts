// Ends every test run with one plain line, `N passed, N failed[, N skipped]` (vitest's own counts), which CI reads.
// A test file that fails before any test runs (an import error) counts as one failure, so it can never pass silently.
import type { Reporter, TestModule } from "vitest/node";

export default class SummaryReporter implements Reporter {
    onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
        let passed = 0;
        let failed = unhandledErrors.length;
        let skipped = 0;
        for (const m of testModules) {
            let any = false;
            for (const t of m.children.allTests()) {
                any = true;
                const s = t.result().state;
                if (s === "passed") passed++;
                else if (s === "failed") failed++;
                else skipped++;
            }
            if (!any && m.state() === "failed") failed++;
        }
        process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}\n`);
    }
}
