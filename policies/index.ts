// The policy pack that `pulumi preview --policy-pack policies` loads. Constructing the PolicyPack starts the
// analyzer server, so nothing may import this file: platform teams import `srguard` (policies/api.ts) instead.
import { PolicyPack } from "@pulumi/policy";
import { PACK_NAME, packArgs } from "./api";

new PolicyPack(PACK_NAME, packArgs());
