/**
 * The console's Go regexps against re2js, a JavaScript port of RE2 that keeps Go's syntax and
 * error messages (with Go 1.22's `(?<name>re)`, as goto/guardian). It is too big to ship in the
 * browser, but as a test oracle it checks the parser, the RegExp translation and the lazy DFA
 * together, on patterns and texts no one wrote by hand.
 */
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { compileGoRegex } from './regex';
import { randomGoRegexWalk } from '@/test/random-go-regex';

function re2(pattern: string): RE2JS | string {
  try {
    return RE2JS.compile(pattern);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

describe('Go regexps as RE2 reads them', () => {
  it.each([
    '(',
    'a)',
    '[a',
    '[]a]',
    'a**',
    'a{2}{3}',
    '*',
    'a{1001}',
    '(a{500}){3}',
    'a{2,1}',
    '\\8',
    '\\x{110000}',
    '\\C',
    '\\p{Latn}',
    '[[:foo:]]',
    '[z-a]',
    '[a-\\d]',
    '(?z)',
    '(?i-)',
    '(?P<n!>a)',
    '(?P=n)',
    '(?<=a)',
    '(?!a)',
    '(?#c)',
    'x{2}{,3}',
    'a{99999999}',
    '\\Q*\\E+',
  ])('%j is taken or refused with the same message', (pattern) => {
    const ours = compileGoRegex(pattern, 'guardian-1.15');
    const theirs = re2(pattern);
    expect(ours.ok ? 'ok' : ours.message).toBe(typeof theirs === 'string' ? theirs : 'ok');
  });

  // Zero-width matches are where V8 stands between a surrogate pair's halves; Go never does.
  it.each(['\\B', '\\b', '(?m:^)', '(?m:$)', '\\B\\b', '(?:\\B|x)', '(?m:$)(?m:^)', '\\b(?m:$)'])(
    '%j around astral characters',
    (pattern) => {
      const ours = compileGoRegex(pattern, 'guardian-1.15');
      const theirs = re2(pattern);
      if (!ours.ok || typeof theirs === 'string') throw new Error(`${pattern} does not compile`);
      for (const text of ['S😀1', '😀', 'a😀', '😀 ', '\n😀\n', '😀😀', 'x😀y'])
        expect(ours.regex.test(text), JSON.stringify(text)).toBe(theirs.matcher(text).find());
    },
  );

  it('matches as RE2 on 800 random patterns and 20 texts each', () => {
    const walk = randomGoRegexWalk(20240601);
    const differences: string[] = [];
    let compared = 0;
    for (let p = 0; p < 800; p++) {
      const source = walk.pattern();
      const ours = compileGoRegex(source, 'guardian-1.15');
      const theirs = re2(source);
      if (typeof theirs === 'string' || !ours.ok) {
        if ((typeof theirs === 'string') !== !ours.ok) differences.push(`${source}: compiles differently`);
        continue;
      }
      for (let t = 0; t < 20; t++) {
        const text = walk.text();
        compared++;
        if (ours.regex.test(text) !== theirs.matcher(text).find())
          differences.push(`${source} (${ours.regex.engine}) on ${JSON.stringify(text)}`);
      }
    }
    expect(differences.slice(0, 10)).toEqual([]);
    expect(compared).toBeGreaterThan(10_000);
  });
});
