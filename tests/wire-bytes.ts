// Protobuf wire bytes written by hand, for tests that need forms google-protobuf never writes (a field given twice,
// unknown fields, wire types a message does not use): the reader under test must meet them as they are.

/** A base-128 varint. */
export function varint(n: number): Buffer {
    const out: number[] = [];
    while (n > 0x7f) {
        out.push((n % 128) | 0x80);
        n = Math.floor(n / 128);
    }
    out.push(n);
    return Buffer.from(out);
}

/** A field: its tag, then (wire type 2) a length and the payload, or the payload as the value's raw bytes. */
export function field(no: number, wire: number, payload: Uint8Array | readonly number[]): Buffer {
    const bytes = Buffer.from(Uint8Array.from(payload));
    return Buffer.concat([varint(no * 8 + wire), wire === 2 ? varint(bytes.length) : Buffer.alloc(0), bytes]);
}

/** A length-delimited field (wire type 2). */
export const bytesField = (no: number, payload: Uint8Array): Buffer => field(no, 2, payload);

/** A varint field (wire type 0) of `value`. */
export const varintField = (no: number, value: number): Buffer => field(no, 0, varint(value));
