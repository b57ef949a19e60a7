import type { StringPool } from './string-pool';

/**
 * One directory column, compact: a million users must fit in a few hundred megabytes. A column
 * starts as a dictionary of its own (2 bytes a row: departments, countries, titles); once it holds
 * more distinct values than that allows, each row names its value in the directory's shared string
 * pool (4 bytes a row; emails, ids, and manager emails stored once however many rows repeat them).
 * Values keep their JSON type: in the pool they are tagged by their first character.
 */
export type CellValue = string | number | boolean | null | unknown[] | Record<string, unknown>;

const DICTIONARY_LIMIT = 65_535;

const TAG = { string: 115, number: 110, true: 116, false: 102, null: 122, json: 106 } as const;

/** A value's tag (its JSON type) and text, as the string pool keeps it. */
function tagOf(value: CellValue): number {
  if (typeof value === 'string') return TAG.string;
  if (typeof value === 'number') return TAG.number;
  if (typeof value === 'boolean') return value ? TAG.true : TAG.false;
  return value === null ? TAG.null : TAG.json;
}

function textOf(value: CellValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean' || value === null) return '';
  return JSON.stringify(value);
}

function decode(tag: number, text: string): CellValue {
  switch (tag) {
    case TAG.string:
      return text;
    case TAG.number:
      return Number(text);
    case TAG.true:
      return true;
    case TAG.false:
      return false;
    case TAG.null:
      return null;
    default:
      return JSON.parse(text) as CellValue;
  }
}

/** A dictionary key for a value that is not a string (strings are their own key). */
function otherKey(value: CellValue): string {
  return `${String.fromCharCode(tagOf(value))}${textOf(value)}`;
}

