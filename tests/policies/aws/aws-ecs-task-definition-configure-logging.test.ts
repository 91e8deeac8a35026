import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-ecs-task-definition-configure-logging";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const AWSLOGS = { logDriver: "awslogs", options: { "awslogs-group": "/ecs/web", "awslogs-region": "eu-west-1" } };
const taskDefinition = (containers: unknown) => ({
    type: "aws:ecs/taskDefinition:TaskDefinition",
    props: { family: "web", containerDefinitions: typeof containers === "string" ? containers : JSON.stringify(containers) },
});

describe("aws-ecs-task-definition-configure-logging", () => {
    describe("passes", () => {
        it("every container with a log driver", async () => {
            const r = await runResourcePolicy(policy, taskDefinition([{ name: "web", image: "nginx", logConfiguration: AWSLOGS }, { name: "router", image: "fluent-bit", logConfiguration: { logDriver: "awsfirelens" } }]));
            expect(r.verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("a container without a logging configuration, naming it", async () => {
            const r = await runResourcePolicy(policy, taskDefinition([{ name: "web", image: "nginx", logConfiguration: AWSLOGS }, { name: "sidecar", image: "envoy" }]));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain('container "sidecar" of `containerDefinitions` has no `logConfiguration.logDriver`');
            expect(r.messages.join()).not.toContain('"web"');
        });

        it("a logging configuration without a driver", async () => {
            expect((await runResourcePolicy(policy, taskDefinition([{ name: "web", image: "nginx", logConfiguration: { options: {} } }]))).verdict).toBe("fail");
        });

        it("definitions that are not JSON, without echoing them", async () => {
            const r = await runResourcePolicy(policy, taskDefinition("[{ PASSWORD=hunter2"));
            expect(r.messages.join()).toContain("not valid JSON");
            expect(r.messages.join()).not.toContain("hunter2");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the container definitions are unknown", async () => {
            const r = await runResourcePolicy(policy, { type: "aws:ecs/taskDefinition:TaskDefinition", props: { family: "web", containerDefinitions: UNKNOWN } });
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("containerDefinitions");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, taskDefinition([]), { driver: "awslogs" })).rejects.toThrow("config key 'driver' is not a setting of this policy (it takes none)");
        });
    });
});
