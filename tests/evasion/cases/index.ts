// Every evasion case, grouped by cloud and control (one file each).

import type { EvasionCase } from "../model";
import { cases as awsDataRegion } from "./aws-data-region";
import { cases as awsEncryptionAtRest } from "./aws-encryption-at-rest";
import { cases as awsLogRetention } from "./aws-log-retention";
import { cases as awsMfa } from "./aws-mfa";
import { cases as awsMspDelegation } from "./aws-msp-delegation";
import { cases as awsPublicAccess } from "./aws-public-access";
import { cases as azureDataRegion } from "./azure-data-region";
import { cases as azureEncryptionAtRest } from "./azure-encryption-at-rest";
import { cases as azureLogRetention } from "./azure-log-retention";
import { cases as azureMfa } from "./azure-mfa";
import { cases as azureMspDelegation } from "./azure-msp-delegation";
import { cases as azurePublicAccess } from "./azure-public-access";

export const CASES: readonly EvasionCase[] = [
    ...awsEncryptionAtRest,
    ...awsPublicAccess,
    ...awsMfa,
    ...awsLogRetention,
    ...awsDataRegion,
    ...awsMspDelegation,
    ...azureEncryptionAtRest,
    ...azurePublicAccess,
    ...azureMfa,
    ...azureLogRetention,
    ...azureDataRegion,
    ...azureMspDelegation,
];
