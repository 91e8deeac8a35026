import { defineStackPolicy, type StackResource } from "../core/policy";
import type { Value } from "../core/read";
import { Join, texts } from "../core/stack";
import { fail, pass, unknown, type Verdict } from "../core/verdict";

const STAGE = "aws:apigateway/stage:Stage";
const METHOD_SETTINGS = "aws:apigateway/methodSettings:MethodSettings";

type Settings = StackResource<typeof METHOD_SETTINGS>;

/** A MethodSettings that turns caching on must encrypt the cached data (`cacheDataEncrypted` is false unless set). */
function methodVerdict(ms: Settings): Verdict {
    const settings = ms.props.get("settings");
    const caching = settings.get("cachingEnabled");
    const encrypted = settings.get("cacheDataEncrypted");
    if (!caching.isTrue() || encrypted.isTrue()) return caching.isUnknown ? unknown(caching, encrypted) : pass;
    // Caching, and whether it is encrypted is not known yet (e.g. `cacheDataEncrypted` from another resource's output).
    if (encrypted.isUnknown) return unknown(encrypted);
    return fail("`settings.cachingEnabled` is true but `settings.cacheDataEncrypted` is not, so the cached responses are stored unencrypted; set `settings.cacheDataEncrypted: true`.");
}

/** An unknown value and the position (in the stack's order of method settings) of the method settings it is read from. */
interface UnknownAt {
    readonly at: number;
    readonly value: Value;
}

/**
 * What a caching stage's verdict needs to know of the method settings that belong to it, in any number: whether a
 * `"*\/*"` one encrypts the cache (or turns caching off), whether one is undecided (unknown settings or
 * `methodPath`), and the first unknown value of each kind (the verdict names each kind once, the first one first).
 */
interface Cover {
    readonly encrypts: boolean;
    readonly undecided: boolean;
    readonly settings?: UnknownAt;
    readonly methodPath?: UnknownAt;
}

const NO_COVER: Cover = { encrypts: false, undecided: false };

function first(a: UnknownAt | undefined, b: UnknownAt | undefined): UnknownAt | undefined {
    return a === undefined ? b : b === undefined || a.at <= b.at ? a : b;
}

function union(a: Cover, b: Cover): Cover {
    const settings = first(a.settings, b.settings);
    const methodPath = first(a.methodPath, b.methodPath);
    return { encrypts: a.encrypts || b.encrypts, undecided: a.undecided || b.undecided, ...(settings ? { settings } : {}), ...(methodPath ? { methodPath } : {}) };
}

/** The cover one method settings gives its stage (read once per method settings, however many stages share its name). */
function coverOf(ms: Settings, at: number): Cover {
    const methodPath = ms.props.get("methodPath");
    const pathNeed = methodPath.hasUnknown ? { methodPath: { at, value: methodPath } } : {};
    if (methodPath.text() !== "*/*") return { encrypts: false, undecided: methodPath.isUnknown, ...pathNeed };
    const settings = ms.props.get("settings");
    return {
        encrypts: settings.get("cacheDataEncrypted").isTrue() || settings.get("cachingEnabled").isFalse(),
        undecided: settings.hasUnknown || methodPath.isUnknown,
        ...(settings.hasUnknown ? { settings: { at, value: settings } } : {}),
        ...pathNeed,
    };
}

