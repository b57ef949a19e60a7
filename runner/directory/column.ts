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

export function encodeCell(value: CellValue): string {
  if (typeof value === 'string') return `s${value}`;
  if (typeof value === 'number') return `n${value}`;
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value === null) return 'z';
  return `j${JSON.stringify(value)}`;
}

export function decodeCell(encoded: string): CellValue {
  switch (encoded.charCodeAt(0)) {
    case 115: // s
      return encoded.slice(1);
    case 110: // n
      return Number(encoded.slice(1));
    case 116: // t
      return true;
    case 102: // f
      return false;
    case 122: // z
      return null;
    default:
      return JSON.parse(encoded.slice(1)) as CellValue;
  }
}

function ownCopy(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
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

  constructor(
    readonly path: readonly string[],
    capacity: number,
    private readonly pool: StringPool,
  ) {
    this.codes = new Uint16Array(capacity);
  }

  grow(capacity: number): void {
    if (this.refs) {
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
    if (this.refs) {
      this.refs[row] = this.pool.intern(encodeCell(value));
      return;
    }
    const byText = typeof value === 'string';
    const map = byText ? this.strings! : this.others!;
    const key = byText ? value : encodeCell(value);
    let code = map.get(key);
    if (code === undefined) {
      if (this.values.length > DICTIONARY_LIMIT) {
        this.toPool();
        this.refs![row] = this.pool.intern(encodeCell(value));
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
    const entries = this.values.map((v, code) => (code === 0 ? 0 : this.pool.intern(encodeCell(v))));
    const refs = new Uint32Array(codes.length);
    for (let row = 0; row < codes.length; row++) refs[row] = entries[codes[row]!]!;
    this.refs = refs;
    this.codes = undefined;
    this.strings = undefined;
    this.others = undefined;
    this.values = [];
  }

  /** Done adding `rows` rows: the room reserved for growth and the lookup maps are given back. */
  seal(rows: number): void {
    if (this.refs) this.refs = this.refs.slice(0, rows);
    else this.codes = this.codes!.slice(0, rows);
    this.strings = undefined;
    this.others = undefined;
  }

  /** The value at `row` (a fresh copy of an array or object), or undefined when absent. */
  value(row: number): CellValue | undefined {
    if (this.refs) {
      const entry = this.refs[row]!;
      return entry === 0 ? undefined : decodeCell(this.pool.get(entry));
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
    return this.refs ? this.refs.byteLength : this.codes!.byteLength;
  }
}
