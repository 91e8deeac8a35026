// The npm package `srguard` as a platform team uses it: `npm pack` of the root and of examples/team-pack; the team
// pack — a project with its own @pulumi/policy and @pulumi/pulumi that depends on srguard — extracted and installed as
// an enforcing machine installs a published pack (`npm install --loglevel=error`, from the cache; srguard comes from
// its tarball instead of the registry), started from its folder; `npx srguard` from the same project; and srguard's own
// pack as `pulumi preview --policy-pack node_modules/srguard/policies` finds it (the CLI installs nothing there).

import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PolicyPack } from "../../gate/pack";
import { ONLY_RETENTION, ONLY_RETENTION_FILE } from "../gate/helpers";
import {
    ROOT,
    type Run,
    type Tarball,
    cliPack,
    engineConfig,
    ensureBuilt,
    extract,
    fixture,
    npmInstall,
    npmPack,
    resource,
    run,
    tempDir,
    treeSize,
    writeLockfile,
} from "./helpers";

const MAX_INSTALL_BYTES = 100 * 1024 * 1024;

let tmp: string;
let srguard: Tarball;
let teamTarball: ReturnType<typeof cliPack>;
let team: string;
let install: Run;
const packs: PolicyPack[] = [];

beforeAll(() => {
    ensureBuilt();
    tmp = tempDir("consumer");
    srguard = npmPack(ROOT, tmp);
    teamTarball = cliPack(path.join(ROOT, "examples", "team-pack"), tmp);
    team = path.join(tmp, "policies", "my-org", "pulumi-analyzer-team-pack-v0.1.0");
    extract(teamTarball.file, team);
    writeLockfile(team, { srguard: srguard.file });
    install = npmInstall(team);
}, 240_000);

afterAll(() => {
    for (const p of packs) p.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function start(dir: string, display: string): Promise<PolicyPack> {
    const p = await PolicyPack.start({ dir, display });
    packs.push(p);
    return p;
}

describe("the srguard tarball", () => {
    it("holds the gate, the API with its types and the pack folder, and nothing else", () => {
        const files = srguard.files.map((f) => f.path);
        for (const f of ["package.json", "README.md", "dist/gate/cli.js", "dist/policies/api.js", "dist/policies/api.d.ts"]) expect(files).toContain(f);
        for (const f of ["policies/PulumiPolicy.yaml", "policies/package.json", "policies/main.js", "policies/dist/index.js", "policies/dist/pack.js", "policies/dist/pack.cache"]) expect(files).toContain(f);
        const unexpected = files.filter(
            (f) =>
                !["package.json", "README.md", "policies/PulumiPolicy.yaml", "policies/package.json", "policies/main.js", "policies/dist/pack.cache"].includes(f) &&
                !/^dist\/gate\/.+\.js$/.test(f) &&
                !/^dist\/policies\/.+\.(js|d\.ts)$/.test(f) &&
                !/^policies\/dist\/.+\.js$/.test(f),
        );
        expect(unexpected).toEqual([]);
        const bytes = (prefix: string) => srguard.files.filter((f) => f.path.startsWith(prefix)).reduce((n, f) => n + f.size, 0);
        console.log(
            `srguard tarball: ${srguard.size} B packed, ${srguard.unpackedSize} B unpacked, ${files.length} files ` +
                `(dist/gate ${bytes("dist/gate/")}, dist/policies ${bytes("dist/policies/")}, policies/ ${bytes("policies/")})`,
        );
    });

    it("is publishable and keeps the provider SDKs out of what users install", () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as Record<string, Record<string, string> | undefined>;
        expect(pkg["private"]).toBeUndefined();
        const runtime = Object.keys(pkg["dependencies"] ?? {});
        for (const sdk of ["@pulumi/aws", "@pulumi/azure-native", "@pulumi/policy", "@pulumi/pulumi"]) expect(runtime).not.toContain(sdk);
        expect(Object.keys(pkg["peerDependencies"] ?? {}).sort()).toEqual(["@pulumi/policy", "@pulumi/pulumi"]);
    });
});

describe("the team pack's tarball", () => {
    it("holds its compiled pack with main inside, and declares what it imports", () => {
        expect(teamTarball.stdout.trim()).toBe(path.basename(teamTarball.file));
        const files = [...teamTarball.files].sort();
        expect(files).toEqual(["PulumiPolicy.yaml", "dist/index.js", "dist/policies.js", "package.json"]);
        const pkg = JSON.parse(fs.readFileSync(path.join(team, "package.json"), "utf8")) as { main: string; dependencies: Record<string, string> };
        expect(pkg.main).toBe("dist/index.js");
        const imported = new Set<string>();
        for (const f of ["dist/index.js", "dist/policies.js"]) {
            for (const m of fs.readFileSync(path.join(team, f), "utf8").matchAll(/require\("([^".][^"]*)"\)/g)) {
                const spec = m[1] ?? "";
                imported.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : (spec.split("/")[0] ?? ""));
            }
        }
        // run-policy-pack is resolved from the pack's folder: @pulumi/pulumi too.
        expect([...imported, "@pulumi/pulumi"].filter((m) => !m.startsWith("node:") && !(m in pkg.dependencies))).toEqual([]);
    });
});

