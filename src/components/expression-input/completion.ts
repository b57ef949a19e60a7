import { KNOWN_APPEAL_PATHS } from '@/lib/appeal/appeal-fields';

export interface CompletionContext {
  /** Offset where the path being typed starts (the `$`). */
  from: number;
  /** Offset of the caret; the completion replaces `from..to`. */
  to: number;
  prefix: string;
}

const PATH_BEFORE_CARET = /\$[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*\.?$|\$[A-Za-z_]*$/;

/** The `$appeal…` path ending at the caret, if the caret is right after one. */
export function completionContext(text: string, caret: number): CompletionContext | null {
  const before = text.slice(0, caret);
  const match = PATH_BEFORE_CARET.exec(before);
  if (!match) return null;
  const after = text.charAt(caret);
  if (/[A-Za-z0-9_]/.test(after)) return null;
  return { from: caret - match[0].length, to: caret, prefix: match[0] };
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
