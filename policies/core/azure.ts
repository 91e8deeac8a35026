// Azure conventions the Azure policies share: how the resource providers spell "no public network access",
// which IP rules open a firewall to every address, and what a customer-managed key of a flexible server needs.
//
// Azure enum-like values are case-insensitive on the wire (`Disabled`, `disabled`; Key Vault documents the lower
// case spelling), so every comparison here ignores case (but not surrounding blanks: ARM does not trim them).

import { isUnboundedIpv4Range, isUnboundedRange } from "./cidr";
import type { ItemOf, KeysOf, Value } from "./read";
import type { ResourceArgs } from "./resource-types.generated";
import type { Shape } from "./read";
import { fail, pass, unknown, type Verdict } from "./verdict";

/** Whether a value is the string `option`, in any case. */
export function isAzureText(v: Value, ...options: readonly string[]): boolean {
    const s = v.text()?.toLowerCase();
    return s !== undefined && options.some((o) => o.toLowerCase() === s);
}

/**
 * `publicNetworkAccess` values that keep a service off the public network: `Disabled`, and `SecuredByPerimeter`
 * (storage, SQL, Cosmos DB: inbound public traffic is denied unless a network security perimeter rule admits it).
 */
export function isPublicNetworkAccessOff(v: Value): boolean {
    return isAzureText(v, "Disabled", "SecuredByPerimeter");
}

/**
 * An IP rule value that admits every address, or a range too large to be anyone's own network: `*`, `0.0.0.0/0`,
 * `::/0`, but also `0.0.0.0/1` (two of which are the whole internet) — see core/cidr.ts.
 */
export function admitsEveryAddress(v: Value): boolean {
    return isUnboundedRange(v.value);
}

/** A known, set object (not an array). */
export function isObjectValue(v: Value): boolean {
    const o = v.value;
    return typeof o === "object" && o !== null && !Array.isArray(o);
}

/**
 * The verdict on a list of IP rules (`rules`, an array; anything else holds no rule): `fail(message)` when a known
 * rule's `valueKey` admits too much (`admits`: one such rule is enough, whatever the others are), else `unknown` for
 * the rules (or values) that are unknown, else `pass`.
 */
export function ipRulesVerdict<T, K extends KeysOf<ItemOf<T>>>(
    rules: Value<T>,
    valueKey: K,
    message: string,
    admits: (v: Value) => boolean = admitsEveryAddress,
): Verdict {
    if (rules.isUnknown) return unknown(rules);
    if (!Array.isArray(rules.value)) return pass;
    const undecided: Value[] = [];
    for (const rule of rules.items()) {
        if (rule.isUnknown) {
            undecided.push(rule);
            continue;
        }
        const value = rule.get(valueKey);
        if (value.isUnknown) undecided.push(value);
        else if (admits(value)) return fail(message);
    }
    return undecided.length ? unknown(...undecided) : pass;
}

/**
 * The verdict on IP rules whose elements are the values themselves (`allowedIpRangeList: ["203.0.113.0/24"]`), or
 * whose values sit under `valueKey` (untyped: for the network-exposure helper below, which serves many services).
 * A rule whose `action` is Deny admits nothing.
 */
function untypedIpRulesVerdict(rules: Value, valueKey: string | undefined, message: string, admits: (v: Value) => boolean): Verdict {
    if (rules.isUnknown) return unknown(rules);
    if (!Array.isArray(rules.value)) return pass;
    const undecided: Value[] = [];
    for (const rule of rules.items() as Value<Readonly<Record<string, unknown>>>[]) {
        if (rule.isUnknown) {
            undecided.push(rule);
            continue;
        }
        if (valueKey !== undefined && isAzureText(rule.get("action"), "Deny")) continue;
        const value = valueKey === undefined ? rule : rule.get(valueKey);
        if (value.isUnknown) undecided.push(value);
        else if (admits(value)) return fail(message);
    }
    return undecided.length ? unknown(...undecided) : pass;
}

type NetworkAcl =
    | Shape<ResourceArgs["azure-native:storage:StorageAccount"]>["networkRuleSet"]
    | NonNullable<Shape<ResourceArgs["azure-native:keyvault:Vault"]>["properties"]>["networkAcls"];

/**
 * The verdict on a network ACL (storage `networkRuleSet`, Key Vault `networkAcls`): `fail(openDefault)` when its
 * default action is not Deny (absent: Allow), `fail(openRule)` when it denies but an IP rule admits every address,
 * `pass` when it is closed, else `unknown` for the values it needs.
 */
