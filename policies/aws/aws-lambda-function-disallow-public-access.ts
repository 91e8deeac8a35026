import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown, type Verdict } from "../core/verdict";
import type { Value } from "../core/read";

const PERMISSION = "aws:lambda/permission:Permission";
const FUNCTION_URL = "aws:lambda/functionUrl:FunctionUrl";

/** Service principals that act for any account's resources: their permission needs `sourceAccount` (Lambda.1 names S3). */
const DEPUTIES = ["s3.amazonaws.com"];

function isWildcard(principal: Value): boolean {
    const p = principal.text()?.trim();
    return p === "*" || p === "arn:aws:iam::*:root";
}

export default defineResourcePolicy({
    name: "aws-lambda-function-disallow-public-access",
    title: "Lambda functions are not invocable by anyone",
    cloud: "aws",
    control: "public-access",
    severity: "high",
    description:
        "A Lambda permission must not let anyone invoke the function: `principal: \"*\"` passes only with `sourceArn`, " +
        "`sourceAccount` or `principalOrgId` set, and a permission for `s3.amazonaws.com` needs `sourceAccount` (bucket " +
        "ARNs name no account, so any account's bucket could invoke it). A function URL with `authorizationType: NONE` " +
        "is open to the internet.",
    remediation:
        "Set `principal` to an account, role or service, or add `sourceArn` / `sourceAccount` / `principalOrgId`; for S3, " +
        "set `sourceAccount` to the bucket owner's account. Give function URLs `authorizationType: \"AWS_IAM\"` (front a " +
        "public endpoint with API Gateway or CloudFront instead), or exempt a deliberately public webhook.",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.8.3" }],
    enforcementLevel: "mandatory",
    catalogue: ["aws-public-lambda-function"],
    resourceTypes: [PERMISSION, FUNCTION_URL],
    config: {},
    examples: {
        pass: [
            { title: "API Gateway may invoke, from one API", type: PERMISSION, props: { action: "lambda:InvokeFunction", function: "api", principal: "apigateway.amazonaws.com", sourceArn: "arn:aws:execute-api:ap-northeast-1:111122223333:abc123/*" } },
            { title: "a function URL that needs IAM auth", type: FUNCTION_URL, props: { functionName: "api", authorizationType: "AWS_IAM" } },
        ],
        fail: [
            { title: "anyone may invoke", type: PERMISSION, props: { action: "lambda:InvokeFunction", function: "api", principal: "*" } },
            { title: "any account's bucket may invoke", type: PERMISSION, props: { action: "lambda:InvokeFunction", function: "thumbnails", principal: "s3.amazonaws.com", sourceArn: "arn:aws:s3:::uploads" } },
            { title: "a function URL without auth", type: FUNCTION_URL, props: { functionName: "api", authorizationType: "NONE" } },
        ],
    },
    check(r): Verdict {
        if (r.canonicalType === FUNCTION_URL) {
            const auth = r.props.get("authorizationType");
            if (auth.isUnknown) return unknown(auth);
            return auth.isOneOf("NONE")
                ? fail("`authorizationType` is NONE, so anyone on the internet can invoke the function through its URL; use AWS_IAM.")
                : pass;
        }
        const p = r.props;
        const principal = p.get("principal");
        const sourceArn = p.get("sourceArn");
        const sourceAccount = p.get("sourceAccount");
        const org = p.get("principalOrgId");
        if (principal.isUnknown) return unknown(principal);
        if (isWildcard(principal)) {
            if (sourceArn.isText() || sourceAccount.isText() || org.isText()) return pass;
            if (sourceArn.isUnknown || sourceAccount.isUnknown || org.isUnknown) return unknown(sourceArn, sourceAccount, org);
            return fail("`principal` is `*` and none of `sourceArn`, `sourceAccount`, `principalOrgId` is set, so anyone can invoke the function; name the principal or set one of them.");
        }
        if (DEPUTIES.includes((principal.text() ?? "").trim().toLowerCase())) {
            if (sourceAccount.isText()) return pass;
            if (sourceAccount.isUnknown) return unknown(sourceAccount);
            return fail("`principal` is s3.amazonaws.com without `sourceAccount`, so a bucket of any account can invoke the function (bucket ARNs name no account); set `sourceAccount`.");
        }
        return pass;
    },
});
