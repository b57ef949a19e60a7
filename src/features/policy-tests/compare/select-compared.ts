import { NO_STEP_FILTER } from '@/lib/api/policy-tests/policy-test-schema';
import type { ChangeView } from './compare-params';
import { groupKey, type ComparisonSnapshot, type NewKind } from './live-comparison';

const NEW_KINDS: readonly NewKind[] = ['newly-blocked', 'newly-approved', 'newly-errored'];

const isNew = (view: ChangeView): view is NewKind => (NEW_KINDS as readonly string[]).includes(view);

/** Whether a step filter means anything for this kind of change (only changes have a step that now decides). */
export function stepApplies(change: ChangeView): boolean {
  return change === 'changed' || isNew(change);
}

/**
 * The rows a view of the comparison lists, as indexes into `rows` (undefined: every row): a kind of
 * change, narrowed to the changes B now decides at one step.
 */
export function comparedIndexes(
  snapshot: ComparisonSnapshot,
  change: ChangeView,
  step: string | undefined,
): readonly number[] | undefined {
  if (step !== undefined && stepApplies(change)) {
    const wanted = step === NO_STEP_FILTER ? undefined : step;
    const kinds = isNew(change) ? [change] : NEW_KINDS;
    const lists = kinds.flatMap((kind) => {
      const group = snapshot.groups.find((g) => groupKey(g.kind, g.step) === groupKey(kind, wanted));
      return group ? [group.indexes] : [];
    });
    if (lists.length === 1) return lists[0];
    return lists.flat().sort((x, y) => x - y);
  }
  if (change === 'all') return undefined;
  if (change === 'changed') return snapshot.changed;
  return snapshot.byKind[change];
}
