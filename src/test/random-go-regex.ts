import { seededRandom } from './seeded-random';

/**
 * Atoms of Go's regexp syntax: letters with odd case folds (k and K fold with the Kelvin sign, s
 * with the long s), Perl, Unicode and POSIX classes, every zero-width assertion, escapes.
 */
const ATOMS = [
  'a',
  'b',
  'A',
  'k',
  's',
  '.',
  '(?s:.)',
  '[ab]',
  '[^a]',
  '\\d',
  '\\D',
  '\\s',
  '\\w',
  '\\W',
  '\\pL',
  '\\PL',
  '\\p{Lu}',
  '\\p{Greek}',
  '[[:alpha:]]',
  '[[:^alpha:]]',
  'é',
  '😀',
  '^',
  '$',
  '(?m:^)',
  '(?m:$)',
  '\\A',
  '\\z',
  '\\b',
  '\\B',
  '\\n',
  '\\x{212A}',
  '_',
  '9',
];
/** What goes inside a bracketed class, after an optional `^`. */
const CLASS_ITEMS = ['a-c', '\\d', '\\W', '\\pL', '[:digit:]', 'K', 'é-ë', '\\x{1F600}'];
const REPEATS = ['*', '+', '?', '{1,2}', '{2}', '*?', '{0,3}'];
/** What the texts are made of: the same odd folds (Kelvin sign, long s), line ends, accents, Greek, an astral emoji. */
const TEXT_CHARACTERS = [...'abABkK\u212as\u017f1_ \n\réÉαΩ😀'];

/**
 * A fixed pseudo-random walk over Go's regexp syntax (seeded, so a failure replays): patterns a few
 * levels deep, and texts of up to six characters to match them against.
 */
export function randomGoRegexWalk(seed: number): { pattern: () => string; text: () => string } {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[random(items.length)] as T;
  const pattern = (depth: number): string => {
    const kind = random(depth > 2 ? 3 : 8);
    if (kind < 3) return pick(ATOMS);
    if (kind === 3) return `${pattern(depth + 1)}${pattern(depth + 1)}`;
    if (kind === 4) return `(${pattern(depth + 1)}|${pattern(depth + 1)})`;
    if (kind === 5) return `(?:${pattern(depth + 1)})${pick(REPEATS)}`;
    if (kind === 6) return `(?i:${pattern(depth + 1)})`;
    return `[${random(2) ? '^' : ''}${pick(CLASS_ITEMS)}${pick(['x', '\\s', ''])}]`;
  };
  const text = (): string => {
    let text = '';
    for (let n = random(7); n > 0; n--) text += pick(TEXT_CHARACTERS);
    return text;
  };
  return { pattern: () => pattern(0), text };
}
