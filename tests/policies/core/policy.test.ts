// The framework (policies/core/policy.ts) speaks the SDK's protocol for every check: a policy built with it is run
// here the way the analyzer server runs it (tests/harness.ts), so each verdict kind is seen as the engine sees it.

import { describe, expect, it } from "vitest";
import { defineResourcePolicy, defineStackPolicy } from "../../../policies/core/policy";
import { all, fail, pass, unknown } from "../../../policies/core/verdict";
import { runResourcePolicy, runStackPolicy, UNKNOWN } from "../../harness";

const META = {
    title: "test",
    cloud: "aws",
    control: "encryption-at-rest",
    severity: "low",
    description: "A test policy.",
    remediation: "None.",
    frameworks: [],
    enforcementLevel: "mandatory",
    config: {},
} as const;

const QUEUE = "aws:sqs/queue:Queue";

const queuePolicy = defineResourcePolicy({
    ...META,
    name: "test-queue",
    resourceTypes: [QUEUE],
    examples: {
        pass: [{ title: "key", type: QUEUE, props: { kmsMasterKeyId: "k" } }],
        fail: [{ title: "no key", type: QUEUE, props: {} }],
    },
    check({ props }) {
        const key = props.get("kmsMasterKeyId");
        const name = props.get("name");
        return all([
            key.isUnknown ? unknown(key) : key.isText() ? pass : fail("`kmsMasterKeyId` is not set."),
            name.isUnknown ? unknown(name) : name.text() === "bad" ? fail("`name` is bad.") : pass,
        ]);
    },
});

describe("resource policies", () => {
    it("reports one violation per message of a failing verdict", async () => {
        const r = await runResourcePolicy(queuePolicy, { type: QUEUE, props: { name: "bad" } });
        expect(r.verdict).toBe("fail");
        expect(r.messages).toEqual(["`kmsMasterKeyId` is not set.", "`name` is bad."]);
    });

    it("lets the SDK say it can't run during preview, naming the unknown property", async () => {
        const r = await runResourcePolicy(queuePolicy, { type: QUEUE, props: { kmsMasterKeyId: UNKNOWN } });
        expect(r.verdict).toBe("unknown");
        expect(r.messages.join()).toContain(".kmsMasterKeyId");
    });

    it("does not let an unknown hide a violation the known values prove", async () => {
        const r = await runResourcePolicy(queuePolicy, { type: QUEUE, props: { kmsMasterKeyId: UNKNOWN, name: "bad" } });
        expect(r.verdict).toBe("fail");
        expect(r.messages).toEqual(["`name` is bad."]);
    });

    it("passes folded aliases' types only when they are its own, and looks at nothing else", async () => {
        expect((await runResourcePolicy(queuePolicy, { type: "aws:sns/topic:Topic", props: {} })).verdict).toBe("pass");
    });

    it("raises the SDK's unknown for a described need that is not a property", async () => {
        const described = defineResourcePolicy({
            ...META,
            name: "test-described",
            resourceTypes: [QUEUE],
            examples: queuePolicy.meta.examples as never,
            check: () => unknown("the queue's key policy"),
        });
        const r = await runResourcePolicy(described, { type: QUEUE, props: {} });
        expect(r.verdict).toBe("unknown");
        expect(r.messages.join()).toContain("the queue's key policy");
    });
});

const stackPolicy = defineStackPolicy({
    ...META,
    name: "test-stack",
    resourceTypes: [QUEUE],
    examples: {
        pass: [{ title: "keyed", resources: [{ type: QUEUE, name: "q", props: { kmsMasterKeyId: "k" } }] }],
        fail: [{ title: "unkeyed", resources: [{ type: QUEUE, name: "q", props: {} }] }],
    },
    *check(stack) {
        for (const q of stack.ofType(QUEUE)) {
            const key = q.props.get("kmsMasterKeyId");
            yield { urn: q.urn, verdict: key.isUnknown ? unknown(key) : key.isText() ? pass : fail("`kmsMasterKeyId` is not set.") };
        }
    },
});

describe("stack policies", () => {
    it("gives each resource its own verdict: a violation, an advisory for an unknown, nothing for a pass", async () => {
        const r = await runStackPolicy(stackPolicy, [
            { type: QUEUE, name: "plain", props: {} },
            { type: QUEUE, name: "later", props: { kmsMasterKeyId: UNKNOWN } },
            { type: QUEUE, name: "keyed", props: { kmsMasterKeyId: "k" } },
        ]);
        expect(r.violating).toEqual(["plain"]);
        expect(r.diagnostics.map((d) => [d.resource, d.kind, d.enforcementLevel])).toEqual([
            ["plain", "violation", "mandatory"],
            ["later", "unknown", "advisory"],
        ]);
        expect(r.diagnostics[1]?.message).toContain("can't decide during preview: `kmsMasterKeyId` is unknown until the update runs.");
    });
});
