// `pulumi policy publish` of policies/ and what an enforcing machine then does with the tarball, step by step as the
// Pulumi CLI does it: `npm pack` in the folder of PulumiPolicy.yaml → extract outside the repository →
// `npm install --loglevel=error` → resolve `@pulumi/pulumi/cmd/run-policy-pack` from that folder and start it →
// GetAnalyzerInfo → Analyze.

import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PolicyPack } from "../../gate/pack";
import { ONLY_RETENTION } from "../gate/helpers";
import { ROOT, type Run, cliPack, engineConfig, ensureBuilt, extract, npmInstall, resource, tempDir, treeSize } from "./helpers";

const rootPkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };

let tmp: string;
let tarball: ReturnType<typeof cliPack>;
let installed: string;
let install: Run;
let pack: PolicyPack | undefined;
let extractToPortMs = 0;
let unpackedBytes = 0;

beforeAll(() => {
    ensureBuilt();
    tmp = tempDir("policy-pack");
    tarball = cliPack(path.join(ROOT, "policies"), tmp);
    // ~/.pulumi/policies/<org>/pulumi-analyzer-<name>-v<version>
    installed = path.join(tmp, "policies", "my-org", `pulumi-analyzer-srguard-v${rootPkg.version}`);
    const started = process.hrtime.bigint();
    extract(tarball.file, installed);
    unpackedBytes = treeSize(installed).bytes;
    install = npmInstall(installed);
    extractToPortMs = Number(process.hrtime.bigint() - started) / 1e6;
}, 240_000);

afterAll(() => {
    pack?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe("the published tarball of policies/", () => {
    it("`npm pack` prints only the tarball's name (the CLI reads all of stdout as the file name)", () => {
        expect(tarball.stdout.trim()).toBe(`srguard-pack-${rootPkg.version}.tgz`);
        expect(fs.existsSync(tarball.file)).toBe(true);
    });

    it("holds the compiled pack, its manifest and lockfile, and nothing else", () => {
        const files = tarball.files;
        expect(files).toContain("PulumiPolicy.yaml");
        expect(files).toContain("package.json");
        expect(files).toContain("npm-shrinkwrap.json");
        expect(files).toContain("main.js");
        expect(files).toContain("dist/index.js");
        expect(files).toContain("dist/registry.js");
        // the compiled pack as one script, and V8's code cache of it (what main.js loads: tools/pack-folders.ts)
        expect(files).toContain("dist/pack.js");
        expect(files).toContain("dist/pack.cache");
        const other = files.filter((f) => !["PulumiPolicy.yaml", "package.json", "npm-shrinkwrap.json", "main.js", "dist/pack.cache"].includes(f));
        expect(other.filter((f) => !/^dist\/.+\.js$/.test(f))).toEqual([]);
        // One compiled file per TypeScript source of the pack, and no source.
        expect(files.filter((f) => f.endsWith(".ts"))).toEqual([]);
        console.log(
            `policies tarball: ${path.basename(tarball.file)} ${tarball.size} B packed, ${unpackedBytes} B unpacked, ${files.length} files`,
        );
    });

    it("has its main inside the folder and the runtime dependencies declared", () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(installed, "package.json"), "utf8")) as Record<string, unknown>;
        expect(pkg["main"]).toBe("main.js");
        expect(pkg["version"]).toBe(rootPkg.version);
        expect(Object.keys(pkg["dependencies"] as object).sort()).toEqual(["@pulumi/policy", "@pulumi/pulumi"]);
    });
});

describe("installed as an enforcing machine installs it", () => {
    it("npm install creates node_modules and leaves the shipped lockfile as it is", () => {
        expect(install.code, install.stderr).toBe(0);
        expect(fs.existsSync(path.join(installed, "node_modules"))).toBe(true);
        const shipped = fs.readFileSync(path.join(ROOT, "policies", "npm-shrinkwrap.json"), "utf8");
        expect(fs.readFileSync(path.join(installed, "npm-shrinkwrap.json"), "utf8")).toBe(shipped);
        const size = treeSize(path.join(installed, "node_modules"));
        console.log(`policies installed: ${size.bytes} B in ${size.files} files (node_modules)`);
    });

    it("installs exactly the SDK versions srguard is tested with", () => {
        const version = (name: string) =>
            (JSON.parse(fs.readFileSync(path.join(installed, "node_modules", name, "package.json"), "utf8")) as { version: string }).version.replace(/^v/, "");
        const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, { version: string }> };
        for (const name of ["@pulumi/policy", "@pulumi/pulumi", "@grpc/grpc-js", "google-protobuf"]) {
            expect(version(name), name).toBe(lock.packages[`node_modules/${name}`]?.version);
        }
    });

    it("starts from its own folder and reports srguard, the root version and every policy", async () => {
        const runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [installed] });
        expect(runner.startsWith(path.join(installed, "node_modules") + path.sep)).toBe(true);
        pack = await PolicyPack.start({ dir: installed, display: "installed pack" });
        console.log(`policies: extract + npm install ${Math.round(extractToPortMs)} ms, spawn → port line ${Math.round(pack.startupMs)} ms`);
        const info = await pack.info();
        expect(info.name).toBe("srguard");
        expect(info.version).toBe(rootPkg.version);
        const repo = await PolicyPack.start({ dir: path.join(ROOT, "policies"), display: "policies" });
        try {
            const names = (await repo.info()).policies.map((p) => p.name);
            expect(info.policies.map((p) => p.name)).toEqual(names);
            expect(names.length).toBeGreaterThan(50);
        } finally {
            repo.close();
        }
    }, 120_000);

    it("gives the mandatory diagnostic for a violating resource", async () => {
        if (!pack) pack = await PolicyPack.start({ dir: installed, display: "installed pack" });
        const info = await pack.info();
        await pack.configure(engineConfig(info, ONLY_RETENTION));
        const diags = await pack.analyze(resource("aws:cloudwatch/logGroup:LogGroup", "short", { retentionInDays: 1 }), { retentionInDays: 1 }, undefined);
        const retention = diags.filter((d) => d.policyName === "aws-cloudwatch-log-group-configure-retention");
        expect(retention).toHaveLength(1);
        expect(retention[0]?.enforcementLevel).toBe("mandatory");
        expect(retention[0]?.policyPackVersion).toBe(rootPkg.version);
    }, 60_000);
});
