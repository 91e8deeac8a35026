import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-lambda-layer-version-disallow-public-access";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const TYPE = "aws:lambda/layerVersionPermission:LayerVersionPermission";
const run = (props: Record<string, unknown>, config: Record<string, unknown> = {}) =>
    runResourcePolicy(policy, { type: TYPE, props: { layerName: "shared", versionNumber: 1, action: "lambda:GetLayerVersion", statementId: "s", ...props } }, config);

describe("aws-lambda-layer-version-disallow-public-access", () => {
    describe("passes", () => {
        it("shared with one account", async () => expect((await run({ principal: "444455556666" })).verdict).toBe("pass"));
        it("shared with everyone in the organisation", async () => expect((await run({ principal: "*", organizationId: "o-a1b2c3d4e5" })).verdict).toBe("pass"));
    });
    describe("fails", () => {
        it("shared with every account", async () => {
            const r = await run({ principal: "*" });
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`organizationId`");
        });
        it("shared with every account, `*` with spaces and a blank organisation", async () => expect((await run({ principal: " * ", organizationId: " " })).verdict).toBe("fail"));
    });
    describe("unknown during preview", () => {
        it("cannot decide while the principal is unknown", async () => expect((await run({ principal: UNKNOWN })).verdict).toBe("unknown"));
        it("cannot decide `*` while the organisation is unknown", async () => expect((await run({ principal: "*", organizationId: UNKNOWN })).verdict).toBe("unknown"));
    });
    describe("config", () => {
        it("takes no settings: an unknown key is refused", async () => {
            await expect(run({ principal: "*" }, { organizations: [] })).rejects.toThrow("config key 'organizations'");
        });
    });
});
