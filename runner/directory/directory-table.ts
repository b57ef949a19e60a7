import { hashString, uuidFrom } from '../../mocks/lib/random';
import { Column, type CellValue } from './column';
import { StringPool } from './string-pool';
import type { DirectoryUser, UserDirectory } from './user-directory';

/**
 * A directory read from a file, held column by column (see column.ts). Rows are users in file
 * order; each row is what the IAM `http` provider would answer for that user. Emails are unique
 * (compared without case), found again through an open-addressing hash index.
 */
const MAX_COLUMNS = 256;

export class DirectoryTable implements UserDirectory {
  private readonly pool = new StringPool();
  private readonly columns: Column[] = [];
  private readonly byKey = new Map<string, Column>();
  private capacity = 1024;
  private rows = 0;
  private emailHashes = new Uint32Array(1024);
  private index = new Int32Array(2048).fill(-1);
  private emailColumn!: Column;
  private idColumn: Column | undefined;
  private nameColumn: Column | undefined;
  private sealed = false;

  /** Set when sealed: the content's hash. */
  hash = '';

  constructor(readonly label: string) {
    this.emailColumn = this.column(['email'])!;
  }

  get size(): number {
    return this.rows;
  }

  /** The column for a key path, created on first use; undefined past the column limit. */
  column(path: readonly string[]): Column | undefined {
    const key = path.join('\u0000');
    let column = this.byKey.get(key);
    if (column) return column;
    if (this.columns.length >= MAX_COLUMNS) return undefined;
    column = new Column(path, this.capacity, this.pool);
    this.columns.push(column);
    this.byKey.set(key, column);
    if (key === 'id') this.idColumn = column;
    if (key === 'name') this.nameColumn = column;
    return column;
  }

  get columnCount(): number {
    return this.columns.length;
  }

  /** The row of an email (any case), or -1. */
  find(email: string): number {
    return this.findLower(email.toLowerCase(), hashString(email.toLowerCase()));
  }

  private findLower(wanted: string, h: number): number {
    const mask = this.index.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const row = this.index[slot]!;
      if (row < 0) return -1;
      if (this.emailHashes[row] === h && (this.emailColumn.text(row) ?? '').toLowerCase() === wanted) return row;
    }
  }

  private insertIndex(row: number): void {
    const mask = this.index.length - 1;
    let slot = this.emailHashes[row]! & mask;
    while (this.index[slot]! >= 0) slot = (slot + 1) & mask;
    this.index[slot] = row;
  }

  private ensureCapacity(): void {
    if (this.rows < this.capacity) return;
    this.capacity *= 2;
    for (const column of this.columns) column.grow(this.capacity);
    const hashes = new Uint32Array(this.capacity);
    hashes.set(this.emailHashes);
    this.emailHashes = hashes;
    this.index = new Int32Array(this.capacity * 2).fill(-1);
    for (let row = 0; row < this.rows; row++) this.insertIndex(row);
  }

  /**
   * Adds a user: `cells` are (column, value) pairs, the email among them. Returns the row number
   * of an earlier user with the same email instead of adding, when there is one.
   */
  add(
    email: string,
    cells: readonly (readonly [Column, CellValue])[],
  ): { added: true } | { added: false; duplicateOf: number } {
    if (this.sealed) throw new Error('the directory is sealed');
    const lower = email.toLowerCase();
    const h = hashString(lower);
    const existing = this.findLower(lower, h);
    if (existing >= 0) return { added: false, duplicateOf: existing };
    this.ensureCapacity();
    const row = this.rows++;
    this.emailHashes[row] = h;
    this.insertIndex(row);
    for (const [column, value] of cells) column.set(row, value);
    return { added: true };
  }

  seal(hash: string): this {
    this.hash = hash;
    for (const column of this.columns) column.seal(this.rows);
    this.pool.seal();
    this.emailHashes = this.emailHashes.slice(0, this.rows);
    this.sealed = true;
    return this;
  }

  email(i: number): string {
    return this.emailColumn.text(i) ?? '';
  }

  user(i: number): DirectoryUser {
    const email = this.email(i);
    return {
      id: this.idColumn?.text(i) ?? derivedUserId(email),
      email,
      name: this.nameColumn?.text(i) ?? '',
    };
  }

  /** The user's record as their IAM provider would answer it; `keys` limits it to those top-level keys. */
  record(i: number, keys?: ReadonlySet<string>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const column of this.columns) {
      const path = column.path;
      if (keys && !keys.has(path[0]!)) continue;
      const value = column.value(i);
      if (value === undefined) continue;
      let target = out;
      for (let k = 0; k < path.length - 1; k++) {
        const key = path[k]!;
        const next = target[key];
        if (typeof next === 'object' && next !== null && !Array.isArray(next)) target = next as Record<string, unknown>;
        else target = target[key] = {};
      }
      target[path[path.length - 1]!] = value;
    }
    return out;
  }

  bytesUsed(): number {
    return (
      this.columns.reduce((sum, c) => sum + c.bytesUsed(), this.pool.bytesUsed()) +
      this.emailHashes.byteLength +
      this.index.byteLength
    );
  }
}

/** A directory row without an `id`: a stable UUID-shaped id from the email, as the tester reports ids. */
function derivedUserId(email: string): string {
  const lower = email.toLowerCase();
  return uuidFrom(hashString(lower), hashString(`${lower}\u0001`), 0x1d);
}
