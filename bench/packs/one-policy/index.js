// The second floor of `npm run bench`: what @pulumi/policy costs per resource for any pack with a policy — the
// resource's properties and its provider's decoded, the unknown-checking proxies, the options read and one policy
// called — with one policy (./policy.js) that applies to every resource and reads nothing.
"use strict";
const { PolicyPack } = require("@pulumi/policy");
const { readsNothing } = require("./policy");

new PolicyPack("one-policy", { policies: [readsNothing] });
