import type { ExprProblem } from '@/lib/expr';

export interface Segment {
  text: string;
  severity: 'error' | 'warning' | null;
  /** True for a zero-width problem (e.g. at the end of the input), shown as a marked space. */
  empty?: boolean;
}

/** Splits the text into plain and marked runs; errors win where an error and a warning overlap. */
export function highlightSegments(text: string, problems: readonly ExprProblem[]): Segment[] {
  const marks = new Array<'error' | 'warning' | null>(text.length).fill(null);
  const empties: { at: number; severity: 'error' | 'warning' }[] = [];
  for (const p of problems) {
    const start = Math.min(p.start.offset, text.length);
    const end = Math.min(Math.max(p.end.offset, start), text.length);
    if (end === start) {
      empties.push({ at: start, severity: p.severity });
      continue;
    }
    for (let i = start; i < end; i++) if (marks[i] !== 'error') marks[i] = p.severity;
  }
  const segments: Segment[] = [];
  let current: Segment | null = null;
  for (let i = 0; i <= text.length; i++) {
    const empty = empties.find((e) => e.at === i);
    if (empty) {
      current = null;
      segments.push({ text: '\u00a0', severity: empty.severity, empty: true });
    }
    if (i === text.length) break;
    const severity = marks[i] ?? null;
    if (current && current.severity === severity) current.text += text[i];
    else {
      current = { text: text[i] as string, severity };
      segments.push(current);
    }
  }
  return segments;
}
