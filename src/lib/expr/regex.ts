import { LazyDfa } from './regex/lazy-dfa';
import { GoRegexSyntaxError, parseGoRegex } from './regex/parse-go-regex';
import { compileProgram } from './regex/regex-program';

/**
 * Go's regexp (RE2 syntax with Perl flags) as `matches` runs it: parsed as Go parses it (a pattern
 * Go refuses is refused with Go's message) and matched in time linear in the text, as RE2 does.
 * JavaScript's `RegExp` backtracks, so one pattern like `(a+)+$` could stall the engine for
 * minutes on a short string; nothing here runs the pattern on `RegExp` (it only answers whether one
 * code point is in a character class).
 */
export interface GoRegex {
  /** Is there a match anywhere in the text (Go's `MatchString`)? */
  test(text: string): boolean;
}

export type RegexResult = { ok: true; regex: GoRegex } | { ok: false; message: string };

const cache = new Map<string, RegexResult>();

export function compileGoRegex(pattern: string): RegexResult {
  const cached = cache.get(pattern);
  if (cached) return cached;
  const result = compile(pattern);
  if (cache.size > 500) cache.clear();
  cache.set(pattern, result);
  return result;
}

function compile(pattern: string): RegexResult {
  try {
    return { ok: true, regex: new LazyDfa(compileProgram(parseGoRegex(pattern))) };
  } catch (e) {
    if (e instanceof GoRegexSyntaxError) return { ok: false, message: e.message };
    throw e;
  }
}
