import type { RegexNode } from './regex-ast';

/**
 * The pattern as a JavaScript `RegExp`, when backtracking provably stays linear in the text, or
 * undefined. V8's `RegExp` is several times faster than the lazy DFA on short texts (a literal
 * search especially), so the patterns most policies write (`^[a-z.]+@example\.com$`,
 * `(?i)^(admin|owner)$`, `\.csv$`) take it; everything else takes the DFA.
 *
 * Backtracking only multiplies work at a choice: an alternation or a repetition of variable count.
 * With none, each start position costs at most the pattern's length. With one alternation, each
 * start tries each branch once (unless the alternation is itself repeated). With one variable
 * repetition anchored at the text's start, only offset 0 can match, and there the repetition tries
 * each count once. Anything more (`(a+)+$`,
 * `\d+\d+$`, `x.*y` searched) could take quadratic or exponential time, so it is not translated.
 *
 * The translation keeps Go's meaning, not JavaScript's: `.` excludes only `\n`, `^`/`$` are the
 * text's ends or (`(?m)`) a `\n`'s sides, never `\r` or U+2028. Patterns whose meaning a JS flag
 * cannot carry are left to the DFA: `\b` (Go's is ASCII, JS's under `iu` is not), case folding in
 * part of the pattern only, and classes with negated parts under `(?i)` (Go folds before negating).
 */
export function backtrackSafeRegExp(root: RegexNode, anchoredStart: boolean): RegExp | undefined {
  const translated = translateToRegExp(root);
  if (!translated || translated.choices > 1 || (translated.repeatChoice && !anchoredStart)) return undefined;
  return translated.regex;
}

/** The same pattern on `RegExp` whether or not it backtracks safely, or undefined when JS cannot say it. */
export function translateToRegExp(
  root: RegexNode,
): { regex: RegExp; choices: number; repeatChoice: boolean } | undefined {
  const facts: Facts = { choices: 0, repeatChoice: false, folded: false, exact: false, untranslatable: false };
  const source = render(root, facts);
  if (facts.untranslatable || (facts.folded && facts.exact)) return undefined;
  return {
    regex: new RegExp(source, facts.folded ? 'iu' : 'u'),
    choices: facts.choices,
    repeatChoice: facts.repeatChoice,
  };
}

interface Facts {
  choices: number;
  /** The one choice is a repetition. */
  repeatChoice: boolean;
  /** Some character test folds case (`(?i)`). */
  folded: boolean;
  /** Some character test does not. */
  exact: boolean;
  untranslatable: boolean;
}

function render(node: RegexNode, facts: Facts): string {
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
      switch (node.kind) {
        // Without the `m` flag (never set here) these are the text's ends, and V8 anchors on them.
        case 'text-start':
          return '^';
        case 'text-end':
          return '$';
        case 'line-start':
          return '(?<![^\\n])';
        case 'line-end':
          return '(?![^\\n])';
        default:
          facts.untranslatable = true;
          return '';
      }
    case 'concat':
      return node.items.map((item) => render(item, facts)).join('');
    case 'alternate':
      facts.choices++;
      return `(?:${node.items.map((item) => render(item, facts)).join('|')})`;
    case 'repeat': {
      if (node.min !== node.max) {
        facts.choices++;
        facts.repeatChoice = true;
      }
      const before = facts.choices;
      const item = render(node.item, facts);
      // A choice repeated (`(?:a|b){20}`) multiplies: 2^20 ways to fail.
      if (facts.choices > before && node.max !== 1) facts.untranslatable = true;
      const count = node.max < 0 ? `{${node.min},}` : `{${node.min},${node.max}}`;
      return `(?:${item})${count}`;
    }
  }
}
