// Benchmark-catalogue items (docs/catalogue.json, by key) that a policy pack cannot decide from the properties a
// Pulumi program declares, each with the reason. docs/compliance.md lists them apart from the gaps; an item is either
// enforced by a policy or explained here, never both (tests/compliance.test.ts).
//
// Items that need no policy because the service now settles them for everyone (the control was retired, the service
// encrypts by default) are listed here too, their reason starting "No policy needed".

export const UNDECIDABLE: Readonly<Record<string, string>> = {
    "aws-enc-appsync-api-cache":
        "No policy needed: AWS AppSync now encrypts every current and future API cache at rest, whatever " +
        "`atRestEncryptionEnabled` says, and Security Hub retired AppSync.1 on 9 March 2026. The catalogue entry is out of date.",
    "aws-enc-athena-workgroup":
        "No policy needed: Security Hub retired Athena.1 in April 2024, and Athena writes query results to S3, which " +
        "encrypts every new object at rest (SSE-S3 at least) since January 2023, so a workgroup without an " +
        "`encryptionConfiguration` does not leave results unencrypted. The catalogue entry is out of date.",
    "aws-log-sns-delivery-status":
        "No policy needed: Security Hub retired SNS.2 (delivery-status logging for topics) in April 2024, and no other " +
        "benchmark of the catalogue asks for it; delivery-status logs are an operational signal (was a message delivered " +
        "to an endpoint), not an audit trail, and who published or subscribed is in CloudTrail. The catalogue entry is " +
        "out of date.",
};
