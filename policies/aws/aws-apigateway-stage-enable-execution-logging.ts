import { defineStackPolicy, type StackResource } from "../core/policy";
import type { Value } from "../core/read";
import { Join, texts } from "../core/stack";
import { fail, pass, unknown, type Verdict } from "../core/verdict";

const REST_STAGE = "aws:apigateway/stage:Stage";
const METHOD_SETTINGS = "aws:apigateway/methodSettings:MethodSettings";
const V2_STAGE = "aws:apigatewayv2/stage:Stage";
const V2_API = "aws:apigatewayv2/api:Api";

/** The levels FSBP APIGateway.1 accepts (its `loggingLevel` parameter defaults to ERROR,INFO). */
const LOGS = ["ERROR", "INFO"];

/** Whether two resources' `restApi` name the same REST API: by property dependency, else by literal id. */
function sameRestApi(a: StackResource<typeof REST_STAGE>, b: StackResource<typeof METHOD_SETTINGS>): boolean {
    const da = new Set((a.resource.propertyDependencies["restApi"] ?? []).map((d) => d.urn));
    const db = (b.resource.propertyDependencies["restApi"] ?? []).map((d) => d.urn);
    if (da.size && db.length) return db.some((u) => da.has(u));
    const ta = a.props.get("restApi").text();
    const tb = b.props.get("restApi").text();
    return ta !== undefined && ta === tb;
}

/** ERROR or INFO passes; unknown during preview is undecided (`where` says what); anything else fails with `fix`. */
function level(value: Value, where: string, fix: string): Verdict {
    if (value.isUnknown) return unknown(`${where} (${value.path})`);
    if (value.isOneOf(...LOGS)) return pass;
    return fail(fix);
}