export function firewallVerdict(acl: Value<NetworkAcl>, ipValueKey: "iPAddressOrRange" | "value", messages: { readonly openDefault: string; readonly openRule: string }): Verdict {
    if (acl.isUnknown) return unknown(acl);
    const action = acl.get("defaultAction");
    if (action.isUnknown) return unknown(action);
    if (!isAzureText(action, "Deny")) return fail(messages.openDefault);
    return ipRulesVerdict(acl.get("ipRules"), ipValueKey, messages.openRule);
}

type FlexibleServer = Shape<ResourceArgs["azure-native:dbformysql:Server"]> | Shape<ResourceArgs["azure-native:dbforpostgresql:Server"]>;

/**
 * Whether an Azure Database for PostgreSQL / MySQL flexible server (`dataEncryption`) uses a customer-managed key:
 * fails on what the known values prove, else waits for the unknown ones.
 */
export function flexibleServerKeyVerdict(props: Value<FlexibleServer>): Verdict {
    const encryption = props.get("dataEncryption");
    if (encryption.isUnknown) return unknown(encryption);
    const type = encryption.get("type");
    if (!type.isUnknown && !isAzureText(type, "AzureKeyVault")) {
        return fail("`dataEncryption.type` is not AzureKeyVault (the server uses service-managed keys); set it to AzureKeyVault with `dataEncryption.primaryKeyURI`.");
    }
    const uri = encryption.get("primaryKeyURI");
    if (!uri.isUnknown && !uri.isText()) return fail("`dataEncryption.primaryKeyURI` is not set; a customer-managed key needs the Key Vault key URI.");
    return type.isUnknown || uri.isUnknown ? unknown(type, uri) : pass;
}

/** `unknown` for those of `values` that are unknown during preview (in order), else `pass`. */
export function pendingOn(...values: readonly Value[]): Verdict {
    const undecided = values.filter((v) => v.isUnknown);
    return undecided.length ? unknown(...undecided) : pass;
}

// ---------------------------------------------------------------------------------------------------------------
// Network exposure: one reading of "is this service reachable from the public internet?" for every Azure service
// that has a public endpoint. A service is
// - `off` when its public endpoint is off (`publicNetworkAccess` Disabled or SecuredByPerimeter; any case);
// - `selected` when the endpoint is on but its firewall admits only listed networks (a default action of Deny, or an
//   allow-list that is not empty, and no IP rule wider than a bounded range — core/cidr.ts, so the internet written
//   as halves or quarters counts as the internet);
// - `open` otherwise: the endpoint is on (unset means Enabled for every service here) and nothing restricts it, or
//   an IP rule admits every address.
// Benchmarks differ on `selected`: CIS 3.8 (storage) and the Container Registry / AI Services built-ins accept it,
// the "should disable public network access" built-ins do not. A policy says which with `acceptSelected`.

/** The firewall a service keeps on the resource itself. */
export interface ResourceFirewall {
    /** The default action (Allow / Deny; unset means Allow). Absent for services whose IP list is an allow-list. */
    readonly defaultAction?: Value;
    /** The IP rules (an array); unset or empty admits every network when there is no default action. */
    readonly ipRules: Value;
    /** The field of each rule that holds the address or range; undefined when the rules are the values themselves. */
    readonly valueKey?: string;
}

export interface PublicEndpoint {
    /** The public-network-access switch (`publicNetworkAccess`, `properties.publicNetworkAccess`, ...). */
    readonly access: Value;
    /** The firewall on the same resource, when the service has one. */
    readonly firewall?: ResourceFirewall;
    /** What the resource is, for messages ("the registry", "the workspace"). */
    readonly noun: string;
}

export interface ExposureOptions {
    /** Accept a public endpoint whose firewall admits only listed networks. */
    readonly acceptSelected: boolean;
    /**
     * What the user can do to accept a firewalled endpoint when `acceptSelected` is false (e.g. "set the config
     * `allowSelectedNetworks` to true"); omitted when the policy has no such option.
     */
    readonly selectedRemedy?: string;
}

