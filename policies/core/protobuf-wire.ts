// Protobuf's wire format, written as google-protobuf 3 writes it, without its message objects (its writer keeps a
// JS array of numbers, 8 bytes per byte of message, and encodes strings character by character). Used by the gate for
// its requests (gate/pack.ts, held to google-protobuf's bytes by tests/gate/stack-request.test.ts) and by the pack for
// its answers (core/sdk-contract.ts `fastEncoder`, tests/policies/core/sdk-encoding.test.ts). And read, field by
// field, without decoding what is not asked for, and a Struct straight to JS: how the pack reads the requests it is
// sent (core/sdk-contract.ts "The AnalyzeStack request, decoded as it is needed"; tests/policies/core/protobuf-wire
// .test.ts holds the reading to google-protobuf's).

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
const WIRE_FIXED32 = 5;

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

// ---------------------------------------------------------------------------------------------------------------
// Reading

/**
 * Called for each field of a message, in the order of the bytes: its number, its wire type, where its value starts and
 * ends (a length-delimited field: its payload) and where its tag starts.
 */
export type FieldVisitor = (field: number, wire: number, start: number, end: number, tagStart: number) => void;

/** Where the varint `varintAt` last read ends. */
let varintEnd = 0;

/**
 * The varint at `pos` of at most 5 bytes (field tags and lengths: below 2^32), its end in `varintEnd`; or -1. (No
 * pair is allocated: every field of every request goes through here.)
 */
function varintAt(bytes: Uint8Array, pos: number, end: number): number {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
        if (pos >= end) return -1;
        const b = bytes[pos++] as number;
        value += (b & 0x7f) * 2 ** shift;
        if (b < 0x80) {
            varintEnd = pos;
            return value;
        }
    }
    return -1;
}

/**
 * Visits the fields of the message in `bytes[start, end)`. False when the bytes are not a message this reader takes:
 * a varint or a length that runs past the end, a field number 0, a group (wire types 3 and 4, which no message of the
 * Analyzer protocol has) or an unknown wire type. What was visited before that is not undone.
 */
