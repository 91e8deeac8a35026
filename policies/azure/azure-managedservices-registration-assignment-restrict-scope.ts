import { GUID_PATTERN, classifyScope } from "../core/azure-roles";
import { REGISTRATION_ASSIGNMENT, normalizeGuid } from "../core/lighthouse";
import { defineStackPolicy, type StackResource } from "../core/policy";
import { canonicalType } from "../core/tokens";
import { fail, pass, unknown, type Verdict } from "../core/verdict";

const RESOURCE_GROUP = "azure-native:resources:ResourceGroup";
const SUBSCRIPTION_ALIAS = "azure-native:subscription:Alias";

const WHOLE_SUBSCRIPTION =
    "so the MSP reaches every resource group in it, today's and tomorrow's; assign the delegation to the resource groups the MSP manages instead (Lighthouse supports resource-group scope), or list the subscription in `allowedSubscriptionIds` if the whole subscription is the MSP's to run.";

export default defineStackPolicy({
    name: "azure-managedservices-registration-assignment-restrict-scope",
    title: "Lighthouse delegations are assigned at the narrowest scope",
    cloud: "azure",
    control: "msp-delegation",
    severity: "medium",
    description:
        "A Lighthouse registration assignment should project the delegation onto the resource groups the MSP manages, " +
        "not a whole subscription (unless the subscription is listed in `allowedSubscriptionIds`): a subscription-wide " +
        "delegation also covers every resource group created there later. A scope computed from a resource group of this " +
        "stack (`scope: rg.id`) is a resource-group scope, even while its id is unknown during preview.",
    remediation:
        "Create one RegistrationAssignment per managed resource group with `scope: <resourceGroup>.id` (the registration " +
        "definition stays at subscription scope), or list the subscription in `allowedSubscriptionIds`.",
    frameworks: [
        { framework: "iso27001", version: "2022", id: "A.5.15" },
        { framework: "mcsb", version: "v1", id: "PA-7" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: [REGISTRATION_ASSIGNMENT, RESOURCE_GROUP, SUBSCRIPTION_ALIAS],
    config: {
        allowedSubscriptionIds: {
            type: "array",
            items: { type: "string", pattern: GUID_PATTERN },
            default: [],
            description: "Subscription ids that may be delegated whole (a subscription that only holds what the MSP runs).",
        },
    },
    examples: {
        pass: [
            {
                title: "a delegation of a resource group",
                resources: [{ type: REGISTRATION_ASSIGNMENT, name: "msp", props: { scope: "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/app", properties: { registrationDefinitionId: "/providers/Microsoft.ManagedServices/registrationDefinitions/d" } } }],
            },
        ],
        fail: [
            {
                title: "a delegation of a whole subscription",
                resources: [{ type: REGISTRATION_ASSIGNMENT, name: "msp", props: { scope: "/subscriptions/00000000-0000-0000-0000-000000000001", properties: { registrationDefinitionId: "/providers/Microsoft.ManagedServices/registrationDefinitions/d" } } }],
            },
        ],
    },
    *check(stack, config) {
        const allowed = new Set(config.allowedSubscriptionIds.map(normalizeGuid));
        for (const a of stack.ofType(REGISTRATION_ASSIGNMENT)) yield { urn: a.urn, verdict: judge(a, allowed) };
    },
});

function judge(a: StackResource<typeof REGISTRATION_ASSIGNMENT>, allowed: ReadonlySet<string>): Verdict {
    const scopeValue = a.props.get("scope");
    if (!scopeValue.isUnknown) {
        const scope = classifyScope(scopeValue.value);
        if (scope?.kind === "subscription") return allowed.has(scope.subscriptionId) ? pass : fail(`\`scope\` is a whole subscription, ${WHOLE_SUBSCRIPTION}`);
        if (scope?.kind === "managementGroup" || scope?.kind === "tenant") return fail(`\`scope\` is broader than a subscription, ${WHOLE_SUBSCRIPTION}`);
        return pass;
    }
    // Computed: judge by what the scope was built from.
    const from = (a.resource.propertyDependencies["scope"] ?? []).map((d) => canonicalType(d.type));
    if (from.length && from.every((t) => t === RESOURCE_GROUP)) return pass;
    if (from.includes(SUBSCRIPTION_ALIAS) && !allowed.size) return fail(`\`scope\` is a subscription this stack creates, ${WHOLE_SUBSCRIPTION}`);
    return unknown(scopeValue);
}
