// The pack's entry as the Pulumi CLI loads it (package.json "main"): the compiled pack in dist/, which `npm ci` or
// `npm run build` at the repository root writes and which the published pack carries. Without it, one line says what
// to run — rather than the CLI falling back to index.ts under its own TypeScript 3.8 and printing type errors.
"use strict";
const fs = require("fs");
const path = require("path");

const entry = path.join(__dirname, "dist", "index.js");
if (!fs.existsSync(entry)) {
    const shown = path.join(path.basename(__dirname), "dist", "index.js");
    console.error(`error: the srguard policy pack is not built (${shown} is missing): run \`npm run build\` at the repository root`);
    process.exit(1);
}
require(entry);
