import { backtrackSafeRegExp } from './regex/backtrack-safe-reg-exp';
import { LazyDfa } from './regex/lazy-dfa';
import { GoRegexSyntaxError, parseGoRegex, type GoRegexSyntax } from './regex/parse-go-regex';
import { beginsAtTextStart, compileRegexProgram } from './regex/regex-program';
import type { Target } from './targets';

/**
 * Go's regexp (RE2 syntax with Perl flags) as `matches` runs it: parsed as Go parses it (a pattern
 * Go refuses is refused with Go's message) and matched in time linear in the text, as RE2 does.
 * JavaScript's `RegExp` backtracks, so one pattern like `(a+)+$` could stall the engine for
 * minutes on a short string. A pattern runs on `RegExp` only when its backtracking is provably
 * linear (most patterns policies write, and V8 runs those fastest), on the lazy DFA otherwise.
 */
interface GoRegex {
  /** Is there a match anywhere in the text (Go's `MatchString`)? */
  test(text: string): boolean;
  readonly engine: 'regexp' | 'dfa';
}

class RegExpMatcher implements GoRegex {
  readonly engine = 'regexp';
  constructor(private readonly regex: RegExp) {}

  test(text: string): boolean {
    return this.regex.test(wellFormed(text));
  }
}

interface WellFormedString {
  isWellFormed(): boolean;
  toWellFormed(): string;
}

/** Go reads a lone surrogate (invalid UTF-8 to it) as U+FFFD; `RegExp` would see a code point of its own. */
function wellFormed(text: string): string {
  const s = text as unknown as WellFormedString;
  if (typeof s.isWellFormed === 'function') return s.isWellFormed() ? text : s.toWellFormed();
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** `unsupported`: Go takes the pattern, this JavaScript engine cannot run it (its Unicode tables are older). */
export type RegexResult = { ok: true; regex: GoRegex } | { ok: false; message: string; unsupported?: boolean };

const cache = new Map<string, RegexResult>();

/**
 * The pattern as the Go behind `target` compiles it: goto/guardian is built with Go 1.22+, which
 * also takes `(?<name>re)`; raystack/guardian's releases predate it.
 */
export function compileGoRegex(pattern: string, target: Target): RegexResult {
  const syntax: GoRegexSyntax = { angleNamedGroups: target !== 'guardian-1.12' };
  const key = `${syntax.angleNamedGroups ? 1 : 0}${pattern}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const result = compile(pattern, syntax);
  if (cache.size > 500) cache.clear();
  cache.set(key, result);
  return result;
}

function compile(pattern: string, syntax: GoRegexSyntax): RegexResult {
  try {
    const root = parseGoRegex(pattern, syntax);
    const regex = backtrackSafeRegExp(root, beginsAtTextStart(root));
    return { ok: true, regex: regex ? new RegExpMatcher(regex) : new LazyDfa(compileRegexProgram(root)) };
  } catch (e) {
    if (e instanceof GoRegexSyntaxError) return { ok: false, message: e.message };
    if (e instanceof SyntaxError) {
      const message = `this JavaScript engine cannot run the regexp \`${pattern}\` (${e.message}); Guardian can`;
      return { ok: false, message, unsupported: true };
    }
    throw e;
  }
}
