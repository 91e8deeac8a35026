// The second floor of `npm run bench`: what @pulumi/policy costs for any pack with policies, with one resource policy
// and one stack policy (./policy.js) that apply to everything and read nothing. Per resource: the resource's
// properties and its provider's decoded, the unknown-checking proxies, the options read and one policy called; per
// stack: every resource's view built (decoded, proxied, parents and dependencies resolved) and one policy called.
"use strict";
const { PolicyPack } = require("@pulumi/policy");
const { readsNothing, stackReadsNothing } = require("./policy");

new PolicyPack("one-policy", { policies: [readsNothing, stackReadsNothing] });