export function readFields(bytes: Uint8Array, start: number, end: number, visit: FieldVisitor): boolean {
    let pos = start;
    while (pos < end) {
        const tagStart = pos;
        const tag = varintAt(bytes, pos, end);
        if (tag < 0) return false;
        pos = varintEnd;
        const field = Math.floor(tag / 8);
        const wire = tag % 8;
        if (field === 0) return false;
        let valueStart = pos;
        if (wire === WIRE_VARINT) {
            let n = 0;
            while (pos < end && (bytes[pos] as number) >= 0x80 && n < 9) pos++, n++;
            if (pos >= end || (bytes[pos] as number) >= 0x80) return false;
            pos++;
        } else if (wire === WIRE_FIXED64) pos += 8;
        else if (wire === WIRE_LENGTH) {
            const len = varintAt(bytes, pos, end);
            if (len < 0) return false;
            valueStart = varintEnd;
            pos = valueStart + len;
        } else if (wire === WIRE_FIXED32) pos += 4;
        else return false;
        if (pos > end) return false;
        visit(field, wire, valueStart, pos, tagStart);
    }
    return true;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * The longest string `readUtf8` builds itself when it is ASCII: up to 12 characters each step of the concatenation is a
 * flat string; from 13, V8 builds a rope, and Node's decoder is quicker.
 */
const SHORT_STRING = 12;

/**
 * The string in `bytes[start, end)`, or undefined when it is not valid UTF-8. On valid UTF-8 google-protobuf's
 * `readString` gives the same string; on anything else it decodes its own way, so a reader that must agree with it
 * treats undefined as "decode this with google-protobuf".
 */
export function readUtf8(bytes: Uint8Array, start: number, end: number): string | undefined {
    // Most strings are short ASCII (property keys, enum values, names): built here, without a call into Node's decoder
    if (end - start <= SHORT_STRING) {
        let s = "";
        for (let i = start; i < end; i++) {
            const b = bytes[i] as number;
            if (b >= 0x80) return decodeUtf8(bytes, start, end);
            s += String.fromCharCode(b);
        }
        return s;
    }
    return decodeUtf8(bytes, start, end);
}

function decodeUtf8(bytes: Uint8Array, start: number, end: number): string | undefined {
    // Node's decoder of a Buffer is quicker than a TextDecoder call; it writes U+FFFD for what is not UTF-8, so a
    // string with one is decoded again, strictly
    if (Buffer.isBuffer(bytes)) {
        const s = bytes.toString("utf8", start, end);
        if (!s.includes("\uFFFD")) return s;
    }
    try {
        return utf8.decode(bytes.subarray(start, end));
    } catch {
        return undefined;
    }
}

// google.protobuf.Struct, Value and ListValue (struct.proto), read in the form google-protobuf writes them: each
// field's tag is one byte. Struct: its entries (field 1); an entry: its key (1), then its value (2). Value: one of
// null (1, varint), number (2, double), string (3), bool (4, varint), struct (5), list (6). ListValue: its values (1).
const TAG_STRUCT_ENTRY = 0x0a;
const TAG_ENTRY_KEY = 0x0a;
const TAG_ENTRY_VALUE = 0x12;
const TAG_NULL = 0x08;
const TAG_NUMBER = 0x11;
const TAG_STRING = 0x1a;
const TAG_BOOL = 0x20;
const TAG_STRUCT = 0x2a;
const TAG_LIST = 0x32;
const TAG_LIST_VALUE = 0x0a;

/** What the readers below answer for bytes they leave to google-protobuf. */
const NOT_READ: unique symbol = Symbol("not read");
const scratch = new DataView(new ArrayBuffer(8));

/** Where the length-delimited payload at `pos` (its length's first byte) starts, or -1; its end in `payloadEnd`. */
let payloadEnd = 0;
function payloadAt(bytes: Uint8Array, pos: number, end: number): number {
    const len = varintAt(bytes, pos, end);
    if (len < 0 || varintEnd + len > end) return -1;
    payloadEnd = varintEnd + len;
    return varintEnd;
}

/**
 * The google.protobuf.Struct in `bytes[start, end)` as google-protobuf's `Struct.toJavaScript()` makes it (keys in
 * sorted order, as its map iterates them; a key given twice: the last), or undefined for anything but the plain form
 * google-protobuf itself writes — an entry with its value before its key, without either or with a field twice, a
 * Value with no kind or with two, an unknown field, a bool that is not 0 or 1, a string that is not valid UTF-8, the
 * key `__proto__` — so that the caller decodes those with google-protobuf.
 */
export function readStruct(bytes: Uint8Array, start: number, end: number): Record<string, unknown> | undefined {
    const out = structAt(bytes, start, end);
    return out === NOT_READ ? undefined : out;
}

function structAt(bytes: Uint8Array, start: number, end: number): Record<string, unknown> | typeof NOT_READ {
    // Keys in ascending order (as google-protobuf writes them) go straight into the object; from the first that is
    // not, every entry goes through a map, sorted at the end.
    const out: Record<string, unknown> = {};
    let last: string | undefined;
    let fields: Map<string, unknown> | undefined;
    let pos = start;
    while (pos < end) {
        if (bytes[pos] !== TAG_STRUCT_ENTRY) return NOT_READ;
        let p = payloadAt(bytes, pos + 1, end);
        if (p < 0) return NOT_READ;
        const entryEnd = payloadEnd;
        if (bytes[p] !== TAG_ENTRY_KEY || (p = payloadAt(bytes, p + 1, entryEnd)) < 0) return NOT_READ;
        const key = readUtf8(bytes, p, payloadEnd);
        if (key === undefined || key === "__proto__") return NOT_READ;
        p = payloadEnd;
        if (bytes[p] !== TAG_ENTRY_VALUE || (p = payloadAt(bytes, p + 1, entryEnd)) < 0 || payloadEnd !== entryEnd) return NOT_READ;
        const value = valueAt(bytes, p, entryEnd);
        if (value === NOT_READ) return NOT_READ;
        if (!fields && (last === undefined || last < key)) {
            out[key] = value;
            last = key;
        } else {
            fields ??= new Map(Object.entries(out));
            fields.set(key, value);
        }
        pos = entryEnd;
    }
    if (!fields) return out;
    const sorted: Record<string, unknown> = {};
    for (const key of [...fields.keys()].sort()) sorted[key] = fields.get(key);
    return sorted;
}

function valueAt(bytes: Uint8Array, start: number, end: number): unknown {
    const tag = bytes[start];
    const pos = start + 1;
    switch (start < end ? tag : undefined) {
        case TAG_NULL: {
            return varintAt(bytes, pos, end) >= 0 && varintEnd === end ? null : NOT_READ;
        }
        case TAG_NUMBER:
            if (pos + 8 !== end) return NOT_READ;
            for (let k = 0; k < 8; k++) scratch.setUint8(k, bytes[pos + k] as number);
            return scratch.getFloat64(0, true);
        case TAG_BOOL:
            return pos + 1 === end && (bytes[pos] as number) <= 1 ? bytes[pos] === 1 : NOT_READ;
        case TAG_STRING:
        case TAG_STRUCT:
        case TAG_LIST: {
            const p = payloadAt(bytes, pos, end);
            if (p < 0 || payloadEnd !== end) return NOT_READ;
            if (tag === TAG_STRING) return readUtf8(bytes, p, end) ?? NOT_READ;
            return tag === TAG_STRUCT ? structAt(bytes, p, end) : listAt(bytes, p, end);
        }
        default:
            return NOT_READ;
    }
}

function listAt(bytes: Uint8Array, start: number, end: number): unknown[] | typeof NOT_READ {
    const out: unknown[] = [];
    let pos = start;
    while (pos < end) {
        if (bytes[pos] !== TAG_LIST_VALUE) return NOT_READ;
        const p = payloadAt(bytes, pos + 1, end);
        if (p < 0) return NOT_READ;
        const valueEnd = payloadEnd;
        const value = valueAt(bytes, p, valueEnd);
        if (value === NOT_READ) return NOT_READ;
        out.push(value);
        pos = valueEnd;
    }
    return out;
}
