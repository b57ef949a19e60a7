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
