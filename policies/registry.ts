// The explicit list of every srguard policy. Nothing registers itself: a policy exists in the pack because it is
// listed here (tests/registry.test.ts checks that every policy file is listed exactly once).

import type { SrguardPolicy } from "./core/policy";

// AWS — encryption-at-rest

// AWS — public-access

// AWS — mfa

// AWS — log-retention
import awsCloudwatchLogGroupConfigureRetention from "./aws/aws-cloudwatch-log-group-configure-retention";

// AWS — data-region

// Azure — encryption-at-rest

// Azure — public-access

// Azure — mfa

// Azure — log-retention

// Azure — data-region

export const policies: readonly SrguardPolicy[] = Object.freeze([
    // AWS — encryption-at-rest

    // AWS — public-access

    // AWS — mfa

    // AWS — log-retention
    awsCloudwatchLogGroupConfigureRetention,

    // AWS — data-region

    // Azure — encryption-at-rest

    // Azure — public-access

    // Azure — mfa

    // Azure — log-retention

    // Azure — data-region
]);
