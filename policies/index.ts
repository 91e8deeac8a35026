// The policy pack that `pulumi preview --policy-pack policies` loads. Constructing the PolicyPack starts the
// analyzer server, so nothing may import this file: platform teams import `srguard` (policies/api.ts) instead.
import { PolicyPack } from "@pulumi/policy";
import { PACK_NAME, packArgs } from "./api";
import { specFromSchema } from "./core/config";
import { checkConfigAtConfigure } from "./core/sdk-contract";
import { installSdkFastPaths } from "./core/sdk-contract";

// Before the server starts: skip the SDK's work for policies that do not look at a resource's type, and decode each
// resource once (core/sdk-contract.ts; SRGUARD_SDK_FAST_PATHS=off runs the plain SDK).
installSdkFastPaths();

const args = packArgs();

// Before the server starts: refuse a bad policy-pack config in `Configure`, before any resource is analyzed
// (core/sdk-contract.ts section 7; the Pulumi CLI checks only the schema's properties).
checkConfigAtConfigure(PACK_NAME, new Map(args.policies.map((p) => [p.name, specFromSchema(p.configSchema)])));

new PolicyPack(PACK_NAME, args);
