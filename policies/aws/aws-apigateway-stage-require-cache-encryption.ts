import { defineStackPolicy, type StackResource } from "../core/policy";
import { Companions, Join, texts } from "../core/stack";
import { fail, pass, unknown, type Verdict } from "../core/verdict";

const STAGE = "aws:apigateway/stage:Stage";
const METHOD_SETTINGS = "aws:apigateway/methodSettings:MethodSettings";

type Settings = StackResource<typeof METHOD_SETTINGS>;

/** A MethodSettings that turns caching on must encrypt the cached data (`cacheDataEncrypted` is false unless set). */
function methodVerdict(ms: Settings): Verdict {
    const settings = ms.props.get("settings");
    const caching = settings.get("cachingEnabled");
    const encrypted = settings.get("cacheDataEncrypted");
    if (!caching.isTrue() || encrypted.isTrue()) return caching.isUnknown || (caching.isTrue() && encrypted.isUnknown) ? unknown(caching, encrypted) : pass;
    return fail("`settings.cachingEnabled` is true but `settings.cacheDataEncrypted` is not, so the cached responses are stored unencrypted; set `settings.cacheDataEncrypted: true`.");
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
        const settingsOf = new Companions(new Join(stages, (s) => texts(s.props.get("stageName"))), methodSettings, "stageName");
        for (const stage of stages) {
            const enabled = stage.props.get("cacheClusterEnabled");
            if (enabled.isUnknown) {
                yield { urn: stage.urn, verdict: unknown(enabled) };
                continue;
            }
            if (!enabled.isTrue()) continue;
            // A literal stage name is shared by the stages of every API: keep the settings of this stage's REST API.
            const api = stage.props.get("restApi").text();
            const mine = settingsOf.of(stage).filter((ms) => {
                const other = ms.props.get("restApi").text();
                return api === undefined || other === undefined || other === api;
            });
            const all = mine.filter((ms) => ms.props.get("methodPath").text() === "*/*");
            const settings = all.map((ms) => ms.props.get("settings"));
            let verdict: Verdict;
            if (settings.some((s) => s.get("cacheDataEncrypted").isTrue() || s.get("cachingEnabled").isFalse())) verdict = pass;
            else if (settings.some((s) => s.hasUnknown) || mine.some((ms) => ms.props.get("methodPath").isUnknown)) verdict = unknown(...settings, ...mine.map((ms) => ms.props.get("methodPath")));
            else if (settingsOf.unresolved.length) verdict = unknown(`the stage that method settings ${settingsOf.unresolved.map((m) => m.name).join(", ")} refer to (\`stageName\`)`);
            else {
                verdict = fail(
                    "`cacheClusterEnabled` is true but no MethodSettings for `methodPath: \"*/*\"` of this stage sets `settings.cacheDataEncrypted: true`, so cached responses (GET methods cache by default) are stored unencrypted; add one.",
                );
            }
            yield { urn: stage.urn, verdict };
        }
    },
});
