/**
 * What each target's parser accepts beyond expr 1.12's (parser/parser.go and parser/lexer/state.go
 * at each tag): `let`, pipes `|`, `#index`/`#acc`, and which names parse as predicate builtins
 * taking a closure.
 */
import type { PredicateName } from './ast';
import type { Target } from './targets';

export interface Grammar {
  /** `let x = 1; x + 1` (expr v1.15.0+; `let` is a keyword, `;` a token). */
  let: boolean;
  /** `xs | map(# * 2)` (expr v1.15.0+; a lone `|` is the pipe, `||` still "or"). */
  pipes: boolean;
  /** `#index`, `#acc` inside closures (expr v1.15.0+). */
  namedPointers: boolean;
  /** The target's expr also runs sequences `a; b` and `if … {…} else {…}`, which the console does not parse. */
  unsupportedSequences: boolean;
  /** Predicate builtins and how their arguments parse. */
  predicates: ReadonlyMap<string, PredicateShape>;
}

interface PredicateShape {
  /** The closure may be left out (`count(xs)`, `sum(xs)` on the latest expr). */
  closureOptional: boolean;
  /** A third argument may follow the closure (`reduce`'s initial value, `sortBy`'s order). */
  third: boolean;
}

const PLAIN: PredicateShape = { closureOptional: false, third: false };
const WITH_THIRD: PredicateShape = { closureOptional: false, third: true };
const OPTIONAL_CLOSURE: PredicateShape = { closureOptional: true, third: false };

const V1_12: [PredicateName, PredicateShape][] = [
  ['all', PLAIN],
  ['none', PLAIN],
  ['any', PLAIN],
  ['one', PLAIN],
  ['filter', PLAIN],
  ['map', PLAIN],
  ['count', PLAIN],
];
// v1.15.3 parser/parser.go `predicates`.
const V1_15: [PredicateName, PredicateShape][] = [
  ...V1_12,
  ['find', PLAIN],
  ['findIndex', PLAIN],
  ['findLast', PLAIN],
  ['findLastIndex', PLAIN],
  ['groupBy', PLAIN],
  ['reduce', WITH_THIRD],
];
// v1.17.8 parser/parser.go `predicates`: `count` and `sum` take an optional predicate, `sortBy` a predicate.
const LATEST: [PredicateName, PredicateShape][] = [
  ...V1_15.filter(([name]) => name !== 'count'),
  ['count', OPTIONAL_CLOSURE],
  ['sum', OPTIONAL_CLOSURE],
  ['sortBy', WITH_THIRD],
];

const GRAMMARS: Record<Target, Grammar> = {
  'guardian-1.12': {
    let: false,
    pipes: false,
    namedPointers: false,
    unsupportedSequences: false,
    predicates: new Map(V1_12),
  },
  'guardian-1.15': {
    let: true,
    pipes: true,
    namedPointers: true,
    unsupportedSequences: false,
    predicates: new Map(V1_15),
  },
  'expr-latest': {
    let: true,
    pipes: true,
    namedPointers: true,
    unsupportedSequences: true,
    predicates: new Map(LATEST),
  },
};

export function grammarOf(target: Target): Grammar {
  return GRAMMARS[target];
}

/** Pointers each predicate's closure can read besides `#` (checker/checker.go `begin(..., scopeVar{...})`). */
export function pointerNames(predicate: PredicateName): readonly string[] {
  switch (predicate) {
    case 'map':
      return ['index'];
    case 'reduce':
      return ['index', 'acc'];
    default:
      return [];
  }
}
