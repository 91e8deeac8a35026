// Modules loaded when they are first used instead of when the module that requires them loads. `@pulumi/pulumi`
// loads npm's arborist (about 490 modules), its automation API and TypeScript (9 MB) when it loads, for closure
// serialization and for driving the CLI, which neither a policy pack nor an ordinary program run reaches: about 550 of
// the ~1,580 modules a program on both clouds loaded, and a quarter of a pack's start-up (core/sdk-contract.ts
// section 8 says which requires qualify, and why; bench/results.md item 23 what it saved).
//
// A deferred `require(x)` returns a stand-in, which loads `x` as the require would have on its first use and from
// then on answers as the value the requiring code holds would have:
// - `require`: the code keeps the module itself, and only reads it inside functions; the stand-in is the module;
// - `__importStar` / `__importDefault`: the code hands it straight to TypeScript's helper, which reads its
//   `__esModule` (answered `true` before the module is loaded, so that the helper returns the stand-in as it is) and
//   keeps it; the stand-in is then what the helper would have returned for the module.
// So the module runs, with its side effects, only when the program reaches it. What this relies on of Node's
// CommonJS loader (`Module._load`) is held to Node's behaviour by tests/policies/core/deferred-modules.test.ts.

import Module from "node:module";

interface NodeModuleLike {
    readonly filename?: string;
}

interface Loader {
    _load(request: string, parent: NodeModuleLike | undefined, isMain: boolean): unknown;
}

/** How the requiring code holds what `require` returned. */
export type Held = "require" | "__importStar" | "__importDefault";

/** What the requiring code would hold: the module, or what TypeScript's helper (as the SDK defines it) returns. */
function heldValue(held: Held, mod: unknown): object {
    const esModule = typeof mod === "object" && mod !== null && Boolean((mod as { __esModule?: unknown }).__esModule);
    if (held === "require" || esModule) return mod as object;
    if (held === "__importDefault") return { default: mod };
    const view: Record<string, unknown> = {};
    if (mod !== null && mod !== undefined) {
        for (const k in mod as object) if (Object.prototype.hasOwnProperty.call(mod, k)) view[k] = (mod as Record<string, unknown>)[k];
    }
    view["default"] = mod;
    return view;
}

/**
 * A stand-in for the module `load()` loads, held as `held` says: any use loads it (once) and is answered by what the
 * requiring code would hold; only a helper's read of `__esModule` before that is answered without loading it.
 */
export function standIn(load: () => unknown, held: Held): object {
    let value: object | undefined;
    const target: object = {};
    const current = (): object => (value ??= heldValue(held, load()));
    return new Proxy(target, {
        get: (_t, k) => (k === "__esModule" && value === undefined && held !== "require" ? true : Reflect.get(current(), k)),
        has: (_t, k) => Reflect.has(current(), k),
        ownKeys: () => Reflect.ownKeys(current()),
        getOwnPropertyDescriptor: (t, k) => {
            const d = Reflect.getOwnPropertyDescriptor(current(), k);
            // A proxy may call a property non-configurable only when its target has it so.
            if (d && !d.configurable && !Reflect.getOwnPropertyDescriptor(t, k)) Reflect.defineProperty(t, k, d);
            return d;
        },
        set: (_t, k, v) => Reflect.set(current(), k, v),
        defineProperty: (_t, k, d) => Reflect.defineProperty(current(), k, d),
        deleteProperty: (_t, k) => Reflect.deleteProperty(current(), k),
        getPrototypeOf: () => Reflect.getPrototypeOf(current()),
    });
}

export interface DeferredModules {
    /** `file → request` of every require answered with a stand-in so far. */
    readonly deferred: readonly string[];
    /** Of those, the ones a use has loaded since. */
    readonly loaded: readonly string[];
}

/**
 * From here on, a `require(request)` made by a module whose file is a key of `plan`, for a request in its map, gets
 * a stand-in (`standIn`, held as the map says) that loads the module with the same request and parent when first used.
 */
export function deferModules(plan: ReadonlyMap<string, ReadonlyMap<string, Held>>): DeferredModules {
    const loader = Module as unknown as Loader;
    const nodeLoad = loader._load;
    const deferred: string[] = [];
    const loaded: string[] = [];
    loader._load = function (this: unknown, request: string, parent: NodeModuleLike | undefined, isMain: boolean): unknown {
        const held = parent?.filename === undefined ? undefined : plan.get(parent.filename)?.get(request);
        if (isMain || held === undefined) return Reflect.apply(nodeLoad, this, [request, parent, isMain]);
        const what = `${parent?.filename} → ${request}`;
        deferred.push(what);
        return standIn(() => {
            loaded.push(what);
            return Reflect.apply(nodeLoad, loader, [request, parent, false]);
        }, held);
    };
    return { deferred, loaded };
}
