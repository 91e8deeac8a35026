import { allowsAnyOf, judgeDocument, statementPosition } from "../core/iam";
import { defineResourcePolicy } from "../core/policy";
import { ASSUME_ROLE_WITH_SAML, ASSUME_ROLE_WITH_WEB_IDENTITY, type FederatedProvider, federatedProvider, pinsFederatedCaller } from "../core/trust";
import { fail, pass } from "../core/verdict";

const TYPE = "aws:iam/role:Role";
const GITHUB = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com";
const github = (condition: Readonly<Record<string, unknown>>) =>
    JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Federated: GITHUB }, Action: "sts:AssumeRoleWithWebIdentity", Condition: condition }] });

const REQUIREMENT: Readonly<Record<FederatedProvider["kind"], string>> = {
    wildcard: "trusts a wildcard `Federated` principal; name one identity provider ARN",
    oidc:
        "trusts an OIDC provider without pinning the token subject; add `StringEquals` (or a `StringLike` pattern that still " +
        "names the workload, e.g. `repo:<owner>/<repo>:*` for GitHub) on `<provider>:sub` — `:aud` alone lets every " +
        "workload of that provider assume the role",
    cognito: "trusts Cognito identities without pinning the identity pool; add `StringEquals` `cognito-identity.amazonaws.com:aud` = <identity pool id>",
    saml: "trusts a SAML provider without pinning the SAML audience; add `StringEquals` `SAML:aud` = the AWS SAML sign-in endpoint",
};

export default defineResourcePolicy({
    name: "aws-iam-role-restrict-federated-trust",
    title: "IAM roles trusted by OIDC or SAML providers pin who may assume them",
    cloud: "aws",
    control: "mfa",
    severity: "high",
    description:
        "A role that an OIDC or SAML identity provider's users or workloads can assume must pin who at that provider may " +
        "assume it: the token subject for OIDC (`<provider>:sub`, not only `:aud`; a wildcard-only subject pins nothing), " +
        "the identity pool for Cognito, and the provider ARN plus `SAML:aud` for SAML (the IdP's role attribute then " +
        "decides which of its users get the role).",
    remediation:
        "OIDC: add `\"StringEquals\": {\"<provider>:sub\": \"<exact subject>\"}` or a `StringLike` pattern that still names " +
        "the workload (GitHub `repo:<owner>/<repo>:ref:refs/heads/main`, GitLab `project_path:<group>/<project>:*`, EKS " +
        "`system:serviceaccount:<namespace>:<service account>`). Cognito: pin `cognito-identity.amazonaws.com:aud` to the " +
        "identity pool id. SAML: name the SAML provider ARN and add `\"StringEquals\": {\"SAML:aud\": " +
        "\"https://signin.aws.amazon.com/saml\"}`.",
    frameworks: [
        { framework: "iso27001", version: "2022", id: "A.8.5" },
        { framework: "iso27001", version: "2022", id: "A.5.15" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [TYPE],
    config: {},
    examples: {
        pass: [
            {
                title: "GitHub Actions, pinned to one repository",
                type: TYPE,
                props: { assumeRolePolicy: github({ StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme/deploy:ref:refs/heads/main" } }) },
            },
        ],
        fail: [
            {
                title: "GitHub Actions, audience only (every repository on GitHub)",
                type: TYPE,
                props: { assumeRolePolicy: github({ StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" } }) },
            },
        ],
    },
    check({ props }) {
        return judgeDocument(props.get("assumeRolePolicy"), "assumeRolePolicy", (s) => {
            const federated = s.principal?.federated ?? [];
            if (s.effect !== "Allow" || federated.length === 0) return pass;
            if (!allowsAnyOf(s, [ASSUME_ROLE_WITH_WEB_IDENTITY, ASSUME_ROLE_WITH_SAML])) return pass;
            // One message per statement: the first provider it fails to pin.
            const failing = federated.map(federatedProvider).find((p) => !pinsFederatedCaller(s, p));
            return failing ? fail(`\`assumeRolePolicy\` ${statementPosition(s)} ${REQUIREMENT[failing.kind]}.`) : pass;
        });
    },
});
