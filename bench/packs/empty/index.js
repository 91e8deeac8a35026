// The floor of `npm run bench`: what any Node.js policy pack pays — node, @pulumi/pulumi's policy-pack runner,
// @pulumi/policy and its gRPC server — with no policy at all.
"use strict";
const { PolicyPack } = require("@pulumi/policy");

new PolicyPack("empty", { policies: [] });
