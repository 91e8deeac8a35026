// The pack's entry as the Pulumi CLI loads it (package.json "main"): the compiled pack in dist/, which `npm ci` or
// `npm run build` at the repository root writes and which the published pack carries. Without it, one line says what
// to run — rather than the CLI falling back to index.ts under its own TypeScript 3.8 and printing type errors.
//
// The compiled modules are loaded from dist/pack.js, one script holding all of them (tools/pack-folders.ts), with
// V8's code cache of it (dist/pack.cache) when there is one: every preview starts the pack, and one cached script
// starts faster than ~260 module files. The build makes the cache by running this file with SRGUARD_PACK_BUILD_DIR
// set: the policies are loaded (not served) and the cache written.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const { createRequire, wrap } = require("module");

const buildDir = process.env.SRGUARD_PACK_BUILD_DIR;
const dist = buildDir || path.join(__dirname, "dist");
const bundle = path.join(dist, "pack.js");
const cache = path.join(dist, "pack.cache");

if (!fs.existsSync(path.join(dist, "index.js"))) {
    const shown = path.join(path.basename(__dirname), "dist", "index.js");
    console.error(`error: the srguard policy pack is not built (${shown} is missing): run \`npm run build\` at the repository root`);
    process.exit(1);
}

// Before @pulumi/policy loads: what its @pulumi/pulumi loads and no pack reaches (npm's arborist, the automation
// API) is loaded on first use instead (core/sdk-contract.ts section 8; SRGUARD_DEFER_SDK_MODULES=off loads it all).
if (!fs.existsSync(bundle)) {
    require(path.join(dist, "core", "sdk-contract.js")).deferPackSdkModules(dist);
    require(path.join(dist, "index.js"));
} else {
    const cachedData = !buildDir && fs.existsSync(cache) ? fs.readFileSync(cache) : undefined;
    const script = new vm.Script(wrap(fs.readFileSync(bundle, "utf8")), { filename: bundle, cachedData });
    const holder = { exports: {} };
    script.runInThisContext().call(holder.exports, holder.exports, createRequire(bundle), holder, bundle, dist);
    const load = holder.exports;
    load("core/sdk-contract.js").deferPackSdkModules(dist);
    if (buildDir) {
        load("core/sdk-contract.js").installSdkFastPaths();
        load("api.js").packArgs();
        fs.writeFileSync(cache, script.createCachedData());
    } else {
        load("index.js");
    }
}
