// Messages between the gate and the program runner (runner.ts), over the child's IPC channel.

import type { UserAnswers } from "./invokes";
import type { SourcePosition } from "./model";
import type { StandInContext } from "./standins";
import type { JsonObject } from "./wire";

export interface RunJob {
    readonly kind: "run";
    readonly programDir: string;
    /** Absolute path of the program's entry (file or folder) to require. */
    readonly entry: string;
    readonly typescript: boolean;
    readonly project: string;
    readonly stack: string;
    readonly organization: string;
    /** Namespaced config as the program reads it (secure values: the unknown sentinel). */
    readonly config: Readonly<Record<string, string>>;
    readonly secretKeys: readonly string[];
    /**
     * `preview`: ids and computed outputs unknown, as in `pulumi preview`; `up`: resolved to stand-ins (standins.ts),
     * as `pulumi up` would see them (docs/gate.md "Would block at `pulumi up`").
     */
    readonly pass: "preview" | "up";
    /** The stack's account, region and subscription, for stand-ins and data-source answers. */
    readonly standIns: StandInContext;
    /** The user's data-source answers (`--data-sources FILE`). */
    readonly dataSources: UserAnswers;
}

/** One registration as the engine's resource monitor received it (properties still in the SDK's wire form). */
export interface Registration {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly custom: boolean;
    readonly parent: string;
    readonly inputs: JsonObject;
    readonly outputs: JsonObject;
    readonly dependencies: readonly string[];
    readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
    readonly provider: string;
    readonly protect: boolean;
    readonly ignoreChanges: readonly string[];
    readonly deleteBeforeReplace?: boolean;
    readonly additionalSecretOutputs: readonly string[];
    readonly aliases: readonly string[];
    readonly customTimeouts?: { readonly create: number; readonly update: number; readonly delete: number };
    /** Registered by `.get(...)`: read, not managed. */
    readonly external: boolean;
    readonly source?: SourcePosition;
}

export type RunResult =
    | { readonly kind: "result"; readonly registrations: readonly Registration[]; readonly warnings: readonly string[] }
    | {
          readonly kind: "error";
          readonly message: string;
          /** `index.ts:7`: where in the program's own files it failed, when its stack tells. */
          readonly where?: string;
          /** The data sources the program called, each with how it was answered offline. */
          readonly dataSources?: readonly string[];
      };
