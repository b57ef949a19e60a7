/**
 * `matches` against Go's regexp: what Go's `regexp.MatchString` answers (RE2 syntax, Perl flags),
 * the errors `regexp.Compile` gives, and linear time on the patterns that make a backtracking
 * engine take exponential time.
 */
import { describe, expect, it, vi } from 'vitest';
import { check, evaluate } from './index';
import { compileGoRegex } from './regex';
import { translateToRegExp } from './regex/backtrack-safe-reg-exp';
import { LazyDfa } from './regex/lazy-dfa';
import { parseGoRegex } from './regex/parse-go-regex';
import { compileRegexProgram } from './regex/regex-program';
import { randomGoRegexWalk } from '@/test/random-go-regex';

function goMatch(pattern: string, text: string): boolean {
  const compiled = compileGoRegex(pattern, 'guardian-1.15');
  if (!compiled.ok) throw new Error(compiled.message);
  return compiled.regex.test(text);
}

function dfaMatch(pattern: string, text: string): boolean {
  return new LazyDfa(compileRegexProgram(parseGoRegex(pattern, { angleNamedGroups: true }))).test(text);
}

/** [pattern, text, Go's answer]. */
const GO_CASES: [string, string, boolean][] = [
  ['^a.c$', 'abc', true],
  ['(?i)abc', 'xABCx', true],
  ['\\d', 'a1', true],
  ['^b', 'abc', false],
  ['', '', true],
  ['^$', 'a', false],
  ['x*', '', true],
  // `$` is the end of the text (not before a final newline, as in Perl), `\z` too.
  ['a$', 'a\n', false],
  ['a\\z', 'a\n', false],
  ['a\\z', 'ba', true],
  ['(?m)a$', 'a\nb', true],
  ['(?m)^b', 'a\nb', true],
  ['^b', 'a\nb', false],
  ['\\Ab', 'a\nb', false],
  ['(?m)\\Ab', 'a\nb', false],
  // JavaScript's `^`/`$` under `m` and its `.` also stop at \r and U+2028; Go's only at \n.
  ['(?m)^b', 'a\rb', false],
  ['(?m)a$', 'a\u2028', false],
  ['^a.b$', 'a\rb', true],
  ['^a.b$', 'a\u2028b', true],
  ['a.b', 'a\nb', false],
  ['(?s)a.b', 'a\nb', true],
  ['a(?s:.)b(.)', 'a\nbc', true],
  ['a(?s:.)b(.)', 'a\nb\n', false],
  ['\\Qa.b\\E', 'xa.by', true],
  ['\\Qa.b\\E', 'axb', false],
  ['\\Qa.b', 'a.b', true],
  // Unicode classes and code points, not UTF-16 units.
  ['^\\pL+$', 'héllo', true],
  ['^\\PL+$', 'héllo', false],
  ['^\\p{Greek}+$', 'αβγ', true],
  ['^\\p{Greek}+$', 'abc', false],
  ['^\\p{^Greek}+$', 'abc', true],
  ['^.$', '😀', true],
  ['^..$', '😀', false],
  ['^[^a]$', '😀', true],
  ['^\\x{1F600}$', '😀', true],
  ['^[😀-😂]$', '😁', true],
  // `\b` and `\w` are ASCII in Go.
  ['\\bfoo\\b', 'a foo b', true],
  ['\\bfoo\\b', 'afoob', false],
  ['\\bé', ' é', false],
  ['\\Bo\\B', 'foo', true],
  ['\\Bo\\B', 'fo', false],
  ['\\B', 'S😀1', false], // no position between a surrogate pair's halves
  ['^\\w+$', 'héllo', false],
  ['(?i)\\bk', '\u212a', false],
  // POSIX classes, negated ones included.
  ['[[:^alpha:]]', 'abc', false],
  ['[[:^alpha:]]', 'ab1', true],
  ['^[[:digit:][:upper:]]+$', 'A1B2', true],
  // Case folding: Go folds each class before negating it, and uses simple folds only.
  ['(?i)k', '\u212a', true],
  ['(?i)straße', 'STRASSE', false],
  ['(?i)[^a-z]', 'A', false],
  ['(?i)\\W', 'K', false],
  ['(?i)\\W', '\u212a', false], // the Kelvin sign folds to k, a word character, before \W negates
  ['(?i:a)b', 'Ab', true],
  ['(?i:a)b', 'AB', false],
  ['a(?i)b', 'aB', true],
  ['a(?i)b', 'AB', false],
  ['(?i)a(?-i)b', 'Ab', true],
  ['(?i)a(?-i)b', 'AB', false],
  // Flags the old translation refused: `(?U)` and flags in the middle.
  ['(?U)a+', 'a', true],
  ['^(?:(?m)^b)$', 'b', true],
  ['x(?s).y', 'x\ny', true],
  // Repetition and alternation.
  ['(a+)+$', 'aaaa', true],
  ['^(a+)+$', 'aaab', false],
  ['a{2,3}$', 'xaa', true],
  ['^a{2,3}$', 'aaaa', false],
  ['^a{2,}$', 'aaaa', true],
  ['^a{0}$', '', true],
  ['^(ab){2}$', 'abab', true],
  ['^(ab){2}$', 'ababab', false],
  ['a|b|c$', 'zc', true],
  ['^(a|ab)(c|bcd)$', 'abcd', true],
  ['(a*)*b', 'aaaaaaaaac', false],
  ['a{,2}', 'a{,2}', true],
  ['^(?P<user>[a-z]+)@example\\.com$', 'ada@example.com', true],
  ['^[^@]+@example\\.com$', 'ada@example.com', true],
  ['^[^@]+@example\\.com$', 'ada@evil.com', false],
  ['\\.(csv|json)$', 'report.json', true],
  ['\\.(csv|json)$', 'report.json.gz', false],
];

