import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

const TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";

function record(v: unknown): Record<string, unknown> | undefined {
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

export default defineResourcePolicy({
    name: "aws-ecs-task-definition-configure-logging",
    title: "ECS task definitions give every container a log driver",
    cloud: "aws",
    control: "log-retention",
    severity: "medium",
    description:
        "Every container of an ECS task definition should have a logging configuration (`containerDefinitions[]." +
        "logConfiguration.logDriver`, e.g. awslogs or awsfirelens), so that what the containers write is kept after the " +
        "task stops (FSBP ECS.9). A container without one writes its output nowhere it is kept. Advisory by default: " +
        "FSBP-only (CIS AWS v3.0.0 has no ECS item), and sidecars or one-off tasks are often left without; make it " +
        "mandatory where your benchmark requires the logs.",
    remediation:
        "Give each container definition `\"logConfiguration\": { \"logDriver\": \"awslogs\", \"options\": { " +
        "\"awslogs-group\": <log group>, \"awslogs-region\": <region>, \"awslogs-stream-prefix\": <prefix> } }` with a log " +
        "group that has a retention (aws-cloudwatch-log-group-configure-retention).",
    frameworks: [{ framework: "aws-fsbp", version: "1.0.0", id: "ECS.9" }],
    enforcementLevel: "advisory",
    resourceTypes: [TASK_DEFINITION],
    config: {},
    catalogue: ["aws-log-ecs-task-definition"],
    examples: {
        pass: [
            {
                title: "a container that logs to CloudWatch Logs",
                type: TASK_DEFINITION,
                props: { family: "web", containerDefinitions: JSON.stringify([{ name: "web", image: "nginx", logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/web" } } }]) },
            },
        ],
        fail: [
            { title: "a container without a logging configuration", type: TASK_DEFINITION, props: { family: "web", containerDefinitions: JSON.stringify([{ name: "web", image: "nginx" }]) } },
        ],
    },
    check({ props }) {
        const definitions = props.get("containerDefinitions");
        if (definitions.isUnknown) return unknown(definitions);
        const text = definitions.text();
        if (text === undefined) return pass; // required by the provider: nothing to judge
        let parsed: unknown;
        try {
            parsed = JSON.parse(text);
        } catch {
            return fail("`containerDefinitions` is not valid JSON, so this policy cannot see the containers' logging; write it as a JSON array of container definitions.");
        }
        const containers = Array.isArray(parsed) ? parsed : [parsed];
        const without: string[] = [];
        containers.forEach((c, i) => {
            const driver = record(record(c)?.["logConfiguration"])?.["logDriver"];
            if (typeof driver !== "string" || driver.trim() === "") {
                const name = record(c)?.["name"];
                without.push(typeof name === "string" && /^[A-Za-z0-9_-]{1,255}$/.test(name) ? `"${name}"` : `#${i}`);
            }
        });
        if (!without.length) return pass;
        return fail(
            `container ${without.join(", ")} of \`containerDefinitions\` ${without.length > 1 ? "have" : "has"} no \`logConfiguration.logDriver\`, so ${without.length > 1 ? "their" : "its"} output is not kept; add \`"logConfiguration": { "logDriver": "awslogs", ... }\`.`,
        );
    },
});
