import type { ExprProblem } from '@/lib/expr';

/** What a run of text is, for its tint: `let` and word operators, a called function, `#`/`#acc`, a `let` name. */
export type SyntaxKind = 'keyword' | 'function' | 'pointer' | 'variable';

export interface Segment {
  text: string;
  severity: 'error' | 'warning' | null;
  /** True for a zero-width problem (e.g. at the end of the input), shown as a marked space. */
  empty?: boolean;
  syntax?: SyntaxKind | null;
}

const KEYWORDS = new Set(['not', 'in', 'and', 'or', 'matches', 'contains', 'startsWith', 'endsWith', 'let']);
const TOKEN =
  /"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?|#[A-Za-z_]*|\$?[A-Za-z_][A-Za-z0-9_]*|\d[\d_.xXa-fA-FeE]*|\s+|[^]/g;

/**
 * The syntax kind of each character (null for the rest). `let` is a keyword only where the
 * target's expr has it (1.15 and later), as are the `#acc`/`#index` pointers.
 */
export function syntaxKinds(text: string, newerSyntax: boolean): (SyntaxKind | null)[] {
  const kinds = new Array<SyntaxKind | null>(text.length).fill(null);
  const declared = new Set<string>();
  if (newerSyntax) for (const m of text.matchAll(/\blet\s+([A-Za-z_][A-Za-z0-9_]*)/g)) declared.add(m[1] as string);
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    const at = match.index ?? 0;
    let kind: SyntaxKind | null = null;
    if (token.startsWith('#')) kind = token === '#' || newerSyntax ? 'pointer' : null;
    else if (/^[A-Za-z_]/.test(token)) {
      const before = text.slice(0, at).trimEnd();
      const member = before.endsWith('.') || before.endsWith('?.');
      if (member) kind = null;
      else if (KEYWORDS.has(token) && (token !== 'let' || newerSyntax)) kind = 'keyword';
      else if (/^\s*\(/.test(text.slice(at + token.length))) kind = 'function';
      else if (declared.has(token)) kind = 'variable';
    }
    if (kind) kinds.fill(kind, at, at + (token === '#' ? 1 : token.length));
  }
  return kinds;
}

/** Splits the text into plain, tinted and marked runs; errors win where an error and a warning overlap. */
export function highlightSegments(
  text: string,
  problems: readonly ExprProblem[],
  syntax: readonly (SyntaxKind | null)[] = [],
): Segment[] {
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
    const kind = syntax[i] ?? null;
    if (current && current.severity === severity && (current.syntax ?? null) === kind) current.text += text[i];
    else {
      current = kind ? { text: text[i] as string, severity, syntax: kind } : { text: text[i] as string, severity };
      segments.push(current);
    }
  }
  return segments;
}
