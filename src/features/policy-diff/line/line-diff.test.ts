import { describe, expect, it } from 'vitest';
import { lineDiff } from './line-diff';
import { foldRows, hunkEnd, lineAt, NO_LINE, packDiff, packLines, splitRows, type PackedRows } from './packed-rows';

const text = (lines: string[]) => `${lines.join('\n')}\n`;

describe('lineDiff', () => {
  it('numbers lines on each side and counts what came and went', () => {
    const result = lineDiff(text(['a', 'b', 'c']), text(['a', 'B', 'c', 'd']));
    expect(result).toMatchObject({ added: 2, removed: 1, timedOut: false });
    expect(result.lines).toEqual([
      { kind: 'same', text: 'a', oldNo: 1, newNo: 1 },
      { kind: 'removed', text: 'b', oldNo: 2 },
      { kind: 'added', text: 'B', newNo: 2 },
      { kind: 'same', text: 'c', oldNo: 3, newNo: 3 },
      { kind: 'added', text: 'd', newNo: 4 },
    ]);
  });

  it('gives up within its time limit on a huge, totally different pair, and says so', () => {
    const a = text(Array.from({ length: 20_000 }, (_, i) => `a${i}`));
    const b = text(Array.from({ length: 20_000 }, (_, i) => `b${i}`));
    const start = performance.now();
    const result = lineDiff(a, b, 50);
    expect(performance.now() - start).toBeLessThan(2_000);
    expect(result.timedOut).toBe(true);
    expect(result.removed + result.added).toBe(40_000);
  });
});

describe('packed lines', () => {
  it('keep every line, its kind and its numbers', () => {
    const result = lineDiff(text(['a', 'béta', '', 'c']), text(['a', 'BETA •', '', 'c', 'd']));
    const packed = packLines(result);
    expect(packed.count).toBe(result.lines.length);
    expect(Array.from({ length: packed.count }, (_, i) => lineAt(packed, i))).toEqual(result.lines);
    expect(packed).toMatchObject({ added: result.added, removed: result.removed, timedOut: false });
  });
});

describe('folding and side by side', () => {
  const lines = packLines(
    lineDiff(
      text(Array.from({ length: 40 }, (_, i) => `line ${i}`)),
      text(Array.from({ length: 40 }, (_, i) => (i === 5 || i === 30 ? `changed ${i}` : `line ${i}`))),
    ),
  );
  const folds = (rows: PackedRows) =>
    Array.from({ length: rows.count }, (_, r) => r)
      .filter((r) => rows.fold[r] === 1)
      .map((r) => rows.b[r]);

  it('keeps three lines of context around each change and folds the rest', () => {
    const rows = foldRows(lines);
    // Two unchanged lines before the first context are not worth a fold.
    expect(rows.fold[0]).toBe(0);
    expect(lineAt(lines, rows.a[0]!).text).toBe('line 0');
    expect(rows.hunkStarts).toHaveLength(2);
    expect(folds(rows)).toEqual([18, 6]);
    // The first change block starts at its removed line.
    expect(lineAt(lines, rows.a[rows.hunkStarts[0]!]!)).toMatchObject({ kind: 'removed', text: 'line 5' });
  });

  it('opens a fold on request', () => {
    const rows = foldRows(lines);
    const first = Array.from(rows.fold).indexOf(1);
    const opened = foldRows(lines, 3, new Set([rows.a[first]!]));
    expect(folds(opened)).toEqual([6]);
    expect(opened.count).toBe(rows.count + 17);
  });

  it('pairs removed and added runs side by side', () => {
    const unified = foldRows(lines);
    const split = splitRows(lines, unified);
    const changed = Array.from({ length: split.count }, (_, r) => r)
      .filter((r) => !split.fold[r] && split.a[r] !== split.b[r])
      .map((r) => [lineAt(lines, split.a[r]!), lineAt(lines, split.b[r]!)]);
    expect(changed).toEqual([
      [
        expect.objectContaining({ kind: 'removed', text: 'line 5' }),
        expect.objectContaining({ kind: 'added', text: 'changed 5' }),
      ],
      [
        expect.objectContaining({ kind: 'removed', text: 'line 30' }),
        expect.objectContaining({ kind: 'added', text: 'changed 30' }),
      ],
    ]);
    expect(split.hunkStarts).toHaveLength(2);
  });

  it('ends a change block at its last changed row, before the context after it', () => {
    const unified = foldRows(lines);
    const start = unified.hunkStarts[0]!;
    // Unified: the removed line and the added line; split: one row holding both.
    expect(hunkEnd(lines, unified, start) - start).toBe(2);
    const split = splitRows(lines, unified);
    expect(hunkEnd(lines, split, split.hunkStarts[1]!) - split.hunkStarts[1]!).toBe(1);
  });

  it('leaves a side empty where a run has no counterpart', () => {
    const diff = packDiff(lineDiff(text(['a', 'b', 'c']), text(['a', 'x', 'y', 'c'])));
    const rows = Array.from({ length: diff.split.count }, (_, r) => [diff.split.a[r], diff.split.b[r]]);
    expect(rows).toEqual([
      [0, 0],
      [1, 2],
      [NO_LINE, 3],
      [4, 4],
    ]);
    expect(Array.from(diff.unified.hunkStarts)).toEqual([1]);
    expect(Array.from(diff.split.hunkStarts)).toEqual([1]);
  });
});