function ownCopy(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** Writes a canonical lowercase UUID as 16 bytes; false for anything else (or the all-zero UUID). */
function writeUuid(out: Uint8Array, row: number, text: string): boolean {
  if (text.length !== 36 || !UUID.test(text)) return false;
  const at = row * 16;
  let zero = true;
  for (let i = 0, k = 0; i < 36; i++) {
    if (i === 8 || i === 13 || i === 18 || i === 23) continue;
    const byte = parseInt(text.slice(i, i + 2), 16);
    out[at + k++] = byte;
    if (byte !== 0) zero = false;
    i++;
  }
  return !zero;
}

function readUuid(uuids: Uint8Array, row: number): string | undefined {
  const at = row * 16;
  let zero = true;
  for (let k = 0; k < 16; k++) if (uuids[at + k] !== 0) zero = false;
  if (zero) return undefined;
  const h = (k: number) => HEX[uuids[at + k]!]!;
  return `${h(0)}${h(1)}${h(2)}${h(3)}-${h(4)}${h(5)}-${h(6)}${h(7)}-${h(8)}${h(9)}-${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}`;
}

const isShared = (value: CellValue) => typeof value === 'object' && value !== null;

export class Column {
  /** Dictionary mode: strings by text, other values by their encoded form. */
  private strings: Map<string, number> | undefined = new Map();
  private others: Map<string, number> | undefined = new Map();
  private values: CellValue[] = [null];
  private codes: Uint16Array | undefined;
  /** Pool mode. */
  private refs: Uint32Array | undefined;
  /** UUID mode: 16 bytes a row (all zero = absent), for id columns of canonical lowercase UUIDs. */
  private uuids: Uint8Array | undefined;

  constructor(
    readonly path: readonly string[],
    capacity: number,
    private readonly pool: StringPool,
  ) {
    this.codes = new Uint16Array(capacity);
  }

  grow(capacity: number): void {
    if (this.uuids) {
      const next = new Uint8Array(capacity * 16);
      next.set(this.uuids);
      this.uuids = next;
    } else if (this.refs) {
      const next = new Uint32Array(capacity);
      next.set(this.refs);
      this.refs = next;
    } else {
      const next = new Uint16Array(capacity);
      next.set(this.codes!);
      this.codes = next;
    }
  }

  set(row: number, value: CellValue): void {
    if (this.uuids) {
      if (typeof value === 'string' && writeUuid(this.uuids, row, value)) return;
      this.uuidsToPool();
    }
    if (this.refs) {
      this.refs[row] = this.pool.intern(tagOf(value), textOf(value));
      return;
    }
    const byText = typeof value === 'string';
    const map = byText ? this.strings! : this.others!;
    const key = byText ? value : otherKey(value);
    let code = map.get(key);
    if (code === undefined) {
      if (this.values.length > DICTIONARY_LIMIT) {
        if (typeof value === 'string' && this.allUuids() && this.toUuids() && writeUuid(this.uuids!, row, value))
          return;
        if (this.uuids) this.uuidsToPool();
        else this.toPool();
        this.refs![row] = this.pool.intern(tagOf(value), textOf(value));
        return;
      }
      code = this.values.length;
      // A copy: a parser's string can be a slice that keeps its whole input chunk alive.
      const own = byText ? ownCopy(value) : key;
      this.values.push(byText ? own : value);
      map.set(own, code);
    }
    this.codes![row] = code;
  }

  private toPool(): void {
    const codes = this.codes!;
    const entries = this.values.map((v, code) => (code === 0 ? 0 : this.pool.intern(tagOf(v), textOf(v))));
    const refs = new Uint32Array(codes.length);
    for (let row = 0; row < codes.length; row++) refs[row] = entries[codes[row]!]!;
    this.refs = refs;
    this.codes = undefined;
    this.strings = undefined;
    this.others = undefined;
    this.values = [];
  }

  private allUuids(): boolean {
    for (let code = 1; code < this.values.length; code++) {
      const v = this.values[code];
      if (typeof v !== 'string' || !UUID.test(v)) return false;
    }
    return true;
  }

  private toUuids(): boolean {
    const codes = this.codes!;
    const uuids = new Uint8Array(codes.length * 16);
    for (let row = 0; row < codes.length; row++) {
      const code = codes[row]!;
      if (code !== 0) writeUuid(uuids, row, this.values[code] as string);
    }
    this.uuids = uuids;
    this.codes = undefined;
    this.strings = undefined;
    this.others = undefined;
    this.values = [];
    return true;
  }

  private uuidsToPool(): void {
    const uuids = this.uuids!;
    const rows = uuids.length / 16;
    const refs = new Uint32Array(rows);
    for (let row = 0; row < rows; row++) {
      const text = readUuid(uuids, row);
      if (text !== undefined) refs[row] = this.pool.intern(TAG.string, text);
    }
    this.refs = refs;
    this.uuids = undefined;
  }

  /** Done adding `rows` rows: the room reserved for growth and the lookup maps are given back. */
  seal(rows: number): void {
    if (this.uuids) this.uuids = this.uuids.slice(0, rows * 16);
    else if (this.refs) this.refs = this.refs.slice(0, rows);
    else this.codes = this.codes!.slice(0, rows);
    this.strings = undefined;
    this.others = undefined;
  }

  /** The value at `row` (a fresh copy of an array or object), or undefined when absent. */
  value(row: number): CellValue | undefined {
    if (this.uuids) return readUuid(this.uuids, row);
    if (this.refs) {
      const entry = this.refs[row]!;
      return entry === 0 ? undefined : decode(this.pool.tag(entry), this.pool.text(entry));
    }
    const code = this.codes![row]!;
    if (code === 0) return undefined;
    const value = this.values[code]!;
    // Arrays and objects are copied, so that no user's record shares (or changes) another's.
    return isShared(value) ? (structuredClone(value) as CellValue) : value;
  }

  /** The value as text (ids and names), or undefined when absent. */
  text(row: number): string | undefined {
    const value = this.value(row);
    if (value === undefined || value === null) return undefined;
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }

  bytesUsed(): number {
    return (this.uuids ?? this.refs ?? this.codes!).byteLength;
  }
}
