// Event Hubs and Service Bus namespaces: the namespace's public endpoint, as the namespace and its network rule set
// (`NamespaceNetworkRuleSet`, a separate resource) declare it together. The rule set is applied after the namespace
// (it names the namespace), so a `publicNetworkAccess` the rule set states is the one that holds; without one the
// namespace's own value does (unset means Enabled on both). The rule set's `defaultAction` (unset means Allow) and
// `ipRules[].ipMask` are the namespace's firewall; without a rule set there is none. Both services share one shape.

import { exposureVerdict } from "./azure";
import type { Finding, StackResource, StackView } from "./policy";
import { Companions, Join, texts } from "./stack";
import type { Value } from "./read";
import { pass, unknown, type Verdict } from "./verdict";

type Namespace = "azure-native:eventhub:Namespace" | "azure-native:servicebus:Namespace";
type RuleSet = "azure-native:eventhub:NamespaceNetworkRuleSet" | "azure-native:servicebus:NamespaceNetworkRuleSet";

const SELECTED_REMEDY = "set the config `allowSelectedNetworks` to true to accept a firewalled public endpoint";

function endpointVerdict(access: Value, ruleSet: StackResource<RuleSet> | undefined, acceptSelected: boolean): Verdict {
    const firewall = ruleSet ? { defaultAction: ruleSet.props.get("defaultAction"), ipRules: ruleSet.props.get("ipRules"), valueKey: "ipMask" } : undefined;
    return exposureVerdict({ access, ...(firewall ? { firewall } : {}), noun: "the namespace" }, { acceptSelected, selectedRemedy: SELECTED_REMEDY });
}

/** The verdict on every namespace of the stack (with its rule sets) and on every rule set whose namespace is elsewhere. */
export function* namespaceExposureFindings(
    stack: StackView,
    namespaceType: Namespace,
    ruleSetType: RuleSet,
    acceptSelected: boolean,
): Generator<Finding> {
    const namespaces = new Join(stack.ofType(namespaceType) as readonly StackResource<Namespace>[], (n) => texts(n.props.get("namespaceName")));
    const ruleSets = stack.ofType(ruleSetType) as readonly StackResource<RuleSet>[];
    const ruleSetsOf = new Companions(namespaces, ruleSets, "namespaceName");
    for (const ns of namespaces.targets) {
        const own = ruleSetsOf.of(ns);
        const verdicts = own.length
            ? own.map((rs) => {
                  const stated = rs.props.get("publicNetworkAccess");
                  return endpointVerdict(stated.isUnset ? ns.props.get("publicNetworkAccess") : stated, rs, acceptSelected);
              })
            : [endpointVerdict(ns.props.get("publicNetworkAccess"), undefined, acceptSelected)];
        let verdict: Verdict = verdicts.find((v) => v.kind === "fail") ?? verdicts.find((v) => v.kind === "unknown") ?? pass;
        // A rule set whose namespace is unknown during preview may be this namespace's: it can close what is open.
        if (verdict.kind === "fail" && ruleSetsOf.unresolved.length) verdict = unknown("the namespace of a network rule set");
        yield { urn: ns.urn, verdict };
    }
    // A rule set for a namespace outside the stack states that namespace's network access on its own.
    for (const rs of ruleSetsOf.unjoined) yield { urn: rs.urn, verdict: endpointVerdict(rs.props.get("publicNetworkAccess"), rs, acceptSelected) };
}
