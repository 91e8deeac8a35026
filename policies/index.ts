// The policy pack that `pulumi preview --policy-pack policies` loads. Constructing the PolicyPack starts the
// analyzer server, so nothing may import this file: platform teams import `srguard` (policies/api.ts) instead.
import { PolicyPack } from "@pulumi/policy";
import { PACK_NAME, packArgs } from "./api";
import { installSdkFastPaths } from "./core/sdk-contract";

// Before the server starts: skip the SDK's work for policies that do not look at a resource's type, and decode each
// resource once (core/sdk-contract.ts; SRGUARD_SDK_FAST_PATHS=off runs the plain SDK).
installSdkFastPaths();

new PolicyPack(PACK_NAME, packArgs());
