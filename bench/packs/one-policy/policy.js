// The one policy of bench/packs/one-policy (also called in-process by bench/sdk-micro.ts): it applies to every
// resource, reads nothing and reports nothing, so what it costs is what @pulumi/policy does around a policy call.
"use strict";

exports.readsNothing = {
    name: "reads-nothing",
    description: "Applies to every resource and reads none of it.",
    enforcementLevel: "mandatory",
    validateResource: () => undefined,
};
