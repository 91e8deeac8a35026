import { defineResourcePolicy, type PropsOf } from "../core/policy";
import { resourcePolicy } from "../core/public-access";

export default defineResourcePolicy({
    name: "aws-kms-key-policy-disallow-public-access",
    title: "KMS key policies do not grant public access",
    cloud: "aws",
    control: "public-access",
    severity: "high",
    description:
        "KMS key policies (the `policy` of a Key, ExternalKey, ReplicaKey, ReplicaExternalKey, and KeyPolicy) must not allow anyone: no Allow statement with Principal `*`, `{AWS: \"*\"}` or a NotPrincipal unless a fixed condition restricts it (kms:CallerAccount, aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceAccount ...). A key without a policy gets KMS's default key policy (its own account only).",
    remediation:
        "Name the principals (the account root or roles) instead of `*`, or add a fixed condition such as `StringEquals: { \"kms:CallerAccount\": <account id> }` together with `kms:ViaService`.",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.8.3" }],
    enforcementLevel: "mandatory",
    catalogue: ["aws-public-kms-key-policy"],
    resourceTypes: [
        "aws:kms/key:Key",
        "aws:kms/keyPolicy:KeyPolicy",
        "aws:kms/replicaKey:ReplicaKey",
        "aws:kms/externalKey:ExternalKey",
        "aws:kms/replicaExternalKey:ReplicaExternalKey",
    ],
    config: {},
    examples: {
        pass: [
            { title: "a key that says nothing (KMS's default key policy)", type: "aws:kms/key:Key", props: {} },
            { title: "any principal of one account through EBS (kms:CallerAccount)", type: "aws:kms/key:Key", props: { policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: ["kms:Decrypt", "kms:CreateGrant"], Resource: "*", Condition: { StringEquals: { "kms:CallerAccount": "111122223333", "kms:ViaService": "ec2.ap-northeast-1.amazonaws.com" } } }] }) } },
        ],
        fail: [
            { title: "anyone may decrypt", type: "aws:kms/key:Key", props: { policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*" }] }) } },
        ],
    },
    check(r) {
        const props: PropsOf<typeof r.canonicalType> = r.props;
        return resourcePolicy(props.get("policy"), "policy", { restrictingKeys: ["kms:calleraccount"] });
    },
});
