import type { DiffLine, LineDiffResult } from './line-diff';

/**
 * A line diff as a few flat arrays instead of one object per line: what the worker sends back.
 * Typed arrays move to the main thread without copying (transferred) and one string is one copy,
 * so receiving 40,000 lines costs the page a millisecond or two, not 40,000 objects to rebuild.
 * Texts are cut out of `text` only for the rows on screen.
 */
export interface PackedLines {
  count: number;
  /** Every line's text, one after the other. */
  text: string;
  /** Line i is `text.slice(starts[i], starts[i + 1])`. */
  starts: Uint32Array;
  /** KIND_SAME, KIND_ADDED or KIND_REMOVED. */
  kinds: Uint8Array;
  /** Line number in the old / new document, 0 where the line is not on that side. */
  oldNo: Uint32Array;
  newNo: Uint32Array;
  added: number;
  removed: number;
  /** jsdiff gave up (the `timeout`): the texts are too different to align in time. */
  timedOut: boolean;
}

const KIND_SAME = 0;
const KIND_ADDED = 1;
const KIND_REMOVED = 2;
export const KIND_NAMES = ['same', 'added', 'removed'] as const;

/** Stands for "no line on this side" in a split row. */
export const NO_LINE = -1;

/**
 * Rows to show. Row r is a fold when `fold[r]` is 1: it hides `b[r]` unchanged lines from line
 * `a[r]` on. Otherwise it shows line `a[r]` (unified) or lines `a[r]` | `b[r]` side by side
 * (split; NO_LINE for an empty side).
 */
export interface PackedRows {
  count: number;
  a: Int32Array;
  b: Int32Array;
  fold: Uint8Array;
  /** Index of the first row of each change block: what "next change" jumps to. */
  hunkStarts: Uint32Array;
}

const KIND_CODE = { same: KIND_SAME, added: KIND_ADDED, removed: KIND_REMOVED } as const;

export function packLines(result: LineDiffResult): PackedLines {
  const { lines } = result;
  const count = lines.length;
  const starts = new Uint32Array(count + 1);
  const kinds = new Uint8Array(count);
  const oldNo = new Uint32Array(count);
  const newNo = new Uint32Array(count);
  const texts: string[] = new Array<string>(count);
  let offset = 0;
  for (let i = 0; i < count; i++) {
    const line = lines[i]!;
    starts[i] = offset;
    offset += line.text.length;
    texts[i] = line.text;
    kinds[i] = KIND_CODE[line.kind];
    oldNo[i] = line.oldNo ?? 0;
    newNo[i] = line.newNo ?? 0;
  }
  starts[count] = offset;
  return {
    count,
    text: texts.join(''),
    starts,
    kinds,
    oldNo,
    newNo,
    added: result.added,
    removed: result.removed,
    timedOut: result.timedOut,
  };
}

export function lineText(lines: PackedLines, index: number): string {
  return lines.text.slice(lines.starts[index], lines.starts[index + 1]);
}

export function lineLength(lines: PackedLines, index: number): number {
  return index < 0 ? 0 : lines.starts[index + 1]! - lines.starts[index]!;
}

/** One line back as an object (tests, and the odd caller that wants one). */
export function lineAt(lines: PackedLines, index: number): DiffLine {
  const line: DiffLine = { kind: KIND_NAMES[lines.kinds[index]!]!, text: lineText(lines, index) };
  if (lines.oldNo[index]) line.oldNo = lines.oldNo[index];
  if (lines.newNo[index]) line.newNo = lines.newNo[index];
  return line;
}

class RowBuilder {
  count = 0;
  a: Int32Array;
  b: Int32Array;
  fold: Uint8Array;
  hunkStarts: number[] = [];
  constructor(capacity: number) {
    this.a = new Int32Array(Math.max(capacity, 1));
    this.b = new Int32Array(Math.max(capacity, 1));
    this.fold = new Uint8Array(Math.max(capacity, 1));
  }
  push(a: number, b: number, fold: 0 | 1) {
    const r = this.count++;
    this.a[r] = a;
    this.b[r] = b;
    this.fold[r] = fold;
  }
  done(): PackedRows {
    return {
      count: this.count,
      a: this.a.slice(0, this.count),
      b: this.b.slice(0, this.count),
      fold: this.fold.slice(0, this.count),
      hunkStarts: Uint32Array.from(this.hunkStarts),
    };
  }
}

