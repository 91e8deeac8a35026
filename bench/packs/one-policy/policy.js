// The policies of bench/packs/one-policy (also called in-process by bench/sdk-micro.ts): one resource policy and one
// stack policy, each applying to everything, reading nothing and reporting nothing, so what they cost is what
// @pulumi/policy does around a policy call (for the stack policy: a view of every resource of the stack).
"use strict";

exports.readsNothing = {
    name: "reads-nothing",
    description: "Applies to every resource and reads none of it.",
    enforcementLevel: "mandatory",
    validateResource: () => undefined,
};

exports.stackReadsNothing = {
    name: "stack-reads-nothing",
    description: "Applies to the whole stack and reads none of it.",
    enforcementLevel: "mandatory",
    validateStack: () => undefined,
};