export default defineStackPolicy({
    name: "aws-apigateway-stage-require-cache-encryption",
    title: "API Gateway REST API caches encrypt the responses they hold",
    cloud: "aws",
    control: "encryption-at-rest",
    severity: "medium",
    description:
        "Cached API Gateway REST API responses must be encrypted at rest. Cache encryption is a method setting and is " +
        "off unless set: every MethodSettings with `settings.cachingEnabled: true` must set `settings.cacheDataEncrypted: " +
        "true`, and a Stage with `cacheClusterEnabled: true` — whose GET methods then cache by default — needs a " +
        "MethodSettings for `methodPath: \"*/*\"` (joined by property dependency of `stageName`, then by the stage name " +
        "and REST API) that sets `cacheDataEncrypted: true` or turns caching off.",
    remediation:
        "Add an `aws.apigateway.MethodSettings` with `restApi`, `stageName: stage.stageName`, `methodPath: \"*/*\"` and " +
        "`settings: { cachingEnabled: true, cacheDataEncrypted: true }`; set `cacheDataEncrypted: true` on every other " +
        "MethodSettings that enables caching.",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "APIGateway.5" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [STAGE, METHOD_SETTINGS],
    config: {},
    catalogue: ["aws-enc-apigateway-cache"],
    examples: {
        pass: [
            {
                title: "a caching stage whose */* method settings encrypt the cache",
                resources: [
                    { type: STAGE, name: "prod", props: { restApi: "a1b2c3", stageName: "prod", deployment: "d1", cacheClusterEnabled: true, cacheClusterSize: "0.5" } },
                    { type: METHOD_SETTINGS, name: "prod-all", props: { restApi: "a1b2c3", stageName: "prod", methodPath: "*/*", settings: { cachingEnabled: true, cacheDataEncrypted: true } }, propertyDependencies: { stageName: ["prod"] } },
                ],
            },
        ],
        fail: [
            { title: "a caching stage without method settings", resources: [{ type: STAGE, name: "prod", props: { restApi: "a1b2c3", stageName: "prod", deployment: "d1", cacheClusterEnabled: true } }] },
            {
                title: "method settings that cache without encryption",
                resources: [{ type: METHOD_SETTINGS, name: "orders-get", props: { restApi: "a1b2c3", stageName: "prod", methodPath: "orders/GET", settings: { cachingEnabled: true } } }],
            },
        ],
    },
    *check(stack) {
        const methodSettings = stack.ofType(METHOD_SETTINGS);
        for (const ms of methodSettings) yield { urn: ms.urn, verdict: methodVerdict(ms) };
        const stages = stack.ofType(STAGE);
        if (!stages.length) return;
        // Method settings belong to a stage by property dependency of `stageName`, else by the stage name written out
        // (core/stack.ts Join.resolve), and only to a stage of their own REST API when both name one. A literal stage
        // name (`prod`) is shared by the stages of every API: the settings joined by name are grouped by name and REST
        // API, and each group's cover is computed once, not once per stage of that name.
        const join = new Join(stages, (s) => texts(s.props.get("stageName")));
        const byDependency = new Map<string, { readonly api: string | undefined; readonly cover: Cover }[]>();
        const byName = new Map<string, { all: Cover; withoutApi: Cover; readonly byApi: Map<string, Cover> }>();
        const unresolved: Settings[] = [];
        methodSettings.forEach((ms, at) => {
            const ref = join.resolve(ms, "stageName");
            if (ref.kind === "unknown") unresolved.push(ms);
            if (ref.kind !== "resources") return;
            const api = ms.props.get("restApi").text();
            const cover = coverOf(ms, at);
            const targets = join.dependencies(ms, "stageName");
            if (targets.length) {
                for (const t of targets) {
                    let list = byDependency.get(t.urn);
                    if (!list) byDependency.set(t.urn, (list = []));
                    list.push({ api, cover });
                }
                return;
            }
            const name = ms.props.get("stageName").text() ?? "";
            let group = byName.get(name);
            if (!group) byName.set(name, (group = { all: NO_COVER, withoutApi: NO_COVER, byApi: new Map() }));
            group.all = union(group.all, cover);
            if (api === undefined) group.withoutApi = union(group.withoutApi, cover);
            else group.byApi.set(api, union(group.byApi.get(api) ?? NO_COVER, cover));
        });
        const unresolvedNeed = unresolved.length ? `the stage that method settings ${unresolved.map((m) => m.name).join(", ")} refer to (\`stageName\`)` : undefined;
        for (const stage of stages) {
            const enabled = stage.props.get("cacheClusterEnabled");
            if (enabled.isUnknown) {
                yield { urn: stage.urn, verdict: unknown(enabled) };
                continue;
            }
            if (!enabled.isTrue()) continue;
            // Keep the settings of this stage's REST API (or every one when either side does not name its API).
            const api = stage.props.get("restApi").text();
            const mine = (other: string | undefined) => api === undefined || other === undefined || other === api;
            let cover = NO_COVER;
            for (const d of byDependency.get(stage.urn) ?? []) if (mine(d.api)) cover = union(cover, d.cover);
            const name = stage.props.get("stageName").text();
            const group = name ? byName.get(name) : undefined;
            if (group) cover = union(cover, api === undefined ? group.all : union(group.withoutApi, group.byApi.get(api) ?? NO_COVER));
            let verdict: Verdict;
            if (cover.encrypts) verdict = pass;
            else if (cover.undecided) verdict = unknown(cover.settings?.value, cover.methodPath?.value);
            else if (unresolvedNeed) verdict = unknown(unresolvedNeed);
            else {
                verdict = fail(
                    "`cacheClusterEnabled` is true but no MethodSettings for `methodPath: \"*/*\"` of this stage sets `settings.cacheDataEncrypted: true`, so cached responses (GET methods cache by default) are stored unencrypted; add one.",
                );
            }
            yield { urn: stage.urn, verdict };
        }
    },
});
