import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-ssm-document-disallow-public-sharing";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const DOCUMENT = "aws:ssm/document:Document";
const SETTING = "aws:ssm/serviceSetting:ServiceSetting";
const SHARING = "arn:aws:ssm:ap-northeast-1:111122223333:servicesetting/ssm/documents/console/public-sharing-permission";
const document = (permissions: unknown, config: Record<string, unknown> = {}) =>
    runResourcePolicy(policy, { type: DOCUMENT, props: { documentType: "Command", content: "{}", ...(permissions === undefined ? {} : { permissions }) } }, config);
const setting = (settingId: unknown, settingValue: unknown) => runResourcePolicy(policy, { type: SETTING, props: { settingId, settingValue } });

describe("aws-ssm-document-disallow-public-sharing", () => {
    describe("passes", () => {
        it("a document without permissions", async () => expect((await document(undefined)).verdict).toBe("pass"));
        it("a document shared with two accounts", async () => expect((await document({ type: "Share", account_ids: "444455556666,777788889999" })).verdict).toBe("pass"));
        it("public sharing blocked", async () => expect((await setting(SHARING, "Disable")).verdict).toBe("pass"));
        it("another service setting", async () => expect((await setting("arn:aws:ssm:ap-northeast-1:111122223333:servicesetting/ssm/parameter-store/high-throughput-enabled", "true")).verdict).toBe("pass"));
    });
    describe("fails", () => {
        it("a document shared with All", async () => expect((await document({ type: "Share", account_ids: "All" })).verdict).toBe("fail"));
        it("a document shared with all among accounts, any case", async () => expect((await document({ type: "Share", account_ids: "444455556666, ALL" })).verdict).toBe("fail"));
        it("public sharing allowed", async () => {
            const r = await setting(SHARING, "Enable");
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("Disable");
        });
    });
    describe("unknown during preview", () => {
        it("cannot decide unknown permissions", async () => expect((await document(UNKNOWN)).verdict).toBe("unknown"));
        it("cannot decide an unknown value of the sharing setting", async () => expect((await setting(SHARING, UNKNOWN)).verdict).toBe("unknown"));
        it("cannot decide an unknown setting id", async () => expect((await setting(UNKNOWN, "Enable")).verdict).toBe("unknown"));
    });
    describe("config", () => {
        it("takes no settings: an unknown key is refused", async () => {
            await expect(document(undefined, { x: 1 })).rejects.toThrow("config key 'x'");
        });
    });
});
