import { afterEach, describe, expect, it } from "vitest";
import {
    applyExemptions,
    configExemptions,
    dayNumber,
    dayText,
    type Exemption,
    exemptedLine,
    expiredLine,
    globMatcher,
    matchesResource,
    parseExemptionLine,
    parseTagValue,
    type Settings,
    setTodayForTesting,
    standing,
    tagExemptions,
    today,
    TODAY_ENV,
} from "../../../policies/core/exemptions";
import { policies } from "../../../policies/registry";

const DAY = (s: string) => dayNumber(s) as number;
const NOW = DAY("2026-06-15");

afterEach(() => setTodayForTesting(undefined));

function config(over: Partial<Exemption> = {}): Exemption {
    return { policy: "aws-sqs-queue-require-encryption", source: "config", index: 1, resource: "jobs", reason: "reviewed", expires: "2026-12-31", ...over };
}

function settings(exemptions: readonly Record<string, string>[], tags = true, maxDays = 365): Settings {
    const list = configExemptions({ exemptions });
    const byPolicy = new Map<string, Exemption[]>();
    for (const e of list) byPolicy.set(e.policy, [...(byPolicy.get(e.policy) ?? []), e]);
    return { config: { exemptions, allowInCodeExemptions: tags, maxDays }, byPolicy, tags, policyNames: undefined };
}

describe("dates and the clock", () => {
    it("reads calendar dates only", () => {
        expect(dayText(DAY("2026-02-28"))).toBe("2026-02-28");
        expect(dayNumber("2026-02-30")).toBeUndefined();
        expect(dayNumber("2026-2-3")).toBeUndefined();
        expect(dayNumber("31/12/2026")).toBeUndefined();
    });

    it("takes today from the injected date, else SRGUARD_TODAY", () => {
        setTodayForTesting("2030-01-02");
        expect(dayText(today())).toBe("2030-01-02");
        setTodayForTesting(undefined);
        const saved = process.env[TODAY_ENV];
        process.env[TODAY_ENV] = "2029-05-06";
        try {
            expect(dayText(today())).toBe("2029-05-06");
            process.env[TODAY_ENV] = "tomorrow";
            expect(() => today()).toThrow(/SRGUARD_TODAY must be a date/);
        } finally {
            if (saved === undefined) delete process.env[TODAY_ENV];
            else process.env[TODAY_ENV] = saved;
        }
    });
});

describe("standing", () => {
    it("is in force up to and including its expiry date, expired the day after", () => {
        expect(standing(config({ expires: "2026-06-16" }), NOW, 365)).toEqual({ kind: "in-force", expires: DAY("2026-06-16"), daysLeft: 1 });
        expect(standing(config({ expires: "2026-06-15" }), NOW, 365)).toEqual({ kind: "in-force", expires: NOW, daysLeft: 0 });
        expect(standing(config({ expires: "2026-06-14" }), NOW, 365)).toEqual({ kind: "expired", expires: DAY("2026-06-14") });
    });

    it("is invalid without a reason, without or with a malformed date, or past maxDays", () => {
        expect(standing(config({ reason: "" }), NOW, 365)).toMatchObject({ kind: "invalid", problems: ["has no reason"] });
        expect(standing(config({ expires: "" }), NOW, 365)).toMatchObject({ kind: "invalid", problems: [expect.stringContaining("has no expiry date")] });
        expect(standing(config({ expires: "2026-13-01" }), NOW, 365)).toMatchObject({ kind: "invalid", problems: ["has an expiry '2026-13-01' that is not a date YYYY-MM-DD"] });
        expect(standing(config({ expires: "2027-06-16" }), NOW, 365)).toMatchObject({
            kind: "invalid",
            problems: ["expires on 2027-06-16, 366 days from today: more than maxDays (365)"],
        });
        expect(standing(config({ expires: "2027-06-15" }), NOW, 365).kind).toBe("in-force");
        expect(standing(config({ expires: "2026-07-15" }), NOW, 7).kind).toBe("invalid");
    });

    it("refuses to exempt srguard-exemptions itself", () => {
        expect(standing(config({ policy: "srguard-exemptions" }), NOW, 365).kind).toBe("invalid");
    });

    it("never prints a tag value it does not know to be plain", () => {
        const tag: Exemption = { policy: "p", source: "tag", tagKey: "srguard-exempt:p", reason: "", expires: "s3cr3t-date", secret: true };
        const s = standing(tag, NOW, 365);
        expect(s.kind).toBe("invalid");
        expect(JSON.stringify(s)).not.toContain("s3cr3t-date");
        expect(JSON.stringify(standing({ ...tag, secret: undefined, reason: "x", expires: "2099-01-01" }, NOW, 365))).not.toContain("2099");
    });
});

describe("matching", () => {
    it("matches a resource by URN or name, * spanning any characters", () => {
        const urn = "urn:pulumi:prod::shop::aws:s3/bucket:Bucket::website-assets";
        expect(matchesResource("website-*", urn, "website-assets")).toBe(true);
        expect(matchesResource("urn:pulumi:prod::*::website-*", urn, "website-assets")).toBe(true);
        expect(matchesResource("urn:pulumi:dev::*", urn, "website-assets")).toBe(false);
        expect(matchesResource("website", urn, "website-assets")).toBe(false);
        expect(matchesResource("*", urn, "x")).toBe(true);
    });

    it("takes every other character literally", () => {
        expect(globMatcher("a.b")("a.b")).toBe(true);
        expect(globMatcher("a.b")("axb")).toBe(false);
        expect(globMatcher("(x)+")("(x)+")).toBe(true);
    });
});

