// Bench only: runs @pulumi/policy with every patch of bench/upstream applied (analyze-shared-view.patch,
// analyze-stack-shared-views.patch), without touching node_modules. Preloaded into a pack process
// (`NODE_OPTIONS=-r bench/upstream/apply.js`, or `node -r`); when the SDK's server.js is compiled, its source is swapped
// for the patched one. Each patch is against the published server.js and must apply exactly (every hunk's context
// found), otherwise the process stops: a measurement of an unpatched SDK under the patch's name would be a lie.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const Module = require("node:module");

/** The patches, each against the published server.js; applied from the one that starts furthest down, so that each
 * finds its lines where its hunks say. */
const PATCHES = ["analyze-shared-view.patch", "analyze-stack-shared-views.patch"].map((f) => path.join(__dirname, f));

function firstLine(diff) {
    return Number(/\n@@ -(\d+)/.exec(diff)?.[1] ?? NaN);
}

/** Applies a unified diff (one file, no fuzz) to `source`. */
function applyUnified(source, diff) {
    const lines = source.split("\n");
    const hunks = diff.split("\n@@").slice(1);
    let offset = 0;
    for (const hunk of hunks) {
        const body = hunk.split("\n").slice(1);
        const from = [];
        const to = [];
        for (const l of body) {
            if (l.startsWith(" ")) {
                from.push(l.slice(1));
                to.push(l.slice(1));
            } else if (l.startsWith("-")) from.push(l.slice(1));
            else if (l.startsWith("+")) to.push(l.slice(1));
        }
        const start = Number(/^ -(\d+)/.exec(hunk)?.[1] ?? NaN) - 1 + offset;
        if (!Number.isFinite(start) || from.some((l, i) => lines[start + i] !== l)) throw new Error(`bench/upstream: the patch does not apply at line ${start + 1}`);
        lines.splice(start, from.length, ...to);
        offset += to.length - from.length;
    }
    return lines.join("\n");
}

const serverJs = require.resolve("@pulumi/policy/server.js", { paths: [process.cwd(), path.join(__dirname, "..", "..")] });
const patched = PATCHES.map((f) => fs.readFileSync(f, "utf8"))
    .sort((a, b) => firstLine(b) - firstLine(a))
    .reduce((source, diff) => applyUnified(source, diff), fs.readFileSync(serverJs, "utf8"));
const compile = Module.prototype._compile;
Module.prototype._compile = function (content, filename) {
    return compile.call(this, filename === serverJs ? patched : content, filename);
};

module.exports = { applyUnified, serverJs, patched, PATCHES };
