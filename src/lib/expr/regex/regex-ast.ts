import type { CharSet } from './char-set';

/**
 * A parsed Go regexp, reduced to what decides *whether* a string matches: captures are plain
 * groups, and greedy and lazy repetition are the same (they choose between matches, and `matches`
 * only asks if there is one).
 */
export type RegexNode =
  | { type: 'empty' }
  | { type: 'char'; cp: number }
  | { type: 'set'; set: CharSet }
  /** `.`; `newline` under `(?s)`. */
  | { type: 'any'; newline: boolean }
  | { type: 'assert'; kind: AssertKind }
  | { type: 'concat'; items: RegexNode[] }
  | { type: 'alternate'; items: RegexNode[] }
  /** `max` -1: unbounded. `counted`: written `{n,m}` (Go limits those), not `*`, `+`, `?`. */
  | { type: 'repeat'; item: RegexNode; min: number; max: number; counted: boolean };

/** `\A` or `^`; `\z` or `$`; `(?m)^`, `(?m)$`; `\b`, `\B`. */
export type AssertKind = 'text-start' | 'text-end' | 'line-start' | 'line-end' | 'word-boundary' | 'not-word-boundary';
