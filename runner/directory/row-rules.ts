/** No directory field may be longer than this: a larger one is a broken export, not a person. */
export const MAX_FIELD_CHARS = 64 * 1024;
/** A JSON Lines row may not be longer than this. */
export const MAX_LINE_CHARS = 1024 * 1024;

export function describeSize(chars: number): string {
  return chars >= 1024 * 1024 ? `${(chars / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(chars / 1024)} KB`;
}

/**
 * Line numbers of CSV rows, counting the line breaks inside quoted fields; and the line each kept
 * user came from, to name the first of two duplicates.
 */
export class RowLines {
  private line = 0;
  private users = new Uint32Array(1024);
  private count = 0;

  /** The line a row starts on. */
  next(row: readonly string[]): number {
    const start = this.line + 1;
    this.line = start;
    for (const cell of row) {
      if (cell.length > 0 && cell.includes('\n')) this.line += cell.split('\n').length - 1;
    }
    return start;
  }

  userAdded(line: number): void {
    if (this.count === this.users.length) {
      const next = new Uint32Array(this.users.length * 2);
      next.set(this.users);
      this.users = next;
    }
    this.users[this.count++] = line;
  }

  lineOfUser(row: number): number {
    return this.users[row] ?? 0;
  }
}
