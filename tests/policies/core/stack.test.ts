// The one join helper for stack policies (policies/core/stack.ts): which resource does a property refer to — by
// property dependency first, then by the literal value, never by resource order.

import type { PolicyResource } from "@pulumi/policy";
import { describe, expect, it } from "vitest";
import type { StackResource } from "../../../policies/core/policy";
import { Value } from "../../../policies/core/read";
import { Companions, Join, texts } from "../../../policies/core/stack";
import { decodeProps, UNKNOWN } from "../../harness";

const BUCKET = "aws:s3/bucket:Bucket";
const BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";

function resource<T extends string>(type: T, name: string, props: Record<string, unknown>, deps: Record<string, readonly StackResource[]> = {}): StackResource<T> {
    const urn = `urn:pulumi:test::srguard-test::${type}::${name}`;
    const propertyDependencies = Object.fromEntries(Object.entries(deps).map(([k, rs]) => [k, rs.map((r) => r.resource)]));
    const sdk = { type, name, urn, props: decodeProps(props), propertyDependencies } as unknown as PolicyResource;
    return { type, canonicalType: type, name, urn, props: Value.root(sdk.props), provider: undefined, resource: sdk } as unknown as StackResource<T>;
}

describe("texts", () => {
    it("keeps the known non-empty strings", () => {
        const r = resource(BUCKET, "b", { bucket: "logs", id: "", tags: UNKNOWN });
        expect(texts(r.props.get("bucket"), r.props.get("bucketPrefix"), r.props.get("tags"))).toEqual(["logs"]);
    });
});

describe("Join", () => {
    const a = resource(BUCKET, "a", { bucket: "alpha" });
    const b = resource(BUCKET, "b", { bucket: "beta" });
    const join = new Join([a, b], (r) => texts(r.props.get("bucket")));

    it("resolves by property dependency before the value (even while the value is unknown)", () => {
        const block = resource(BLOCK, "blk", { bucket: UNKNOWN }, { bucket: [b] });
        expect(join.resolve(block, "bucket")).toEqual({ kind: "resources", targets: [b] });
    });

    it("resolves a literal bucket name", () => {
        expect(join.resolve(resource(BLOCK, "blk", { bucket: "alpha" }), "bucket")).toEqual({ kind: "resources", targets: [a] });
    });

    it("says unknown for an unknown value without dependencies, naming the value", () => {
        const ref = join.resolve(resource(BLOCK, "blk", { bucket: UNKNOWN }), "bucket");
        expect(ref.kind).toBe("unknown");
        expect(ref.kind === "unknown" && ref.value.path).toBe("bucket");
    });

    it("says none for a name outside the stack or an unset property", () => {
        expect(join.resolve(resource(BLOCK, "blk", { bucket: "gamma" }), "bucket")).toEqual({ kind: "none" });
        expect(join.resolve(resource(BLOCK, "blk", {}), "bucket")).toEqual({ kind: "none" });
    });

    it("looks up join keys and lists dependencies", () => {
        expect(join.lookup("beta")).toEqual([b]);
        expect(join.dependencies(resource(BLOCK, "blk", { bucket: "x" }, { bucket: [a, resource(BUCKET, "elsewhere", {})] }), "bucket")).toEqual([a]);
    });
});

describe("Companions", () => {
    it("groups companions by target, and keeps the unresolved and unjoined ones apart", () => {
        const a = resource(BUCKET, "a", { bucket: "alpha" });
        const b = resource(BUCKET, "b", { bucket: "beta" });
        const both = resource(BLOCK, "both", { bucket: UNKNOWN }, { bucket: [a, b] });
        const named = resource(BLOCK, "named", { bucket: "beta" });
        const pending = resource(BLOCK, "pending", { bucket: UNKNOWN });
        const outside = resource(BLOCK, "outside", { bucket: "gamma" });
        const c = new Companions(new Join([a, b], (r) => texts(r.props.get("bucket"))), [both, named, pending, outside], "bucket");
        expect(c.of(a)).toEqual([both]);
        expect(c.of(b)).toEqual([both, named]);
        expect(c.unresolved).toEqual([pending]);
        expect(c.unjoined).toEqual([outside]);
    });
});