/** Whether row `r` shows a change (an added or removed line on either side), not context or a fold. */
function isChangedRow(lines: PackedLines, rows: PackedRows, r: number): boolean {
  if (rows.fold[r]) return false;
  const a = rows.a[r]!;
  const b = rows.b[r]!;
  return (a !== NO_LINE && lines.kinds[a] !== KIND_SAME) || (b !== NO_LINE && lines.kinds[b] !== KIND_SAME);
}

/** One past the last row of the change block that starts at row `start`: its context is not part of it. */
export function hunkEnd(lines: PackedLines, rows: PackedRows, start: number): number {
  let end = start;
  while (end < rows.count && isChangedRow(lines, rows, end)) end++;
  return Math.max(end, start + 1);
}

/**
 * Unified rows: long unchanged stretches folded down to `context` lines around each change;
 * `expanded` holds the first line index of folds someone opened.
 */
export function foldRows(lines: PackedLines, context = 3, expanded: ReadonlySet<number> = new Set()): PackedRows {
  const n = lines.count;
  const { kinds } = lines;
  const keep = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (kinds[i] === KIND_SAME) continue;
    const to = Math.min(n - 1, i + context);
    for (let k = Math.max(0, i - context); k <= to; k++) keep[k] = 1;
  }
  const out = new RowBuilder(n);
  let previousChanged = false;
  let i = 0;
  while (i < n) {
    if (!keep[i]) {
      let end = i;
      while (end < n && !keep[end]) end++;
      const count = end - i;
      // A fold of one or two lines saves nothing: show them.
      if (expanded.has(i) || count <= 2) for (let k = i; k < end; k++) out.push(k, NO_LINE, 0);
      else out.push(i, count, 1);
      previousChanged = false;
      i = end;
      continue;
    }
    const changed = kinds[i] !== KIND_SAME;
    if (changed && !previousChanged) out.hunkStarts.push(out.count);
    previousChanged = changed;
    out.push(i, NO_LINE, 0);
    i++;
  }
  return out.done();
}

/** Side-by-side rows from unified ones: a removed run faces the added run that replaced it. */
export function splitRows(lines: PackedLines, unified: PackedRows): PackedRows {
  const { kinds } = lines;
  const out = new RowBuilder(unified.count);
  const removed: number[] = [];
  const added: number[] = [];
  let previousChanged = false;
  let r = 0;
  while (r < unified.count) {
    if (unified.fold[r]) {
      out.push(unified.a[r]!, unified.b[r]!, 1);
      previousChanged = false;
      r++;
      continue;
    }
    const line = unified.a[r]!;
    if (kinds[line] === KIND_SAME) {
      out.push(line, line, 0);
      previousChanged = false;
      r++;
      continue;
    }
    removed.length = 0;
    added.length = 0;
    while (r < unified.count && !unified.fold[r] && kinds[unified.a[r]!] !== KIND_SAME) {
      const l = unified.a[r]!;
      (kinds[l] === KIND_REMOVED ? removed : added).push(l);
      r++;
    }
    if (!previousChanged) out.hunkStarts.push(out.count);
    previousChanged = true;
    for (let k = 0; k < Math.max(removed.length, added.length); k++) {
      out.push(removed[k] ?? NO_LINE, added[k] ?? NO_LINE, 0);
    }
  }
  return out.done();
}

/** What the line view shows: the lines and both arrangements of them. */
export interface PackedDiff {
  lines: PackedLines;
  unified: PackedRows;
  split: PackedRows;
}

export function packDiff(result: LineDiffResult, context = 3): PackedDiff {
  const lines = packLines(result);
  const unified = foldRows(lines, context);
  return { lines, unified, split: splitRows(lines, unified) };
}

/** The buffers to transfer (not copy) when posting a PackedDiff. */
export function transferablesOf(diff: PackedDiff): ArrayBuffer[] {
  const { lines, unified, split } = diff;
  return [
    lines.starts,
    lines.kinds,
    lines.oldNo,
    lines.newNo,
    unified.a,
    unified.b,
    unified.fold,
    unified.hunkStarts,
    split.a,
    split.b,
    split.fold,
    split.hunkStarts,
  ].map((array) => array.buffer as ArrayBuffer);
}