export default defineStackPolicy({
    name: "aws-apigateway-stage-enable-execution-logging",
    title: "API Gateway REST and WebSocket stages write execution logs",
    cloud: "aws",
    control: "log-retention",
    severity: "medium",
    description:
        "Every REST API stage of the stack should have a MethodSettings for all methods (`methodPath: \"*/*\"`) whose " +
        "`settings.loggingLevel` is ERROR or INFO, and every stage of a WebSocket API of the stack a " +
        "`defaultRouteSettings.loggingLevel` of ERROR or INFO, so that API Gateway writes execution logs to CloudWatch " +
        "Logs (FSBP APIGateway.1); execution logging is OFF unless asked. HTTP APIs have no execution logs and are not " +
        "judged; nor is a v2 stage whose API is outside the stack. A MethodSettings joins its stage by `stageName` " +
        "(property dependency, or the literal name with the same `restApi`). Advisory by default: FSBP-only (CIS AWS " +
        "v3.0.0 has no API Gateway item); make it mandatory where your benchmark requires the logs.",
    remediation:
        "REST API: add an `aws.apigateway.MethodSettings` with `restApi`, `stageName: stage.stageName`, `methodPath: " +
        "\"*/*\"` and `settings: { loggingLevel: \"ERROR\" }` (the account needs an `aws.apigateway.Account` with a " +
        "CloudWatch role). WebSocket API: set `defaultRouteSettings: { loggingLevel: \"ERROR\" }` on the stage. Give the " +
        "`API-Gateway-Execution-Logs_<api id>/<stage>` log group a retention (aws-cloudwatch-log-group-configure-retention).",
    frameworks: [{ framework: "aws-fsbp", version: "1.0.0", id: "APIGateway.1" }],
    enforcementLevel: "advisory",
    resourceTypes: [REST_STAGE, METHOD_SETTINGS, V2_STAGE, V2_API],
    config: {},
    catalogue: ["aws-log-apigateway-execution"],
    examples: {
        pass: [
            {
                title: "a REST API stage whose methods log errors",
                resources: [
                    { type: REST_STAGE, name: "prod", props: { restApi: "a1b2c3", stageName: "prod", deployment: "d1" } },
                    { type: METHOD_SETTINGS, name: "prod-logging", props: { restApi: "a1b2c3", stageName: "prod", methodPath: "*/*", settings: { loggingLevel: "ERROR" } } },
                ],
            },
        ],
        fail: [
            { title: "a REST API stage without execution logging", resources: [{ type: REST_STAGE, name: "prod", props: { restApi: "a1b2c3", stageName: "prod", deployment: "d1" } }] },
            {
                title: "a WebSocket API stage with logging off",
                resources: [
                    { type: V2_API, name: "chat", props: { protocolType: "WEBSOCKET", routeSelectionExpression: "$request.body.action" } },
                    { type: V2_STAGE, name: "chat-prod", props: { name: "prod", defaultRouteSettings: { loggingLevel: "OFF" } }, propertyDependencies: { apiId: ["chat"] } },
                ],
            },
        ],
    },
    *check(stack) {
        const restStages = stack.ofType(REST_STAGE);
        if (restStages.length) {
            const byName = new Join(restStages, (s) => texts(s.props.get("stageName")));
            const all = stack.ofType(METHOD_SETTINGS).filter((m) => {
                const path = m.props.get("methodPath");
                return path.isUnknown || path.text()?.trim() === "*/*";
            });
            const settingsOf = new Map<string, StackResource<typeof METHOD_SETTINGS>[]>();
            const undetermined: string[] = [];
            for (const m of all) {
                const ref = byName.resolve(m, "stageName");
                if (ref.kind === "unknown") undetermined.push(m.name);
                if (ref.kind !== "resources") continue;
                const byDependency = byName.dependencies(m, "stageName").length > 0;
                for (const s of ref.targets) {
                    if (!byDependency && !sameRestApi(s, m)) continue;
                    settingsOf.set(s.urn, [...(settingsOf.get(s.urn) ?? []), m]);
                }
            }
            for (const stage of restStages) {
                const own = settingsOf.get(stage.urn) ?? [];
                const verdicts = own.map((m) =>
                    m.props.get("methodPath").isUnknown
                        ? unknown(`the \`methodPath\` of MethodSettings ${m.name}`)
                        : level(m.props.get("settings").get("loggingLevel"), `the logging level of MethodSettings ${m.name}`, `MethodSettings ${m.name} sets \`settings.loggingLevel\` to OFF (or leaves it unset, which is OFF), so the stage writes no execution logs; set it to "ERROR" or "INFO".`),
                );
                // One MethodSettings that logs is enough; an undecided one (or one whose stage is unknown) may be it.
                const undecided = verdicts.find((v) => v.kind === "unknown");
                let verdict: Verdict;
                if (verdicts.some((v) => v.kind === "pass")) verdict = pass;
                else if (undecided) verdict = undecided;
                else if (undetermined.length) verdict = unknown(`the stage that MethodSettings ${undetermined.join(", ")} refers to (\`stageName\`)`);
                else if (verdicts[0]) verdict = verdicts[0];
                else {
                    verdict = fail(
                        "no MethodSettings in this stack with `methodPath: \"*/*\"` refers to this stage (`stageName`), so its execution logging is OFF; add an `aws.apigateway.MethodSettings` with `methodPath: \"*/*\"` and `settings: { loggingLevel: \"ERROR\" }`.",
                    );
                }
                yield { urn: stage.urn, verdict };
            }
        }
        const v2Stages = stack.ofType(V2_STAGE);
        if (!v2Stages.length) return;
        // An API's id is not one of its inputs: a v2 stage joins its API of the stack by property dependency only.
        const apis = new Join(stack.ofType(V2_API), () => []);
        for (const stage of v2Stages) {
            const targets = apis.dependencies(stage, "apiId");
            if (!targets.length) continue; // an API outside the stack: its protocol is not known here
            const protocols = targets.map((a) => a.props.get("protocolType"));
            if (protocols.some((p) => p.isUnknown)) {
                yield { urn: stage.urn, verdict: unknown("the `protocolType` of the API this stage belongs to") };
                continue;
            }
            if (!protocols.some((p) => p.isOneOf("WEBSOCKET"))) continue; // HTTP APIs have no execution logs
            yield {
                urn: stage.urn,
                verdict: level(
                    stage.props.get("defaultRouteSettings").get("loggingLevel"),
                    "the stage's logging level",
                    "`defaultRouteSettings.loggingLevel` is not ERROR or INFO (it defaults to OFF), so the WebSocket stage writes no execution logs; set it to \"ERROR\" or \"INFO\".",
                ),
            };
        }
    },
});
