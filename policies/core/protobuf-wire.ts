// Protobuf's wire format, written as google-protobuf 3 writes it, without its message objects (its writer keeps a
// JS array of numbers, 8 bytes per byte of message, and encodes strings character by character). Used by the gate for
// its requests (gate/pack.ts, held to google-protobuf's bytes by tests/gate/stack-request.test.ts) and by the pack for
// its answers (core/sdk-contract.ts `fastEncoder`, tests/policies/core/sdk-encoding.test.ts).

/**
 * Where an encoder sends what it encodes: once to a `Measure` (every nested message's length, kept in the order the
 * messages start), then to a `Write` into a buffer of the exact size, taking those lengths in the same order. The
 * wire format is protobuf's, written as google-protobuf 3 writes it: the encoder writes the fields in the generated
 * writer's order and leaves proto3 defaults out; strings are UTF-8, a lone UTF-16 surrogate as google-protobuf writes
 * it (see utf16Write).
 */
export interface Sink {
    string(field: number, s: string): void;
    /** A varint field (bools, enums). */
    uint(field: number, n: number): void;
    double(field: number, n: number): void;
    /** A nested message: `encode(this, a, b)` writes its fields. */
    message<A, B>(field: number, encode: (w: Sink, a: A, b: B) => void, a: A, b: B): void;
    /** A nested message already encoded. */
    encoded(field: number, bytes: Uint8Array): void;
}

function varintSize(n: number): number {
    let size = 1;
    while (n > 0x7f) {
        n = Math.floor(n / 128);
        size++;
    }
    return size;
}

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_LENGTH = 2;

export class Measure implements Sink {
    size = 0;
    readonly lengths: number[] = [];

    reset(): this {
        this.size = 0;
        this.lengths.length = 0;
        return this;
    }
    string(field: number, s: string): void {
        const n = utf8Length(s);
        this.size += varintSize(field << 3) + varintSize(n) + n;
    }
    uint(field: number, n: number): void {
        this.size += varintSize(field << 3) + varintSize(n);
    }
    double(field: number): void {
        this.size += varintSize(field << 3) + 8;
    }
    message<A, B>(field: number, encode: (w: Sink, a: A, b: B) => void, a: A, b: B): void {
        const slot = this.lengths.push(0) - 1;
        const start = this.size;
        encode(this, a, b);
        const n = this.size - start;
        this.lengths[slot] = n;
        this.size += varintSize(field << 3) + varintSize(n);
    }
    encoded(field: number, bytes: Uint8Array): void {
        this.size += varintSize(field << 3) + varintSize(bytes.length) + bytes.length;
    }
}

/** Strings holding a surrogate are encoded code unit by code unit, as google-protobuf does (see utf16Write). */
const SURROGATE = /[\ud800-\udfff]/;

function utf8Length(s: string): number {
    return SURROGATE.test(s) ? utf16Write(undefined, s, 0) : Buffer.byteLength(s, "utf8");
}

export class Write implements Sink {
    pos: number;
    private next = 0;

    constructor(
        readonly buf: Buffer,
        private readonly lengths: readonly number[],
        start = 0,
    ) {
        this.pos = start;
    }
    private varint(n: number): void {
        while (n > 0x7f) {
            this.buf[this.pos++] = (n & 0x7f) | 0x80;
            n = Math.floor(n / 128);
        }
        this.buf[this.pos++] = n;
    }
    string(field: number, s: string): void {
        this.varint((field << 3) | WIRE_LENGTH);
        if (SURROGATE.test(s)) {
            this.varint(utf16Write(undefined, s, 0));
            this.pos = utf16Write(this.buf, s, this.pos);
        } else {
            const n = Buffer.byteLength(s, "utf8");
            this.varint(n);
            this.pos += this.buf.write(s, this.pos, n, "utf8");
        }
    }
    uint(field: number, n: number): void {
        this.varint((field << 3) | WIRE_VARINT);
        this.varint(n);
    }
    double(field: number, n: number): void {
        this.varint((field << 3) | WIRE_FIXED64);
        this.buf.writeDoubleLE(n, this.pos);
        this.pos += 8;
    }
    message<A, B>(field: number, encode: (w: Sink, a: A, b: B) => void, a: A, b: B): void {
        const n = this.lengths[this.next++];
        if (n === undefined) throw new Error("a message was written differently from how it was measured");
        this.varint((field << 3) | WIRE_LENGTH);
        this.varint(n);
        encode(this, a, b);
    }
    encoded(field: number, bytes: Uint8Array): void {
        this.varint((field << 3) | WIRE_LENGTH);
        this.varint(bytes.length);
        this.buf.set(bytes, this.pos);
        this.pos += bytes.length;
    }
}

/**
 * google-protobuf's UTF-8 (`jspb.BinaryEncoder.writeString`), which Buffer's differs from around lone surrogates: a
 * surrogate pair is one 4-byte code point; a high surrogate followed by anything else is dropped; a low surrogate on
 * its own, or a high one at the very end, is the 3 bytes of its own value (Buffer writes U+FFFD for both). Writes
 * from `pos` into `buf` (or only counts, without one) and returns where it ended.
 */
function utf16Write(buf: Buffer | undefined, s: string, pos: number): number {
    for (let i = 0; i < s.length; i++) {
        let c = s.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
            const low = s.charCodeAt(i + 1);
            if (low < 0xdc00 || low > 0xdfff) continue;
            c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
            i++;
        }
        const bytes = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        if (buf) {
            if (bytes === 1) buf[pos] = c;
            else if (bytes === 2) {
                buf[pos] = 0xc0 | (c >> 6);
                buf[pos + 1] = 0x80 | (c & 0x3f);
            } else if (bytes === 3) {
                buf[pos] = 0xe0 | (c >> 12);
                buf[pos + 1] = 0x80 | ((c >> 6) & 0x3f);
                buf[pos + 2] = 0x80 | (c & 0x3f);
            } else {
                buf[pos] = 0xf0 | (c >> 18);
                buf[pos + 1] = 0x80 | ((c >> 12) & 0x3f);
                buf[pos + 2] = 0x80 | ((c >> 6) & 0x3f);
                buf[pos + 3] = 0x80 | (c & 0x3f);
            }
        }
        pos += bytes;
    }
    return pos;
}

/** The bytes of one message: measured, then written. */
export function encodeMessage(encode: (w: Sink) => void): Buffer {
    const m = new Measure();
    encode(m);
    const w = new Write(Buffer.allocUnsafe(m.size), m.lengths);
    encode(w);
    if (w.pos !== m.size) throw new Error("a message was written differently from how it was measured");
    return w.buf;
}
