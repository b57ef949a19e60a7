import type { AssertKind, RegexNode } from './regex-ast';

/**
 * The pattern as a JavaScript `RegExp`, when backtracking provably stays linear in the text, or
 * undefined. V8's `RegExp` is 2-3 times faster than the lazy DFA on short texts, so the patterns
 * most policies write (`^[a-z.]+@(corp|example)\.com$`, `(?i)^(admin|owner)$`, `\.csv$`,
 * `^https?://`) take it; everything else takes the DFA.
 *
 * Backtracking multiplies work only at a choice. A choice among few ways (an alternation, `?`,
 * `{2,4}`) that is not itself repeated multiplies the work at one start position by its number of
 * ways: a product of at most MAX_WAYS bounds it by a constant. A repetition of unbounded count
 * tries up to one count per character, so only one is allowed, of a fixed-length item, and only
 * when the pattern is anchored at the text's start (one start position instead of one per
 * character). Anything more (`(a+)+$`, `(a|b)*c`, `\d+\d+$`, `x.*y` searched) could take
 * quadratic or exponential time, so it is not translated.
 *
 * The translation keeps Go's meaning, not JavaScript's: `.` excludes only `\n`, `^`/`$` are the
 * text's ends or (`(?m)`) a `\n`'s sides, never `\r` or U+2028. Patterns whose meaning a JS flag
 * cannot carry are left to the DFA: `\B`, `\b` under `(?i)` (Go's is ASCII, JS's under `iu` is not), case folding in
 * part of the pattern only, and classes with negated parts under `(?i)` (Go folds before negating).
 */
export function backtrackSafeRegExp(root: RegexNode, anchoredStart: boolean): RegExp | undefined {
  const translated = translateToRegExp(root);
  if (!translated || translated.ways > MAX_WAYS) return undefined;
  if (translated.unboundedRepeats > (anchoredStart ? 1 : 0)) return undefined;
  return translated.regex;
}

/** Bounds the work at one start position to this many times the pattern's length. */
const MAX_WAYS = 16;

/** Largest `{n,m}` range counted as a choice of m-n+1 ways rather than as unbounded. */
const MAX_RANGE = 8;

interface Translation {
  regex: RegExp;
  /** The product of the ways of every choice (Infinity when a choice is repeated). */
  ways: number;
  unboundedRepeats: number;
}

/** The same pattern on `RegExp` whether or not it backtracks safely, or undefined when JS cannot say it. */
export function translateToRegExp(root: RegexNode): Translation | undefined {
  const facts: Facts = {
    ways: 1,
    unboundedRepeats: 0,
    folded: false,
    exact: false,
    wordBoundary: false,
    untranslatable: false,
  };
  const source = render(root, facts, false);
  if (facts.untranslatable || (facts.folded && (facts.exact || facts.wordBoundary))) return undefined;
  const regex = new RegExp(source, facts.folded ? 'iu' : 'u');
  return { regex, ways: facts.ways, unboundedRepeats: facts.unboundedRepeats };
}

interface Facts {
  ways: number;
  unboundedRepeats: number;
  /** Some character test folds case (`(?i)`). */
  folded: boolean;
  /** Some character test does not. */
  exact: boolean;
  wordBoundary: boolean;
  untranslatable: boolean;
}

/** `repeated`: inside a repetition that can run its item more than once. */
function render(node: RegexNode, facts: Facts, repeated: boolean): string {
  switch (node.type) {
    case 'empty':
      return '(?:)';
    case 'char':
      facts.exact = true;
      return `\\u{${node.cp.toString(16)}}`;
    case 'set': {
      const { set } = node;
      if (set.fold) facts.folded = true;
      else facts.exact = true;
      if (set.items.some((item) => item.negated)) facts.untranslatable = true;
      return `[${set.negated ? '^' : ''}${set.items.map((item) => item.source).join('')}]`;
    }
    case 'any':
      return node.newline ? '[\\s\\S]' : '[^\\n]';
    case 'assert':
      return renderAssert(node.kind, facts);
    case 'concat':
      return node.items.map((item) => render(item, facts, repeated)).join('');
    case 'alternate':
      choice(facts, node.items.length, repeated);
      return `(?:${node.items.map((item) => render(item, facts, repeated)).join('|')})`;
    case 'repeat': {
      const { min, max } = node;
      if (max < 0 || max - min > MAX_RANGE) {
        if (repeated) facts.ways = Infinity;
        facts.unboundedRepeats++;
      } else if (max !== min) choice(facts, max - min + 1, repeated);
      const before = facts.ways;
      const item = render(node.item, facts, repeated || max < 0 || max > 1);
      // An unbounded repetition of an item that itself chooses: `(a|b)*`, `(a+)+`.
      if ((max < 0 || max - min > MAX_RANGE) && facts.ways !== before) facts.ways = Infinity;
      return `(?:${item})${max < 0 ? `{${min},}` : `{${min},${max}}`}`;
    }
  }
}

function choice(facts: Facts, ways: number, repeated: boolean): void {
  facts.ways = repeated ? Infinity : facts.ways * ways;
}

function renderAssert(kind: AssertKind, facts: Facts): string {
  switch (kind) {
    // Without the `m` flag (never set here) these are the text's ends, and V8 anchors on them.
    case 'text-start':
      return '^';
    case 'text-end':
      return '$';
    // Positive look-arounds: V8 reads a negated class (`(?<![^\n])`) wrongly at an offset
    // inside a surrogate pair, an offset Go (which reads runes) never stands on.
    case 'line-start':
      return '(?<=^|\\n)';
    case 'line-end':
      return '(?=$|\\n)';
    // JS's `\b` without the `i` flag knows ASCII word characters only, as Go's does.
    case 'word-boundary':
      facts.wordBoundary = true;
      return '\\b';
    // V8 finds a `\B` between the two halves of a surrogate pair ("S😀1" matches /\B/u).
    case 'not-word-boundary':
      facts.untranslatable = true;
      return '';
  }
}
