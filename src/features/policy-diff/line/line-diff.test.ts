import { describe, expect, it } from 'vitest';
import { foldUnchanged, lineDiff, toSplitRows } from './line-diff';

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

describe('foldUnchanged', () => {
  const lines = lineDiff(
    text(Array.from({ length: 40 }, (_, i) => `line ${i}`)),
    text(Array.from({ length: 40 }, (_, i) => (i === 5 || i === 30 ? `changed ${i}` : `line ${i}`))),
  ).lines;

  it('keeps three lines of context around each change and folds the rest', () => {
    const { rows, hunkStarts } = foldUnchanged(lines);
    // Two unchanged lines before the first context are not worth a fold.
    expect(rows[0]).toMatchObject({ type: 'line', line: { text: 'line 0' } });
    expect(hunkStarts).toHaveLength(2);
    const folds = rows.filter((r) => r.type === 'fold');
    expect(folds.map((f) => f.type === 'fold' && f.count)).toEqual([18, 6]);
  });

  it('opens a fold on request', () => {
    const first = foldUnchanged(lines).rows.find((r) => r.type === 'fold');
    const from = first?.type === 'fold' ? first.from : -1;
    const opened = foldUnchanged(lines, 3, new Set([from]));
    expect(opened.rows.filter((r) => r.type === 'fold')).toHaveLength(1);
  });

  it('pairs removed and added runs side by side', () => {
    const { rows, hunkStarts } = toSplitRows(foldUnchanged(lines).rows);
    const changed = rows.filter((r) => !('type' in r) && r.left !== r.right);
    expect(changed).toEqual([
      {
        left: expect.objectContaining({ kind: 'removed', text: 'line 5' }),
        right: expect.objectContaining({ kind: 'added', text: 'changed 5' }),
      },
      {
        left: expect.objectContaining({ kind: 'removed', text: 'line 30' }),
        right: expect.objectContaining({ kind: 'added', text: 'changed 30' }),
      },
    ]);
    expect(hunkStarts).toHaveLength(2);
  });
});
