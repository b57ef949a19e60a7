import { diffLines } from 'diff';

/** One line of a unified diff, numbered on the side(s) it is on. */
export interface DiffLine {
  kind: 'same' | 'added' | 'removed';
  text: string;
  oldNo?: number;
  newNo?: number;
}

export interface LineDiffResult {
  lines: DiffLine[];
  added: number;
  removed: number;
  /** jsdiff gave up (the `timeout`): the texts are too different to align in time. */
  timedOut: boolean;
}

function splitLines(value: string): string[] {
  const lines = value.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * The line diff of two texts (jsdiff's Myers diff), with a time limit: a pathological pair gives up
 * after `timeoutMs` instead of freezing whatever thread runs it, and says so.
 */
export function lineDiff(before: string, after: string, timeoutMs = 5_000): LineDiffResult {
  const changes = diffLines(before, after, { timeout: timeoutMs });
  if (!changes) {
    const removed = splitLines(before).map((text, i): DiffLine => ({ kind: 'removed', text, oldNo: i + 1 }));
    const added = splitLines(after).map((text, i): DiffLine => ({ kind: 'added', text, newNo: i + 1 }));
    return { lines: [...removed, ...added], added: added.length, removed: removed.length, timedOut: true };
  }
  const lines: DiffLine[] = [];
  let oldNo = 0;
  let newNo = 0;
  let added = 0;
  let removed = 0;
  for (const change of changes) {
    for (const text of splitLines(change.value)) {
      if (change.added) {
        lines.push({ kind: 'added', text, newNo: ++newNo });
        added++;
      } else if (change.removed) {
        lines.push({ kind: 'removed', text, oldNo: ++oldNo });
        removed++;
      } else lines.push({ kind: 'same', text, oldNo: ++oldNo, newNo: ++newNo });
    }
  }
  return { lines, added, removed, timedOut: false };
}

/** A run of lines to show: changed lines with some context, or a fold of unchanged ones. */
export type DiffRow = { type: 'line'; line: DiffLine; hunk: number } | { type: 'fold'; from: number; count: number };

export interface DiffRows {
  rows: DiffRow[];
  /** Index in `rows` of the first row of each change block: what "next change" jumps to. */
  hunkStarts: number[];
}

/**
 * Folds long unchanged stretches down to `context` lines around each change; `expanded` holds the
 * line index of folds someone opened.
 */
export function foldUnchanged(
  lines: readonly DiffLine[],
  context = 3,
  expanded: ReadonlySet<number> = new Set(),
): DiffRows {
  const keep = new Uint8Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.kind === 'same') continue;
    const from = Math.max(0, i - context);
    const to = Math.min(lines.length - 1, i + context);
    for (let k = from; k <= to; k++) keep[k] = 1;
  }
  const rows: DiffRow[] = [];
  const hunkStarts: number[] = [];
  let hunk = -1;
  let previousChanged = false;
  let i = 0;
  while (i < lines.length) {
    if (!keep[i]) {
      let end = i;
      while (end < lines.length && !keep[end]) end++;
      const count = end - i;
      // A fold of one or two lines saves nothing: show them.
      if (expanded.has(i) || count <= 2) {
        for (let k = i; k < end; k++) rows.push({ type: 'line', line: lines[k]!, hunk: Math.max(hunk, 0) });
      } else rows.push({ type: 'fold', from: i, count });
      previousChanged = false;
      i = end;
      continue;
    }
    const line = lines[i]!;
    const changed = line.kind !== 'same';
    if (changed && !previousChanged) {
      hunk++;
      hunkStarts.push(rows.length);
    }
    previousChanged = changed;
    rows.push({ type: 'line', line, hunk: Math.max(hunk, 0) });
    i++;
  }
  return { rows, hunkStarts };
}

/** Side-by-side rows: a removed run faces the added run that replaced it. */
export interface SplitRow {
  left?: DiffLine;
  right?: DiffLine;
}

export function toSplitRows(rows: readonly DiffRow[]): {
  rows: (SplitRow | Extract<DiffRow, { type: 'fold' }>)[];
  hunkStarts: number[];
} {
  const out: (SplitRow | Extract<DiffRow, { type: 'fold' }>)[] = [];
  const hunkStarts: number[] = [];
  let i = 0;
  let previousChanged = false;
  while (i < rows.length) {
    const row = rows[i]!;
    if (row.type === 'fold') {
      out.push(row);
      previousChanged = false;
      i++;
      continue;
    }
    if (row.line.kind === 'same') {
      out.push({ left: row.line, right: row.line });
      previousChanged = false;
      i++;
      continue;
    }
    const removed: DiffLine[] = [];
    const added: DiffLine[] = [];
    while (i < rows.length) {
      const r = rows[i]!;
      if (r.type !== 'line' || r.line.kind === 'same') break;
      (r.line.kind === 'removed' ? removed : added).push(r.line);
      i++;
    }
    if (!previousChanged) hunkStarts.push(out.length);
    previousChanged = true;
    for (let k = 0; k < Math.max(removed.length, added.length); k++) out.push({ left: removed[k], right: added[k] });
  }
  return { rows: out, hunkStarts };
}