describe('Go regexp semantics', () => {
  it.each(GO_CASES)('%j on %j is %s', (pattern, text, expected) => {
    expect(goMatch(pattern, text)).toBe(expected);
    expect(dfaMatch(pattern, text)).toBe(expected);
  });

  it('reads a lone surrogate in the text as U+FFFD, as Go reads invalid UTF-8', () => {
    expect(goMatch('^\\x{FFFD}b$', '\ud800b')).toBe(true);
    expect(goMatch('^.$', '\udc00')).toBe(true);
  });
});

describe('patterns Go refuses', () => {
  it.each([
    ['(', 'missing closing ): `(`'],
    ['a)', 'unexpected ): `a)`'],
    ['[a', 'missing closing ]: `[a`'],
    ['a**', 'invalid nested repetition operator: `**`'],
    ['*', 'missing argument to repetition operator: `*`'],
    ['a{1001}', 'invalid repeat count: `{1001}`'],
    ['(a{2}){1000}', 'invalid repeat count: `{1000}`'],
    ['\\1', 'invalid escape sequence: `\\1`'],
    ['\\C', 'invalid escape sequence: `\\C`'],
    ['a\\', 'trailing backslash at end of expression: ``'],
    ['(?=a)', 'invalid or unsupported Perl syntax: `(?=`'],
    ['(?<!a)', 'invalid or unsupported Perl syntax: `(?<`'],
    ['[z-a]', 'invalid character class range: `z-a`'],
    ['\\pX', 'invalid character class range: `\\pX`'],
    ['[[:wrd:]]', 'invalid character class range: `[:wrd:]`'],
  ])('%j', (pattern, message) => {
    expect(compileGoRegex(pattern, 'guardian-1.12')).toEqual({
      ok: false,
      message: `error parsing regexp: ${message}`,
    });
  });

  it('takes `(?<name>re)` where the server is built with Go 1.22 or later (goto/guardian)', () => {
    const refused = { ok: false, message: 'error parsing regexp: invalid or unsupported Perl syntax: `(?<`' };
    expect(compileGoRegex('^(?<user>[a-z]+)@', 'guardian-1.12')).toEqual(refused);
    expect(goMatch('^(?<user>[a-z]+)@', 'ada@example.com')).toBe(true);
    expect(compileGoRegex('(?<!a)b', 'guardian-1.15')).toEqual({
      ok: false,
      message: 'error parsing regexp: invalid named capture: `(?<!a)b`',
    });
    expect(compileGoRegex('(?<a-b>x)', 'expr-latest')).toEqual({
      ok: false,
      message: 'error parsing regexp: invalid named capture: `(?<a-b>`',
    });
    expect(evaluate('"ab" matches "(?<x>a)b"', {}, { target: 'guardian-1.15' })).toEqual({ ok: true, value: true });
    expect(evaluate('"ab" matches "(?<x>a)b"', {}, { target: 'guardian-1.12' })).toMatchObject({ ok: false });
  });
});

/** A fixed pseudo-random string of a and b: no period for a DFA to settle into. */
function shuffledAb(length: number): string {
  let seed = 1;
  let text = '';
  for (let i = 0; i < length; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    text += seed & 0x10000 ? 'a' : 'b';
  }
  return text;
}

