// The policy-pack config the suite's one session runs with: the defaults, plus the organisation's own accounts, the
// approved MSP and the approved Lighthouse tenant that the msp-delegation policies need to tell an MSP from the
// organisation (with their defaults every external principal is unapproved). Set for every policy that takes the key,
// so that the config follows the registry.

import type { SrguardPolicy } from "../../policies/core/policy";
import type { JsonObject } from "./model";

/** The organisation's own AWS account. */
export const ORGANIZATION_ACCOUNT = "444455556666";
/** The MSP's AWS account (the AWS cases' `ACCOUNT`) and its approved operator role. */
export const MSP_ACCOUNT = "111122223333";
export const MSP_ROLE = `arn:aws:iam::${MSP_ACCOUNT}:role/msp-operator`;
/** An AWS account nobody approved. */
export const UNAPPROVED_ACCOUNT = "999988887777";
/** The MSP's Entra tenant, approved for Azure Lighthouse. */
export const MSP_TENANT = "55555555-5555-4555-8555-555555555555";

const SETTINGS: Readonly<Record<string, JsonObject[string]>> = {
    organizationAccountIds: [ORGANIZATION_ACCOUNT],
    approvedMspPrincipals: [MSP_ROLE],
    approvedTenantIds: [MSP_TENANT],
};

export function sessionConfig(registry: readonly SrguardPolicy[]): JsonObject {
    const doc: JsonObject = {};
    for (const p of registry) {
        const entry: JsonObject = {};
        for (const [key, value] of Object.entries(SETTINGS)) if (key in p.meta.config && value !== undefined) entry[key] = value;
        if (Object.keys(entry).length) doc[p.name] = entry;
    }
    return doc;
}
