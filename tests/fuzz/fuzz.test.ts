// The fuzz suite's own tests: the properties catch what they claim to catch (a policy that throws a TypeError, prints
// a property value, or changes its verdict fails; one that only hits the SDK's UnknownValueError passes), the
// generators put unknowns and secrets where they say, and every registered policy gets a vocabulary to fuzz with.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defineResourcePolicy, type SrguardPolicy } from "../../policies/core/policy";
import { fail, pass, unknown, type Verdict } from "../../policies/core/verdict";
import { policies } from "../../policies/registry";
import { secret, UNKNOWN } from "../harness";
import { applyEdits, forbiddenTexts, holdsUnknown, type Json, MARKER, resourceSamples } from "./arbitraries";
import { checkResourceSample, fuzzParameters } from "./properties";
import type { Vocabulary } from "./vocabulary";
import { vocabularyOf } from "./vocabulary";

const TYPE = "aws:sqs/queue:Queue";

type QueueProps = Parameters<Parameters<typeof defineResourcePolicy<{}, readonly ["aws:sqs/queue:Queue"]>>[0]["check"]>[0]["props"];

function fixture(check: (props: QueueProps) => Verdict): SrguardPolicy {
    return defineResourcePolicy({
        name: "aws-sqs-queue-require-fuzz-fixture",
        title: "fixture",
        cloud: "aws",
        control: "encryption-at-rest",
        severity: "low",
        description: "A policy written for the fuzz suite's own tests.",
        remediation: "None.",
        frameworks: [],
        enforcementLevel: "advisory",
        resourceTypes: [TYPE],
        config: {},
        examples: {
            pass: [{ title: "a key", type: TYPE, props: { kmsMasterKeyId: "alias/aws/sqs" } }],
            fail: [{ title: "no key", type: TYPE, props: {} }],
        },
        check: ({ props }) => check(props),
    });
}

const VOCABULARY: Vocabulary = {
    ownNames: ["kmsMasterKeyId"],
    coreNames: [],
    argNames: ["name"],
    ownStrings: ["alias/aws/sqs"],
    coreStrings: [],
    listed: [],
    paths: [],
    patterns: [],
    types: [TYPE],
    mentionedTypes: [],
};

/** Runs the resource property on a fixture policy; returns the failure's cause, or undefined when it held. */
async function failureOf(policy: SrguardPolicy): Promise<unknown> {
    const details = await fc.check(
        fc.asyncProperty(resourceSamples(policy, VOCABULARY, "shaped"), (s) => checkResourceSample(policy, s)),
        fuzzParameters(`self/${policy.meta.name}`, 300),
    );
    return details.failed ? (details.errorInstance ?? new Error("failed without an error")) : undefined;
}

describe("the fuzz properties", () => {
    it("fail a policy that throws a TypeError on a value of an unexpected type", async () => {
        const policy = fixture((props) => {
            const key = props.get("kmsMasterKeyId").value;
            return key !== undefined && (key as string).trim() === "" ? fail("`kmsMasterKeyId` is empty.") : pass;
        });
        expect(await failureOf(policy)).toBeInstanceOf(TypeError);
    });

    it("fail a policy that puts a property value into its message", async () => {
        const policy = fixture((props) => {
            const key = props.get("kmsMasterKeyId").text();
            return key !== undefined ? fail(`\`kmsMasterKeyId\` is ${key}.`) : pass;
        });
        expect(String(await failureOf(policy))).toContain("a message contains a property value");
    });

    it("fail a policy whose verdict changes from one run to the next", async () => {
        let calls = 0;
        const policy = fixture(() => (++calls % 2 === 0 ? fail("`kmsMasterKeyId` is not set.") : pass));
        expect(String(await failureOf(policy))).toContain("same input, same verdict");
    });

    it("hold for a policy whose unknowns go through the framework to the SDK's proxy", async () => {
        const policy = fixture((props) => {
            const key = props.get("kmsMasterKeyId");
            return key.isUnknown ? unknown(key) : key.isUnset ? fail("`kmsMasterKeyId` is not set.") : pass;
        });
        expect(await failureOf(policy)).toBeUndefined();
    });
});

describe("the generators", () => {
    it("put unknowns and secrets at the paths an edit picks, below the root", () => {
        const bag: Json = { a: { b: [1, "x"] } };
        expect(applyEdits(bag, [{ at: 0, kind: "unknown", secretValue: null }])).toEqual({ a: UNKNOWN });
        expect(applyEdits(bag, [{ at: 2, kind: "wrap", secretValue: null }])).toEqual({ a: { b: [secret(1), "x"] } });
        const replaced = applyEdits(bag, [{ at: 3, kind: "secret", secretValue: `${MARKER}abcdefghij` }]);
        expect(replaced).toEqual({ a: { b: [1, secret(`${MARKER}abcdefghij`)] } });
        expect(holdsUnknown(replaced)).toBe(false);
        expect(holdsUnknown({ a: [secret(UNKNOWN)] })).toBe(true);
    });

    it("forbid every marker (any case, and its random part) and every large number inside a secret", () => {
        const forbidden = forbiddenTexts({ a: `arn:aws:iam::123456789012:role/${MARKER}ABCDEFGHIJ`, b: secret(123456789), c: 987654321 });
        expect([...forbidden].sort()).toEqual(["123456789", "abcdefghij", `${MARKER.toLowerCase()}abcdefghij`]);
    });

    it("derive a vocabulary for every registered policy: its types and the names its code reads", () => {
        for (const policy of policies) {
            const v = vocabularyOf(policy);
            const { name, resourceTypes } = policy.meta;
            expect(v.ownNames.length + v.coreNames.length, name).toBeGreaterThan(0);
            expect(v.types.length, name).toBeGreaterThan(0);
            if (resourceTypes !== "all") {
                for (const t of resourceTypes) expect(v.types, name).toContain(t);
                expect(v.argNames.length, `${name}: no \`...Args\` in the provider SDK for its types`).toBeGreaterThan(0);
            }
        }
    });
});