describe("tags", () => {
    it("reads `<YYYY-MM-DD> <reason>`", () => {
        expect(parseTagValue(" 2026-09-30   batch consumer\tcannot use KMS ")).toEqual({ expires: "2026-09-30", reason: "batch consumer cannot use KMS" });
        expect(parseTagValue("2026-09-30")).toEqual({ expires: "2026-09-30", reason: "" });
    });

    it("finds srguard-exempt:<policy> keys in any case, and knows which values are secret", () => {
        const props = { tags: { team: "x", "SRGUARD-EXEMPT:aws-a": "2026-01-01 r", "srguard-exempt:aws-b": "2026-01-02 s" } };
        const reading = tagExemptions(props, new Set(["srguard-exempt:aws-b"]));
        expect(reading.exemptions.map((e) => [e.policy, e.secret])).toEqual([
            ["aws-a", false],
            ["aws-b", true],
        ]);
        expect(tagExemptions(props, "all").exemptions.every((e) => e.secret === true)).toBe(true);
        expect(tagExemptions(props, undefined).exemptions.every((e) => e.secret === undefined)).toBe(true);
    });

    it("fits both clouds' tag limits for every policy (key at most 128 characters, no < > % & \\ ? /)", () => {
        for (const p of policies) {
            const key = `srguard-exempt:${p.name}`;
            expect(key.length, key).toBeLessThanOrEqual(128);
            expect(key, key).toMatch(/^[A-Za-z0-9 _.:=+\-@]+$/);
        }
    });
});

describe("the lines a finding carries", () => {
    it("are read back as written", () => {
        const e = config({ ticket: "SEC-123", reason: "public website content, reviewed: see SEC-123" });
        expect(parseExemptionLine(`desc\nmsg\n${exemptedLine(e, DAY("2027-03-31"))}`)).toEqual({
            status: "exempted",
            source: "config",
            expires: "2027-03-31",
            reason: "public website content, reviewed: see SEC-123",
            index: 1,
            ticket: "SEC-123",
        });
        const tag: Exemption = { policy: "aws-x", source: "tag", tagKey: "srguard-exempt:aws-x", reason: "r", expires: "2026-01-01", secret: false };
        expect(parseExemptionLine(expiredLine(tag, DAY("2026-01-01")))).toEqual({ status: "expired", source: "tag", expires: "2026-01-01", reason: "r", tagKey: "srguard-exempt:aws-x" });
        expect(parseExemptionLine("a violation\nwithout an exemption")).toBeUndefined();
    });
});

describe("applyExemptions", () => {
    const subject = { urn: "urn:pulumi:prod::p::aws:sqs/queue:Queue::jobs", name: "jobs", props: {} };
    const entry = { policy: "aws-sqs-queue-require-encryption", resource: "jobs", reason: "reviewed", ticket: "SEC-1" };

    it("exempts while in force (today included) and reports it", () => {
        const a = applyExemptions("aws-sqs-queue-require-encryption", subject, "msg", settings([{ ...entry, expires: "2026-06-15" }]), NOW);
        expect(a).toEqual({ exempted: true, message: "msg\nEXEMPTED until 2026-06-15 by config exemption #1, ticket SEC-1: reviewed" });
    });

    it("keeps the violation once expired, naming the exemption and its date", () => {
        const a = applyExemptions("aws-sqs-queue-require-encryption", subject, "msg", settings([{ ...entry, expires: "2026-06-14" }]), NOW);
        expect(a).toEqual({ exempted: false, message: "msg\nNO LONGER EXEMPTED: config exemption #1, ticket SEC-1 expired on 2026-06-14: reviewed" });
    });

    it("never exempts with an invalid exemption, and says why", () => {
        const a = applyExemptions("aws-sqs-queue-require-encryption", subject, "msg", settings([{ ...entry, reason: " ", expires: "2026-07-01" }]), NOW);
        expect(a.exempted).toBe(false);
        expect(a.message).toContain("EXEMPTION NOT HONOURED: config exemption #1, ticket SEC-1 has no reason");
    });

    it("leaves other policies and other resources alone", () => {
        const s = settings([{ ...entry, expires: "2026-07-01" }]);
        expect(applyExemptions("aws-other-policy", subject, "msg", s, NOW)).toEqual({ exempted: false, message: "msg" });
        expect(applyExemptions("aws-sqs-queue-require-encryption", { ...subject, urn: "urn:pulumi:prod::p::aws:sqs/queue:Queue::jobs2", name: "jobs2" }, "msg", s, NOW).exempted).toBe(false);
    });

    it("exempts nothing when exemptions are off", () => {
        expect(applyExemptions("aws-sqs-queue-require-encryption", subject, "msg", undefined, NOW)).toEqual({ exempted: false, message: "msg" });
    });

    it("honours a tag only when allowed and known not to be secret", () => {
        const tagged = { ...subject, props: { tags: { "srguard-exempt:aws-sqs-queue-require-encryption": "2026-07-01 legacy consumer" } } };
        // Outside the analyzer server the pack cannot tell whether the value was secret: not honoured.
        const unknownSecret = applyExemptions("aws-sqs-queue-require-encryption", tagged, "msg", settings([], true), NOW);
        expect(unknownSecret.exempted).toBe(false);
        expect(unknownSecret.message).toContain("cannot tell whether its value is secret");
        expect(applyExemptions("aws-sqs-queue-require-encryption", tagged, "msg", settings([], false), NOW)).toEqual({ exempted: false, message: "msg" });
    });
});
