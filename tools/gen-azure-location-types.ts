// Generates policies/core/azure-location-types.generated.ts from the installed @pulumi/azure-native SDK:
//  - every resource type token whose `...Args` interface has a top-level `location` input (the resources that are
//    placed in a region; child resources such as BlobContainer or RoleAssignment take no location),
//  - the Azure region names the SDK itself enumerates (the `AzureLocation` enum of the migrate module), and
//  - the older type tokens the SDK still declares as aliases of a resource that moved module or was renamed
//    (`azure-native:documentdb:DatabaseAccount` → `azure-native:cosmosdb:DatabaseAccount`, `insights` split into
//    `monitor` and `applicationinsights`, `cache` → `redis`, ...), for core/tokens.ts.
// The pack never reads the SDK at run time (importing azure-native costs tens of seconds): it reads this file.
// `npm run gen:azure-locations` rewrites it;
// tests/policies/core/azure-location-types.test.ts fails when it is stale (e.g. after an SDK upgrade).

import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, path.basename(path.dirname(__dirname)) === "dist" ? "../.." : "..");
export const SDK_DIR = path.join(ROOT, "node_modules", "@pulumi", "azure-native");
export const LOCATION_TYPES_PATH = path.join(ROOT, "policies", "core", "azure-location-types.generated.ts");

const TOKEN = /static __pulumiType = '(azure-native:([A-Za-z0-9]+):([A-Za-z0-9]+))';/;
// A top-level member of an exported interface is indented by exactly four spaces.
const LOCATION_INPUT = /^ {4}location\??: pulumi\.Input<string\b/m;

function argsBlock(dts: string, resource: string): string | undefined {
    const start = dts.indexOf(`export interface ${resource}Args {`);
    if (start < 0) return undefined;
    const end = dts.indexOf("\n}", start);
    return end < 0 ? undefined : dts.slice(start, end);
}

/** module → resource names whose Args take a `location`, both sorted. */
export function locationTypesByModule(sdkDir: string = SDK_DIR): Map<string, string[]> {
    const out = new Map<string, string[]>();
    const modules = fs
        .readdirSync(sdkDir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && !["types", "node_modules", "utilities", "config"].includes(d.name))
        .map((d) => d.name)
        .sort();
    for (const dir of modules) {
        const files = fs.readdirSync(path.join(sdkDir, dir)).filter((f) => f.endsWith(".js")).sort();
        for (const file of files) {
            const js = fs.readFileSync(path.join(sdkDir, dir, file), "utf8");
            const m = TOKEN.exec(js);
            if (!m || !m[2] || !m[3]) continue;
            const dtsPath = path.join(sdkDir, dir, file.replace(/\.js$/, ".d.ts"));
            if (!fs.existsSync(dtsPath)) continue;
            const block = argsBlock(fs.readFileSync(dtsPath, "utf8"), m[3]);
            if (!block || !LOCATION_INPUT.test(block)) continue;
            let list = out.get(m[2]);
            if (!list) out.set(m[2], (list = []));
            list.push(m[3]);
        }
    }
    for (const list of out.values()) list.sort();
    return new Map([...out.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

const ALIASES = /aliases: \[(.*?)\] \}/;
const ALIAS_TYPE = /type: "azure-native:([A-Za-z0-9]+)(?:\/[A-Za-z0-9]+)?:([A-Za-z0-9]+)"/g;

/**
 * Unversioned alias token → current token, for aliases that name another module or resource. Left out: aliases
 * that several resources declare (polymorphic kinds) and aliases that are themselves a current token.
 */
export function renamedTypes(sdkDir: string = SDK_DIR): Map<string, string> {
    const current = new Set<string>();
    const targets = new Map<string, Set<string>>();
    for (const dir of fs.readdirSync(sdkDir, { withFileTypes: true })) {
        if (!dir.isDirectory() || ["types", "node_modules", "utilities", "config"].includes(dir.name)) continue;
        for (const file of fs.readdirSync(path.join(sdkDir, dir.name))) {
            if (!file.endsWith(".js")) continue;
            const js = fs.readFileSync(path.join(sdkDir, dir.name, file), "utf8");
            const token = TOKEN.exec(js)?.[1];
            if (!token) continue;
            current.add(token);
            for (const m of (ALIASES.exec(js)?.[1] ?? "").matchAll(ALIAS_TYPE)) {
                const alias = `azure-native:${m[1] ?? ""}:${m[2] ?? ""}`;
                if (alias === token) continue;
                let set = targets.get(alias);
                if (!set) targets.set(alias, (set = new Set()));
                set.add(token);
            }
        }
    }
    const out = new Map<string, string>();
    for (const [alias, set] of [...targets.entries()].sort(([a], [b]) => a.localeCompare(b))) {
        const [only] = set;
        if (set.size === 1 && only !== undefined && !current.has(alias)) out.set(alias, only);
    }
    return out;
}

/** The region names the SDK enumerates (migrate's AzureLocation enum), lower-cased, without "unknown". */
export function sdkRegionNames(sdkDir: string = SDK_DIR): string[] {
    const dts = fs.readFileSync(path.join(sdkDir, "types", "enums", "migrate", "index.d.ts"), "utf8");
    const start = dts.indexOf("export declare const AzureLocation: {");
    if (start < 0) throw new Error("the SDK no longer has migrate's AzureLocation enum; update tools/gen-azure-location-types.ts");
    const block = dts.slice(start, dts.indexOf("};", start));
    const names = [...block.matchAll(/readonly [A-Za-z0-9]+: "([A-Za-z0-9]+)";/g)].map((m) => (m[1] ?? "").toLowerCase());
    return [...new Set(names.filter((n) => n !== "" && n !== "unknown"))].sort();
}

function sdkVersion(sdkDir: string): string {
    return (JSON.parse(fs.readFileSync(path.join(sdkDir, "package.json"), "utf8")) as { version: string }).version;
}

export function renderLocationTypes(sdkDir: string = SDK_DIR): string {
    const byModule = locationTypesByModule(sdkDir);
    const count = [...byModule.values()].reduce((n, l) => n + l.length, 0);
    const lines = [
        "// GENERATED by tools/gen-azure-location-types.ts from @pulumi/azure-native " + sdkVersion(sdkDir) + " — do not edit.",
        "// Rewrite: npm run gen:azure-locations",
        "",
        `/** Azure resource types (module → resources) whose Args take a \`location\` input (${count} types). */`,
        "export const LOCATION_TYPES_BY_MODULE: Readonly<Record<string, readonly string[]>> = {",
        ...[...byModule.entries()].map(([mod, list]) => `    ${JSON.stringify(mod)}: ${JSON.stringify(list)},`),
        "};",
        "",
        "/** Region names the SDK enumerates (migrate's AzureLocation enum), normalised to lower case. */",
        `export const SDK_REGION_NAMES: readonly string[] = ${JSON.stringify(sdkRegionNames(sdkDir))};`,
        "",
        "/** Older type tokens the SDK declares as aliases of a resource that moved module or was renamed → current token. */",
        "export const RENAMED_TYPES: Readonly<Record<string, string>> = {",
        ...[...renamedTypes(sdkDir).entries()].map(([alias, token]) => `    ${JSON.stringify(alias)}: ${JSON.stringify(token)},`),
        "};",
        "",
    ];
    return lines.join("\n");
}

if (require.main === module) {
    fs.writeFileSync(LOCATION_TYPES_PATH, renderLocationTypes());
    console.log(`wrote ${path.relative(ROOT, LOCATION_TYPES_PATH)}`);
}