/** Whether the firewall admits only listed networks (`pass`), admits every network (`fail`), or is unknown. */
function firewallOf(endpoint: PublicEndpoint): Verdict {
    const fw = endpoint.firewall;
    const accessName = `\`${endpoint.access.path}\``;
    const onEveryNetwork = `so ${endpoint.noun} accepts traffic from every network; set ${accessName} to Disabled and use a private endpoint`;
    if (!fw) return fail(`${accessName} is not Disabled (unset means Enabled), ${onEveryNetwork}.`);
    const tooWide = untypedIpRulesVerdict(
        fw.ipRules,
        fw.valueKey,
        `\`${fw.ipRules.path}\` admits every address (a range wider than /8 for IPv4 or /32 for IPv6); remove that rule or set ${accessName} to Disabled.`,
        admitsEveryAddress,
    );
    if (fw.defaultAction) {
        const action = fw.defaultAction;
        if (action.isUnknown) return tooWide.kind === "fail" ? tooWide : unknown(action, ...(tooWide.kind === "unknown" ? tooWide.needs : []));
        if (!isAzureText(action, "Deny")) {
            return fail(`${accessName} is not Disabled (unset means Enabled) and \`${action.path}\` is not Deny (unset means Allow), ${onEveryNetwork}, or deny by default and list the networks that need access.`);
        }
        return tooWide;
    }
    if (tooWide.kind !== "pass") return tooWide;
    const rules = fw.ipRules.value;
    if (!Array.isArray(rules) || rules.length === 0) {
        return fail(`${accessName} is not Disabled (unset means Enabled) and \`${fw.ipRules.path}\` lists no network, ${onEveryNetwork}, or list the networks that need access.`);
    }
    return pass;
}

/**
 * The verdict on a service's public endpoint: `pass` when it is off (or, with `acceptSelected`, limited to listed
 * networks); `fail` with a message that names the property, its state and the fix; `unknown` for the values it needs.
 * While the switch is unknown it may yet be Disabled, so only a firewall the known values prove closed (when
 * accepted) passes; nothing fails.
 */
export function exposureVerdict(endpoint: PublicEndpoint, options: ExposureOptions): Verdict {
    const access = endpoint.access;
    if (isPublicNetworkAccessOff(access)) return pass;
    const firewall = firewallOf(endpoint);
    if (access.isUnknown) return options.acceptSelected && firewall.kind === "pass" ? pass : unknown(access);
    if (firewall.kind !== "pass" || options.acceptSelected) return firewall;
    return fail(
        `\`${access.path}\` is not Disabled (unset means Enabled): the firewall admits only listed networks, but ${endpoint.noun} keeps a public ` +
            `endpoint; set \`${access.path}\` to Disabled and use a private endpoint${options.selectedRemedy ? `, or ${options.selectedRemedy}` : ""}.`,
    );
}

/** What a start–end firewall rule opens: every Azure datacenter (0.0.0.0–0.0.0.0), the internet, or a bounded range. */
export function ipRangeRuleVerdict(start: Value, end: Value, subject: string): Verdict {
    if (start.isUnknown || end.isUnknown) return unknown(start, end);
    const from = start.text()?.trim();
    const to = end.text()?.trim();
    if (from === undefined || to === undefined) return pass;
    if (from === "0.0.0.0" && to === "0.0.0.0") {
        return fail(`${subject} is 0.0.0.0–0.0.0.0 ("allow access from Azure services"), which admits any Azure customer's resources; remove it and use a private endpoint or list the networks that need access.`);
    }
    if (isUnboundedIpv4Range(from, to)) {
        return fail(`${subject} (\`startIpAddress\`–\`endIpAddress\`) admits more than a bounded range (over a /8's worth of addresses, e.g. the whole internet); list only the networks that need access.`);
    }
    return pass;
}

/**
 * Whether a PostgreSQL / MySQL flexible server keeps a public endpoint: `network.delegatedSubnetResourceId` (VNet
 * integration, "private access") leaves it none; otherwise `network.publicNetworkAccess` decides (unset means Enabled).
 * `acceptSelected`: a public endpoint is accepted, its firewall rules (FirewallRule resources) being judged one by one.
 */
export function flexibleServerExposureVerdict(props: Value<FlexibleServer>, acceptSelected: boolean, selectedRemedy: string): Verdict {
    const network = props.get("network");
    const subnet = network.get("delegatedSubnetResourceId");
    if (subnet.isText()) return pass;
    const access = network.get("publicNetworkAccess");
    if (isPublicNetworkAccessOff(access)) return pass;
    if (access.isUnknown || subnet.isUnknown) return unknown(access, subnet);
    if (acceptSelected) return pass;
    return fail(
        "`network.publicNetworkAccess` is not Disabled (unset means Enabled, unless `network.delegatedSubnetResourceId` puts the server in a VNet), so " +
            `the server keeps a public endpoint that its firewall rules open; set it to Disabled and use a private endpoint or VNet integration, or ${selectedRemedy}.`,
    );
}