describe('a pattern Go takes that this JavaScript engine cannot run', () => {
  it('is unsupported here (a runtime error), not a bad pattern', () => {
    // An engine whose Unicode tables predate the Kawi script (added in Unicode 15).
    vi.stubGlobal(
      'RegExp',
      new Proxy(RegExp, {
        construct(target, args: [string, string?]) {
          if (String(args[0]).includes('Kawi')) throw new SyntaxError('Invalid property name');
          return Reflect.construct(target, args) as RegExp;
        },
      }),
    );
    try {
      expect(compileGoRegex('^\\p{Kawi}+$', 'guardian-1.15')).toMatchObject({ ok: false, unsupported: true });
      expect(check('$appeal.name matches "\\\\p{Kawi}"', { target: 'guardian-1.15' })).toEqual([]);
      const result = evaluate('"a" matches "\\\\p{Kawi}"', {}, { target: 'guardian-1.15' });
      expect(result.ok === false && 'kind' in result.error && result.error.kind).toBe('runtime');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('linear time', () => {
  const long = 'a'.repeat(100_000);
  it.each([
    // A backtracking engine takes ~6 s on the first (V8), and ages on the rest.
    ['(a+)+$', 'a'.repeat(26) + '!'],
    ['(a+)+$', `${long}!`],
    ['^(a|a)*$', `${long}!`],
    ['(a*)*b', long],
    ['(x+x+)+y', 'x'.repeat(100_000)],
    ['^(\\w+\\s?)*$', `${'ab '.repeat(30_000)}!`],
    ['\\d+\\d+\\d+$', `${'1'.repeat(50_000)}x`],
    ['a.*b.*c', long],
    ['(?i)(\\pL+)+!', 'é'.repeat(50_000)],
    // A DFA for this one would need 2^20 states: past a budget the text runs on the NFA uncached.
    ['(a|b)*a(a|b){20}c', shuffledAb(30_000)],
  ])('%j on a long text', (pattern, text) => {
    const start = performance.now();
    expect(goMatch(pattern, text)).toBe(false);
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it('still finds a match after it stops caching states', () => {
    const text = `${shuffledAb(20_000)}a${'b'.repeat(20)}c`;
    expect(goMatch('(a|b)*a(a|b){20}c', text)).toBe(true);
    expect(goMatch('(a|b)*a(a|b){20}c$', `${text}!`)).toBe(false);
    expect(goMatch('(?m)(a|b)*a(a|b){20}c$', `${text}\n`)).toBe(true);
  });

  it('keeps a `matches` in an expression from hanging the engine', () => {
    const start = performance.now();
    const result = evaluate('$appeal.name matches "(a+)+$"', { $appeal: { name: 'a'.repeat(40) + '!' } });
    expect(result).toEqual({ ok: true, value: false });
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

describe('which engine runs a pattern', () => {
  const onRegExp = (pattern: string) => {
    const compiled = compileGoRegex(pattern, 'guardian-1.12');
    return compiled.ok && compiled.regex.engine === 'regexp';
  };

  it('keeps patterns whose backtracking is linear on RegExp', () => {
    for (const pattern of [
      'prod',
      '^[a-z.]+@example\\.com$',
      '(?i)^(admin|owner)$',
      '\\.(csv|json)$',
      '^\\d{3}-\\d{4}$',
      '^\\d{3,4}-?\\d{4}$',
      '^https?://[a-z.]+/',
      '^[a-z.]+@(corp|example)\\.com$',
      '^(?:ab){2}[a-z]*$',
      '\\bprod\\b',
    ])
      expect(onRegExp(pattern), pattern).toBe(true);
  });

  it('runs every pattern that could backtrack more on the linear engine', () => {
    for (const pattern of [
      '(a+)+$',
      '^(a|b)+$',
      '^(?:ab?)+$',
      '^(?:a+){2}$',
      '^(?:a{1,3}){5}$',
      '[a-z]+@x',
      '^\\d+\\d+$',
      '(?:a|b){20}c',
      'a.*b',
      '^a?a?a?a?a?b',
      '(?i)\\bfoo',
      '(?i)\\W',
    ])
      expect(onRegExp(pattern), pattern).toBe(false);
  });
});

describe('the linear engine agrees with the RegExp translation', () => {
  // Texts short enough for backtracking.
  const walk = randomGoRegexWalk(12345);

  it('on 400 random patterns and 30 texts each', () => {
    let compared = 0;
    for (let p = 0; p < 400; p++) {
      const source = walk.pattern();
      const root = parseGoRegex(source, { angleNamedGroups: true });
      const translated = translateToRegExp(root);
      if (!translated) continue;
      const dfa = new LazyDfa(compileRegexProgram(root));
      for (let t = 0; t < 30; t++) {
        const text = walk.text();
        expect(dfa.test(text), `${source} on ${JSON.stringify(text)}`).toBe(translated.regex.test(text));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(3000);
  });
});
