import { TARGET_IDS, type Target } from './target-ids';

export { DEFAULT_TARGET, isTarget, type Target } from './target-ids';

// One entry per id (the type holds it to the list in target-ids.ts).
const ABOUT: Record<Target, { label: string; description: string }> = {
  'guardian-1.12': {
    label: 'raystack/guardian (expr 1.12)',
    description:
      'What raystack Guardian runs (expr v1.12.5). Builtins: len (counts bytes), abs, int, float, all/any/none/one/filter/map/count and Guardian’s Split. No let, no pipes, no reduce or find; any other function (now, date, lower…) compiles but fails on every appeal.',
  },
  'guardian-1.15': {
    label: 'goto/guardian (expr 1.15)',
    description:
      'What goto/guardian runs (expr v1.15.3). Adds let, pipes (|), now/date/duration with time arithmetic, reduce (#acc, #index), find/findIndex/findLast/findLastIndex, groupBy, sort, sortBy(list, "field") and most string and list builtins (upper, lower, trim, split, join, max, sum, first, keys…), but not ceil, floor, round, uniq, concat, flatten, timezone or bitand. len still counts bytes.',
  },
  'expr-latest': {
    label: 'expr-lang latest',
    description:
      'The current expr-lang/expr (v1.17): everything in 1.15, sortBy with a closure, count/sum with a predicate, timezone(), ceil/floor/round, uniq, concat, flatten and bit functions; len counts characters.',
  },
};

export const TARGETS: ReadonlyArray<{ id: Target; label: string; description: string }> = TARGET_IDS.map((id) => ({
  id,
  ...ABOUT[id],
}));

/** The server a target stands for, e.g. "raystack/guardian (expr 1.12)". */
export function targetLabel(target: Target): string {
  return ABOUT[target]?.label ?? target;
}

/** Short name used in messages, e.g. "expr 1.12". */
export function targetExprVersion(target: Target): string {
  switch (target) {
    case 'guardian-1.12':
      return 'expr 1.12';
    case 'guardian-1.15':
      return 'expr 1.15';
    case 'expr-latest':
      return 'expr latest';
  }
}
