// Runs the benchmarks' TypeScript directly: `node -r ./bench/ts.js bench/<script>.ts`. Compiles each .ts file as it
// is required with the repository's TypeScript (transpile only, no type check: `npx tsc --noEmit` checks bench/).
"use strict";
const fs = require("node:fs");
const ts = require("typescript");

require.extensions[".ts"] = (module, filename) => {
    const out = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
        fileName: filename,
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    });
    module._compile(out.outputText, filename);
};
