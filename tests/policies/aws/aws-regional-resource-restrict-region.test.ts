import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-regional-resource-restrict-region";
import { type ProviderInput, type ResourceInput, runResourcePolicy, secret, UNKNOWN } from "../../harness";

const BUCKET = "aws:s3/bucket:Bucket";
const ALLOWED = "allowed: ap-northeast-1, ap-northeast-3";

/** The default provider as the engine sends it: built from the stack's `aws:region` config. */
const defaultProvider = (region: unknown): ProviderInput => ({ name: "default_7_48_0", props: { region } });
const explicitProvider = (name: string, region: unknown): ProviderInput => ({ name, props: { region } });

const resource = (over: Partial<ResourceInput> = {}): ResourceInput => ({
    type: BUCKET,
    props: { bucket: "audit-logs" },
    provider: defaultProvider("ap-northeast-1"),
    ...over,
});

describe("aws-regional-resource-restrict-region", () => {
    describe("passes", () => {
        it.each([
            ["the default provider is in Tokyo", resource()],
            ["the default provider is in Osaka", resource({ provider: defaultProvider("ap-northeast-3") })],
            ["an explicit provider is in Tokyo", resource({ provider: explicitProvider("tokyo", "ap-northeast-1") })],
            [
                "the resource's own region is allowed although its provider's is not",
                resource({ props: { region: "ap-northeast-3" }, provider: defaultProvider("us-east-1") }),
            ],
            ["the region is written in upper case", resource({ provider: defaultProvider("AP-NORTHEAST-1") })],
            ["the region has surrounding spaces", resource({ props: { region: " ap-northeast-1 " } })],
            ["the resource uses the deprecated BucketV2 token", resource({ type: "aws:s3/bucketV2:BucketV2" })],
            ["the resource uses the aws:alb alias module", resource({ type: "aws:alb/loadBalancer:LoadBalancer" })],
        ])("when %s", async (_, input) => {
            expect((await runResourcePolicy(policy, input)).verdict).toBe("pass");
        });

        it.each([
            ["an IAM role", "aws:iam/role:Role"],
            ["a CloudFront distribution", "aws:cloudfront/distribution:Distribution"],
            ["a Route 53 hosted zone", "aws:route53/zone:Zone"],
            ["a Route 53 record", "aws:route53/record:Record"],
            ["an Organizations account", "aws:organizations/account:Account"],
            ["a budget", "aws:budgets/budget:Budget"],
            ["a Network Manager global network", "aws:networkmanager/globalNetwork:GlobalNetwork"],
            ["the account-wide S3 public access block", "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock"],
            ["the account's opt-in region setting", "aws:account/region:Region"],
        ])("exempts %s (a global service) even with no region at all", async (_, type) => {
            expect((await runResourcePolicy(policy, { type, props: {} })).verdict).toBe("pass");
            expect((await runResourcePolicy(policy, { type, props: {}, provider: defaultProvider("us-east-1") })).verdict).toBe("pass");
        });

        it("does not check the provider resource itself", async () => {
            const r = await runResourcePolicy(policy, { type: "pulumi:providers:aws", props: { region: "us-east-1" } });
            expect(r.verdict).toBe("pass");
        });

        it.each([
            ["a scheduled function's EventRuleEventSubscription (onSchedule)", "aws:cloudwatch:EventRuleEventSubscription"],
            ["a log subscription's LogGroupEventSubscription (onDecodedEvent)", "aws:cloudwatch:LogGroupEventSubscription"],
            ["a bucket notification's BucketEventSubscription (onObjectCreated)", "aws:s3:BucketEventSubscription"],
            ["a queue's QueueEventSubscription (onEvent)", "aws:sqs:QueueEventSubscription"],
            ["a program's own ComponentResource", "my:index:Website"],
        ])("does not look at %s: a component creates nothing and has no region", async (_, type) => {
            expect((await runResourcePolicy(policy, { type, props: {} })).verdict).toBe("pass");
        });

        it.each([
            ["an ACM certificate validation (it creates nothing)", "aws:acm/certificateValidation:CertificateValidation", {}],
            ["an SES domain identity verification (it creates nothing)", "aws:ses/domainIdentityVerification:DomainIdentityVerification", {}],
            ["CloudFront's ACM certificate (no customer data)", "aws:acm/certificate:Certificate", { domainName: "www.example.com" }],
            ["a CLOUDFRONT-scope web ACL", "aws:wafv2/webAcl:WebAcl", { scope: "CLOUDFRONT" }],
            ["a CLOUDFRONT-scope IP set, in lower case", "aws:wafv2/ipSet:IpSet", { scope: "cloudfront" }],
            ["a CLOUDFRONT-scope rule group", "aws:wafv2/ruleGroup:RuleGroup", { scope: "CLOUDFRONT", capacity: 10 }],
        ])("exempts %s in us-east-1 by default", async (_, type, props) => {
            const r = await runResourcePolicy(policy, { type, props, provider: explicitProvider("us-east-1", "us-east-1") });
            expect(r.verdict).toBe("pass");
        });

        it("allows a Lambda@Edge function named in `edgeFunctions` in us-east-1", async () => {
            const edge = { type: "aws:lambda/function:Function", name: "security-headers", props: { publish: true }, provider: explicitProvider("us-east-1", "us-east-1") };
            expect((await runResourcePolicy(policy, edge, { edgeFunctions: ["security-headers"] })).verdict).toBe("pass");
        });

        it("ignores resources of other clouds", async () => {
            const r = await runResourcePolicy(policy, { type: "azure-native:storage:StorageAccount", props: { location: "eastus" } });
            expect(r.verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when the stack's aws:region is not allowed, naming the config key and not the region", async () => {
            const r = await runResourcePolicy(policy, resource({ provider: defaultProvider("us-east-1") }));
            expect(r.verdict).toBe("fail");
            const text = r.messages.join();
            expect(text).toContain("the default provider's `region` (stack config `aws:region`) is not an allowed region");
            expect(text).toContain(ALLOWED);
            expect(text).not.toContain("us-east-1");
        });

        it("when an explicit provider's region is not allowed, naming the provider", async () => {
            const r = await runResourcePolicy(policy, resource({ provider: explicitProvider("virginia", "us-east-1") }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("the `region` of provider `virginia` is not an allowed region");
        });

        it("when the resource's own region is not allowed although its provider's is", async () => {
            const r = await runResourcePolicy(policy, resource({ props: { region: "us-west-2" } }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`region` is not an allowed region (allowed: ap-northeast-1, ap-northeast-3)");
        });

        it("when a neighbouring Asian region is used (Seoul)", async () => {
            expect((await runResourcePolicy(policy, resource({ props: { region: "ap-northeast-2" } }))).verdict).toBe("fail");
        });

        it("fails closed when no region can be determined, saying how to pin one", async () => {
            const r = await runResourcePolicy(policy, resource({ provider: undefined }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("pulumi config set aws:region <region>");
            expect(r.messages.join()).toContain("`region` on the explicit provider or on the resource");
        });

        it("fails closed when the provider's region is empty", async () => {
            expect((await runResourcePolicy(policy, resource({ provider: defaultProvider("") }))).verdict).toBe("fail");
            expect((await runResourcePolicy(policy, resource({ provider: { props: {} } }))).verdict).toBe("fail");
        });

        it("when the region is a secret, without printing it", async () => {
            const r = await runResourcePolicy(policy, resource({ props: { region: secret("eu-west-1") } }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`region`");
            expect(r.messages.join()).not.toContain("eu-west-1");
        });

        it.each([
            ["a KMS multi-region replica key", "aws:kms/replicaKey:ReplicaKey"],
            ["a KMS replica external key", "aws:kms/replicaExternalKey:ReplicaExternalKey"],
            ["a DynamoDB table replica", "aws:dynamodb/tableReplica:TableReplica"],
            ["an RDS automated-backups replication", "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication"],
            ["an EBS snapshot copy", "aws:ebs/snapshotCopy:SnapshotCopy"],
        ])("when %s is kept in a disallowed region, saying it is a copy", async (_, type) => {
            const r = await runResourcePolicy(policy, { type, props: { region: "eu-west-1" }, provider: defaultProvider("ap-northeast-1") });
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("copy of data from another region");
        });

        it.each([
            ["a Route 53 Resolver endpoint", "aws:route53/resolverEndpoint:ResolverEndpoint"],
            ["a Route 53 Profiles profile", "aws:route53/profilesProfile:ProfilesProfile"],
            ["an IAM Roles Anywhere trust anchor (regional, though the SDK has no per-resource region)", "aws:rolesanywhere/trustAnchor:TrustAnchor"],
            ["a bucket under the deprecated BucketV2 token", "aws:s3/bucketV2:BucketV2"],
            ["a load balancer under the aws:alb alias", "aws:alb/loadBalancer:LoadBalancer"],
            ["a type this pack has never heard of", "aws:newservice/thing:Thing"],
        ])("checks %s as a regional resource", async (_, type) => {
            expect((await runResourcePolicy(policy, { type, props: {}, provider: defaultProvider("us-east-1") })).verdict).toBe("fail");
        });
    });

    describe("fails the us-east-1 pieces that are not CloudFront's", () => {
        const virginia = explicitProvider("us-east-1", "us-east-1");
        it("a REGIONAL web ACL in us-east-1", async () => {
            expect((await runResourcePolicy(policy, { type: "aws:wafv2/webAcl:WebAcl", props: { scope: "REGIONAL" }, provider: virginia })).verdict).toBe("fail");
        });

        it("a Lambda function in us-east-1 that `edgeFunctions` does not name, saying how to list it", async () => {
            const r = await runResourcePolicy(policy, { type: "aws:lambda/function:Function", name: "api", props: {}, provider: virginia }, { edgeFunctions: ["security-headers"] });
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("list its resource name in `edgeFunctions`");
        });

        it("a function named in `edgeFunctions` outside us-east-1 (Lambda@Edge lives only there)", async () => {
            const r = await runResourcePolicy(policy, { type: "aws:lambda/function:Function", name: "security-headers", props: {}, provider: explicitProvider("oregon", "us-west-2") }, { edgeFunctions: ["security-headers"] });
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("edgeFunctions");
        });

        it("a resource that merely has a validation-like name (only the type exempts)", async () => {
            expect((await runResourcePolicy(policy, { type: "aws:acm/certificate:Certificate", name: "validation", props: {}, provider: virginia }, { globalServiceExceptions: [] })).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while a WAF object's scope is unknown", async () => {
            const r = await runResourcePolicy(policy, { type: "aws:wafv2/webAcl:WebAcl", props: { scope: UNKNOWN }, provider: explicitProvider("us-east-1", "us-east-1") });
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("scope");
        });

        it("cannot decide while the resource's own region is unknown", async () => {
            const r = await runResourcePolicy(policy, resource({ props: { region: UNKNOWN } }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".region");
        });

        it("cannot decide while the provider's region is unknown and the resource sets none", async () => {
            expect((await runResourcePolicy(policy, resource({ provider: explicitProvider("dynamic", UNKNOWN) }))).verdict).toBe("unknown");
        });

        it("decides from the resource's own region when only the provider's is unknown", async () => {
            const input = (region: string) => resource({ props: { region }, provider: explicitProvider("dynamic", UNKNOWN) });
            expect((await runResourcePolicy(policy, input("ap-northeast-1"))).verdict).toBe("pass");
            expect((await runResourcePolicy(policy, input("us-east-1"))).verdict).toBe("fail");
        });

        it("does not need to know anything about a global resource", async () => {
            const r = await runResourcePolicy(policy, { type: "aws:iam/role:Role", props: { region: UNKNOWN }, provider: defaultProvider(UNKNOWN) });
            expect(r.verdict).toBe("pass");
        });
    });

    describe("config", () => {
        it("allows the configured regions instead of the default ones", async () => {
            const config = { allowedRegions: ["eu-central-1", "eu-west-1"] };
            expect((await runResourcePolicy(policy, resource({ provider: defaultProvider("eu-central-1") }), config)).verdict).toBe("pass");
            const r = await runResourcePolicy(policy, resource(), config);
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("(allowed: eu-central-1, eu-west-1)");
        });

        it("allows no region at all with an empty list", async () => {
            const r = await runResourcePolicy(policy, resource(), { allowedRegions: [] });
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("(allowed: none)");
        });

        it.each([
            ["a malformed name", "ap_northeast_1"],
            ["a display name", "Asia Pacific (Tokyo)"],
            ["a region AWS does not have", "ap-northeast-9"],
            ["an upper-case name", "AP-NORTHEAST-1"],
        ])("rejects %s, naming the key", async (_, region) => {
            await expect(runResourcePolicy(policy, resource(), { allowedRegions: ["ap-northeast-1", region] })).rejects.toThrow(
                "config key 'allowedRegions[1]'",
            );
        });

        it("rejects a single string instead of a list", async () => {
            await expect(runResourcePolicy(policy, resource(), { allowedRegions: "ap-northeast-1" })).rejects.toThrow(
                "config key 'allowedRegions' must be an array",
            );
        });

        it("checks ACM certificates and CLOUDFRONT-scope WAF objects like any resource when `globalServiceExceptions` is empty", async () => {
            const virginia = explicitProvider("us-east-1", "us-east-1");
            const off = { globalServiceExceptions: [] };
            expect((await runResourcePolicy(policy, { type: "aws:acm/certificate:Certificate", props: {}, provider: virginia }, off)).verdict).toBe("fail");
            expect((await runResourcePolicy(policy, { type: "aws:wafv2/webAcl:WebAcl", props: { scope: "CLOUDFRONT" }, provider: virginia }, off)).verdict).toBe("fail");
            const wafOnly = { globalServiceExceptions: ["cloudfront-waf"] };
            expect((await runResourcePolicy(policy, { type: "aws:acm/certificate:Certificate", props: {}, provider: virginia }, wafOnly)).verdict).toBe("fail");
            expect((await runResourcePolicy(policy, { type: "aws:wafv2/webAcl:WebAcl", props: { scope: "CLOUDFRONT" }, provider: virginia }, wafOnly)).verdict).toBe("pass");
        });

        it("keeps checking a certificate validation whatever `globalServiceExceptions` says: it creates nothing", async () => {
            const r = await runResourcePolicy(policy, { type: "aws:acm/certificateValidation:CertificateValidation", props: {}, provider: explicitProvider("us-east-1", "us-east-1") }, { globalServiceExceptions: [] });
            expect(r.verdict).toBe("pass");
        });

        it("rejects an exception it does not know, naming the key", async () => {
            await expect(runResourcePolicy(policy, resource(), { globalServiceExceptions: ["lambda-edge"] })).rejects.toThrow("config key 'globalServiceExceptions[0]'");
        });

        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, resource(), { allowedRegion: ["ap-northeast-1"] })).rejects.toThrow("config key 'allowedRegion'");
        });

        it("publishes the region list and pattern in its JSON schema, so the Pulumi CLI rejects typos too", () => {
            const schema = JSON.stringify(policy.configSchema);
            expect(schema).toContain('"enum":[');
            expect(schema).toContain("ap-northeast-3");
            expect(schema).toContain('"pattern"');
        });
    });
});
