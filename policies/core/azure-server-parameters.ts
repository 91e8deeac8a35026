// Server parameters of Azure Database for PostgreSQL / MySQL flexible servers: each is a Configuration resource
// (`serverName`, `configurationName`, `value`) joined to its server. A parameter no Configuration of the stack sets
// has the service's default. Used by the stack policies that require a logging parameter on every server.

import type { StackResource } from "./policy";
import type { Value } from "./read";
import { Companions, Join, texts } from "./stack";

type ServerToken = "azure-native:dbforpostgresql:Server" | "azure-native:dbformysql:Server";
type ConfigurationToken = "azure-native:dbforpostgresql:Configuration" | "azure-native:dbformysql:Configuration";

/** One server's Configurations by lower-case parameter name, and the Configurations whose name is not known yet. */
export interface ServerParameterSet {
    /** The values the stack sets for `name` (any case), in stack order; empty: the service default applies. */
    values(name: string): readonly Value[];
    /** Configurations that may be any parameter of this server or of any server (name or server unknown). */
    readonly undecided: readonly StackResource[];
}

/** The Configurations of each server of the stack. */
export class ServerParameters {
    private readonly configs: Companions<ServerToken, ConfigurationToken>;

    constructor(servers: readonly StackResource<ServerToken>[], configurations: readonly StackResource<ConfigurationToken>[]) {
        this.configs = new Companions(new Join(servers, (s) => texts(s.props.get("serverName"))), configurations, "serverName");
    }

    /** Configurations whose server is not in the stack (an existing server's). */
    get unjoined(): readonly StackResource<ConfigurationToken>[] {
        return this.configs.unjoined;
    }

    of(server: StackResource<ServerToken>): ServerParameterSet {
        const byName = new Map<string, Value[]>();
        const undecided: StackResource[] = [...this.configs.unresolved];
        for (const c of this.configs.of(server)) {
            const name = (c.props as Value<Readonly<Record<string, unknown>>>).get("configurationName");
            if (name.isUnknown) undecided.push(c);
            const key = name.text()?.trim().toLowerCase();
            if (key === undefined) continue;
            let list = byName.get(key);
            if (!list) byName.set(key, (list = []));
            list.push((c.props as Value<Readonly<Record<string, unknown>>>).get("value"));
        }
        return { values: (n) => byName.get(n.toLowerCase()) ?? [], undecided };
    }
}

