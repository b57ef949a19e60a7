import { KNOWN_APPEAL_PATHS } from '@/lib/appeal/appeal-fields';

export interface CompletionContext {
  /** Offset where the path or name being typed starts (the `$`, or the name's first letter). */
  from: number;
  /** Offset of the caret; the completion replaces `from..to`. */
  to: number;
  prefix: string;
  /** An `$appeal…` path, or a bare name (a function, or a variable a `let` declared). */
  kind?: 'path' | 'name';
}

const PATH_BEFORE_CARET = /\$[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*\.?$|\$[A-Za-z_]*$/;

const NAME_BEFORE_CARET = /(^|[^A-Za-z0-9_$#.])([A-Za-z_][A-Za-z0-9_]+)$/;

/**
 * The `$appeal…` path ending at the caret, if the caret is right after one; else a bare name of at
 * least two letters (outside strings), which completes to a function or a `let` variable.
 */
export function completionContext(text: string, caret: number): CompletionContext | null {
  const before = text.slice(0, caret);
  const after = text.charAt(caret);
  if (/[A-Za-z0-9_]/.test(after)) return null;
  const match = PATH_BEFORE_CARET.exec(before);
  if (match) return { from: caret - match[0].length, to: caret, prefix: match[0], kind: 'path' };
  const name = NAME_BEFORE_CARET.exec(before);
  if (!name || insideString(before)) return null;
  const word = name[2] as string;
  return { from: caret - word.length, to: caret, prefix: word, kind: 'name' };
}

/** Whether `before` ends inside a quoted string (escapes honoured). */
function insideString(before: string): boolean {
  let quote: string | null = null;
  for (let i = 0; i < before.length; i++) {
    const ch = before[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'" || ch === '`') quote = ch;
  }
  return quote !== null;
}

/** Names a `let` declares before `caret` (`let total = …;`), nearest first. */
export function declaredNames(text: string, caret: number): string[] {
  const names: string[] = [];
  for (const match of text.slice(0, caret).matchAll(/\blet\s+([A-Za-z_][A-Za-z0-9_]*)\s*=/g))
    names.unshift(match[1] as string);
  return [...new Set(names)];
}

/** Variables first, then functions, each starting with the typed name (and not equal to it). */
export function nameCandidates(
  prefix: string,
  variables: readonly string[],
  functions: readonly string[],
  limit = 12,
): string[] {
  const fits = (name: string) => name.startsWith(prefix) && name !== prefix;
  return [...new Set([...variables.filter(fits), ...functions.filter(fits)])].slice(0, limit);
}

export function completionCandidates(
  prefix: string,
  paths: readonly string[] = KNOWN_APPEAL_PATHS,
  limit = 12,
): string[] {
  return paths.filter((path) => path.startsWith(prefix) && path !== prefix).slice(0, limit);
}

export function applyCompletion(
  text: string,
  context: CompletionContext,
  candidate: string,
): { text: string; caret: number } {
  return {
    text: text.slice(0, context.from) + candidate + text.slice(context.to),
    caret: context.from + candidate.length,
  };
}
