// The floor of `srguard preview`: a program run once under the plain @pulumi/pulumi runtime and its own mocks
// (`setMocks`, preview mode), with nothing of srguard — no runner, no gate, no pack. What any offline run of the program
// costs, as the empty pack is the floor of the analyzer. bench/run.ts times it as a child process:
//
//   node -r ./bench/ts.js bench/sdk-program.ts PROGRAM_DIR
//
// The program's index.ts is compiled by bench/ts.js as it is required; its @pulumi/pulumi is the one its folder resolves.

import * as path from "node:path";

async function main(dir: string): Promise<void> {
    const fromProgram = (id: string): unknown => require(require.resolve(id, { paths: [dir] }));
    const pulumi = fromProgram("@pulumi/pulumi") as typeof import("@pulumi/pulumi");
    // As a preview of a create answers (and srguard's runner too): no id, the outputs echo the inputs.
    await pulumi.runtime.setMocks({ newResource: (a) => ({ id: undefined, state: a.inputs as Record<string, unknown> }), call: () => ({}) }, "bench", "bench", true);
    const stack = fromProgram("@pulumi/pulumi/runtime/stack") as { runInPulumiStack(init: () => Promise<unknown>): Promise<unknown> };
    await stack.runInPulumiStack(async () => require(path.join(dir, "index.ts")) as unknown);
}

const dir = process.argv[2];
if (!dir) {
    process.stderr.write("usage: sdk-program.ts PROGRAM_DIR\n");
    process.exit(2);
}
main(path.resolve(dir)).catch((e: unknown) => {
    process.stderr.write(`sdk-program: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
});
