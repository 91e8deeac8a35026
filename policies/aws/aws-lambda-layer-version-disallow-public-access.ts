import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

const LAYER_PERMISSION = "aws:lambda/layerVersionPermission:LayerVersionPermission";

export default defineResourcePolicy({
    name: "aws-lambda-layer-version-disallow-public-access",
    title: "Lambda layer versions are not shared with everyone",
    cloud: "aws",
    control: "public-access",
    severity: "medium",
    description:
        "A Lambda layer version permission must not share the layer with every AWS account: `principal: \"*\"` passes " +
        "only together with `organizationId` (the layer's code then reaches the organisation's accounts only).",
    remediation: "Set `principal` to the account id that may use the layer, or keep `*` and set `organizationId` to your organisation.",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.8.3" }],
    enforcementLevel: "mandatory",
    catalogue: ["aws-public-lambda-layer"],
    resourceTypes: [LAYER_PERMISSION],
    config: {},
    examples: {
        pass: [
            { title: "shared with one account", type: LAYER_PERMISSION, props: { layerName: "shared", versionNumber: 1, action: "lambda:GetLayerVersion", principal: "444455556666", statementId: "dev" } },
            { title: "shared with the organisation", type: LAYER_PERMISSION, props: { layerName: "shared", versionNumber: 1, action: "lambda:GetLayerVersion", principal: "*", organizationId: "o-a1b2c3d4e5", statementId: "org" } },
        ],
        fail: [{ title: "shared with everyone", type: LAYER_PERMISSION, props: { layerName: "shared", versionNumber: 1, action: "lambda:GetLayerVersion", principal: "*", statementId: "all" } }],
    },
    check({ props }) {
        const principal = props.get("principal");
        if (principal.isUnknown) return unknown(principal);
        if (principal.text()?.trim() !== "*") return pass;
        const org = props.get("organizationId");
        if (org.isText()) return pass;
        if (org.isUnknown) return unknown(org);
        return fail("`principal` is `*` without `organizationId`, so every AWS account can use the layer version; name an account or set `organizationId`.");
    },
});