describe("a team project with its own @pulumi/policy and @pulumi/pulumi, installed", () => {
    it("installs in at most 100 MB, without the provider SDKs", () => {
        expect(install.code, install.stderr).toBe(0);
        const nm = path.join(team, "node_modules");
        const size = treeSize(nm);
        console.log(`team project install: ${size.bytes} B in ${size.files} files (node_modules)`);
        expect(size.bytes).toBeLessThanOrEqual(MAX_INSTALL_BYTES);
        expect(fs.existsSync(path.join(nm, "srguard", "dist", "gate", "cli.js"))).toBe(true);
        expect(fs.existsSync(path.join(nm, "@pulumi", "aws"))).toBe(false);
        expect(fs.existsSync(path.join(nm, "@pulumi", "azure-native"))).toBe(false);
    });

    it("gives srguard the project's own SDK copies (peer dependencies: one SDK in the pack's process)", () => {
        const srguardDir = path.join(team, "node_modules", "srguard", "dist", "policies");
        for (const name of ["@pulumi/policy", "@pulumi/pulumi"]) {
            expect(require.resolve(name, { paths: [srguardDir] })).toBe(require.resolve(name, { paths: [team] }));
        }
        expect(fs.existsSync(path.join(team, "node_modules", "srguard", "node_modules"))).toBe(false);
    });

    it("starts the team pack from its folder with srguard's AWS policies and its own rule", async () => {
        const pack = await start(team, "team pack");
        console.log(`team pack: spawn → port line ${Math.round(pack.startupMs)} ms`);
        const info = await pack.info();
        expect(info.name).toBe("team-pack");
        const names = info.policies.map((p) => p.name);
        expect(names).toContain("team-s3-bucket-require-cost-center-tag");
        expect(names).toContain("aws-cloudwatch-log-group-configure-retention");
        expect(names.filter((n) => n.startsWith("azure-"))).toEqual([]);
        await pack.configure(engineConfig(info, {}));
        const bucket = resource("aws:s3/bucket:Bucket", "untagged", { tags: { owner: "platform" } });
        const diags = await pack.analyze(bucket, bucket.inputs, undefined);
        expect(diags.filter((d) => d.policyName === "team-s3-bucket-require-cost-center-tag").map((d) => d.enforcementLevel)).toEqual(["mandatory"]);
        const logs = resource("aws:cloudwatch/logGroup:LogGroup", "short", { retentionInDays: 1 });
        const logDiags = await pack.analyze(logs, logs.inputs, undefined);
        // The team made this one advisory while it migrates.
        expect(logDiags.filter((d) => d.policyName === "aws-cloudwatch-log-group-configure-retention").map((d) => d.enforcementLevel)).toEqual([
            "advisory",
        ]);
    }, 60_000);

    it("runs `npx srguard scan` on a stack export", () => {
        const r = run("npx", ["--offline", "srguard", "scan", fixture("scan", "export.json"), "--config", ONLY_RETENTION_FILE, "--no-color"], team);
        expect(r.code, r.stderr).toBe(1);
        expect(r.stdout).toContain("aws-cloudwatch-log-group-configure-retention");
        expect(r.stdout).toContain("1 mandatory violation");
    }, 60_000);

    it("serves srguard's own pack from node_modules/srguard/policies, as `--policy-pack` finds it", async () => {
        const pack = await start(path.join(team, "node_modules", "srguard", "policies"), "node_modules/srguard/policies");
        const info = await pack.info();
        expect(info.name).toBe("srguard");
        await pack.configure(engineConfig(info, ONLY_RETENTION));
        const logs = resource("aws:cloudwatch/logGroup:LogGroup", "short", { retentionInDays: 1 });
        const diags = await pack.analyze(logs, logs.inputs, undefined);
        expect(diags.filter((d) => d.policyName === "aws-cloudwatch-log-group-configure-retention").map((d) => d.enforcementLevel)).toEqual([
            "mandatory",
        ]);
    }, 60_000);
});
