// IP ranges in firewall rules and `aws:SourceIp` conditions: does a range name a network someone owns, or does it open
// a service to the internet? A `/0` is the obvious case, but the internet can also be written as halves or quarters
// (`0.0.0.0/1` + `128.0.0.0/1`), so a range only counts as bounded up to a size no single network has:
// - IPv4: at most a /8 (16.7 million addresses, the largest block ever assigned to one organisation);
// - IPv6: at most a /32 (the standard allocation of a regional internet registry to one organisation).

/** Shortest prefix that still counts as a bounded IPv4 range. */
export const MIN_IPV4_PREFIX = 8;
/** Shortest prefix that still counts as a bounded IPv6 range. */
export const MIN_IPV6_PREFIX = 32;

/** The address family and prefix length of a range (`203.0.113.0/24`; a bare address is a /32 or /128). */
export function prefixOf(value: string): { readonly family: 4 | 6; readonly prefix: number } | undefined {
    const v = value.trim();
    const slash = v.indexOf("/");
    const address = slash < 0 ? v : v.slice(0, slash);
    const family = address.includes(":") ? 6 : /^\d{1,3}(\.\d{1,3}){3}$/.test(address) ? 4 : undefined;
    if (family === undefined) return undefined;
    if (slash < 0) return { family, prefix: family === 4 ? 32 : 128 };
    const bits = v.slice(slash + 1);
    if (!/^\d{1,3}$/.test(bits)) return undefined;
    return { family, prefix: Number(bits) };
}

/**
 * Whether an IP rule value admits more than a bounded range: `*`, or a CIDR shorter than /8 (IPv4) or /32 (IPv6) —
 * `0.0.0.0/0`, `::/0`, but also `0.0.0.0/1` or `2000::/3`. A value that is not an IP range is not judged here.
 */
export function isUnboundedRange(value: unknown): boolean {
    if (typeof value !== "string") return false;
    if (value.trim() === "*") return true;
    const p = prefixOf(value);
    if (!p) return false;
    return p.prefix < (p.family === 4 ? MIN_IPV4_PREFIX : MIN_IPV6_PREFIX);
}

/** A dotted IPv4 address as a number (`undefined` when it is not one). */
export function ipv4Number(value: string): number | undefined {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(value.trim());
    if (!m) return undefined;
    let n = 0;
    for (const part of m.slice(1)) {
        const octet = Number(part);
        if (octet > 255) return undefined;
        n = n * 256 + octet;
    }
    return n;
}

/**
 * Whether a firewall rule written as a start–end IPv4 range (SQL, PostgreSQL, MySQL, Synapse, Redis) admits more than
 * a bounded range: more addresses than a /8 holds, e.g. 0.0.0.0–255.255.255.255, or the internet in halves
 * (0.0.0.0–127.255.255.255). Azure's "allow Azure services" rule 0.0.0.0–0.0.0.0 is not judged here.
 */
export function isUnboundedIpv4Range(start: string, end: string): boolean {
    const from = ipv4Number(start);
    const to = ipv4Number(end);
    if (from === undefined || to === undefined || to < from) return false;
    return to - from + 1 > 2 ** (32 - MIN_IPV4_PREFIX);
}
