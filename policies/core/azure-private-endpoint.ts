// Private endpoints (CIS 3.10, 4.5.2, 8.7): is a storage account, Cosmos DB account or Key Vault reached through one?
// A `network:PrivateEndpoint` connects to the resource its `privateLinkServiceConnections[].privateLinkServiceId` (or
// `manualPrivateLinkServiceConnections[]...`) names: joined by property dependency (`privateLinkServiceId: account.id`
// is unknown in a preview, but the engine records where it came from), else by the literal ARM id (case-insensitive).
//
// What the benchmarks want is that the data is reached privately. A resource whose public network access is off
// (Disabled / SecuredByPerimeter) can only be reached privately, so it passes whether or not this stack holds its
// endpoint (a platform team often owns the endpoints in a hub stack). A resource with a public endpoint and no private
// endpoint in this stack fails — at the policies' default advisory level, since the endpoint may live in another stack.

import { isPublicNetworkAccessOff } from "./azure";
import { azureIdKeys, normalizeAzureId } from "./azure-ids";
import type { Finding, StackResource, StackView } from "./policy";
import type { Value } from "./read";
import { Join } from "./stack";
import { fail, pass, unknown, type Verdict } from "./verdict";

const PRIVATE_ENDPOINT = "azure-native:network:PrivateEndpoint";
const CONNECTIONS = ["privateLinkServiceConnections", "manualPrivateLinkServiceConnections"] as const;

export interface PrivateEndpointTarget<T extends string> {
    readonly resources: readonly StackResource<T>[];
    /** The resource's public network access switch. */
    readonly access: (r: StackResource<T>) => Value;
    /** How the message names the switch, e.g. "`publicNetworkAccess`". */
    readonly accessName: string;
    readonly noun: string;
}

/** Per target: pass (public access off, or a private endpoint of this stack connects to it), fail, or unknown. */
export function* privateEndpointFindings<T extends string>(stack: StackView, target: PrivateEndpointTarget<T>): Generator<Finding> {
    const targets = new Join(target.resources, azureIdKeys);
    const reached = new Set<string>();
    let undecided = false;
    for (const pe of stack.ofType(PRIVATE_ENDPOINT)) {
        for (const property of CONNECTIONS) {
            for (const t of targets.dependencies(pe, property)) reached.add(t.urn);
            const connections = pe.props.get(property);
            const dependsElsewhere = (pe.resource.propertyDependencies[property] ?? []).length > 0;
            for (const c of connections.items()) {
                const id = c.isUnknown ? c : c.get("privateLinkServiceId");
                if (id.isUnknown) {
                    // Built from a resource of the stack that is not a target: not ours. Otherwise it may be.
                    if (!dependsElsewhere) undecided = true;
                    continue;
                }
                const text = id.text();
                if (text) for (const t of targets.lookup(normalizeAzureId(text))) reached.add(t.urn);
            }
        }
    }
    for (const r of target.resources) {
        const access = target.access(r);
        let verdict: Verdict;
        if (isPublicNetworkAccessOff(access) || reached.has(r.urn)) verdict = pass;
        else if (access.isUnknown) verdict = unknown(access);
        else if (undecided) verdict = unknown("the resource a private endpoint connects to");
        else {
            verdict = fail(
                `${target.accessName} is not Disabled and no private endpoint in this stack connects to ${target.noun}, so it is reached over its ` +
                    `public endpoint; add a network.PrivateEndpoint whose \`privateLinkServiceConnections[].privateLinkServiceId\` is its id, or set ` +
                    `${target.accessName} to Disabled (an endpoint managed in another stack: exempt this resource).`,
            );
        }
        yield { urn: r.urn, verdict };
    }
}
