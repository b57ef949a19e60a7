import { STEP_KEYS, type Step } from '@/lib/api/guardian/policy-schema';
import { undeclaredKeys } from '@/lib/guardian-rules/undeclared-keys';
import { stableJson } from '@/lib/guardian-rules/sort-keys';
import { compareField, compareList, sameValue, type FieldSpec } from './compare-fields';
import { listChanges } from './list-changes';
import { matchByKey, pairRenames } from './match-by-key';
import type { EntityChange, FieldChange } from './types';

const STEP_FIELDS: (FieldSpec & { key: keyof Step })[] = [
  { key: 'description', field: 'description', label: 'description', format: 'text' },
  { key: 'strategy', field: 'strategy', label: 'strategy', format: 'text' },
  { key: 'when', field: 'when', label: 'run condition', format: 'expression' },
  { key: 'approveIf', field: 'approve_if', label: 'approval condition', format: 'expression' },
  { key: 'approvers', field: 'approvers', label: 'approvers', format: 'list' },
  { key: 'allowFailed', field: 'allow_failed', label: 'allow failed', format: 'boolean' },
  { key: 'rejectionReason', field: 'rejection_reason', label: 'rejection reason', format: 'text' },
];

function stepExtras(step: Step): string[] {
  return undeclaredKeys(step, STEP_KEYS);
}

function specsOf(step: Step, index: number): (FieldSpec & { value: unknown })[] {
  return [
    ...STEP_FIELDS.map((spec) => ({ ...spec, value: step[spec.key], path: ['steps', index, spec.field] })),
    ...stepExtras(step).map((key) => ({
      field: key,
      label: key,
      format: 'json' as const,
      value: (step as Record<string, unknown>)[key],
      path: ['steps', index, key],
    })),
  ];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function compareSteps(before: Step, after: Step, beforeIndex: number, afterIndex: number): FieldChange[] {
  const fields: FieldChange[] = [];
  for (const spec of STEP_FIELDS) {
    const a = before[spec.key];
    const b = after[spec.key];
    // Most steps of a big policy are unchanged: settle that before building anything.
    if (spec.format === 'list' ? sameList(before.approvers, after.approvers) : sameValue(a, b)) continue;
    const path = ['steps', afterIndex, spec.field];
    const change =
      spec.format === 'list'
        ? compareList({ ...spec, path }, before.approvers, after.approvers)
        : compareField({ ...spec, path }, a, b);
    if (change) fields.push(change);
  }
  const extrasBefore = stepExtras(before);
  const extrasAfter = stepExtras(after);
  if (extrasBefore.length === 0 && extrasAfter.length === 0) return fields;
  for (const key of new Set([...extrasBefore, ...extrasAfter])) {
    const change = compareField(
      { field: key, label: key, format: 'json', path: ['steps', Math.max(beforeIndex, afterIndex), key] },
      (before as Record<string, unknown>)[key],
      (after as Record<string, unknown>)[key],
    );
    if (change) fields.push(change);
  }
  return fields;
}

/** Everything but the name, for spotting a renamed step. */
function contentOf(step: Step): string {
  const { name: _name, ...rest } = step;
  return stableJson(rest);
}

/** Steps are matched by name; order matters (they run in order), so moves are reported. */
export function diffSteps(before: readonly Step[], after: readonly Step[]): EntityChange[] {
  const matching = matchByKey(before, after, (step) => step.name);
  const { renames, removed, added } = pairRenames(matching, contentOf);
  const pairs = [...matching.pairs, ...renames];
  return listChanges(
    {
      section: 'steps',
      entity: 'step',
      ordered: true,
      compare: (pair) => compareSteps(pair.before.item, pair.after.item, pair.before.index, pair.after.index),
      fieldsOf: specsOf,
      lengths: { before: before.length, after: after.length },
    },
    { pairs, renamedFrom: matching.pairs.length, added, removed },
  );
}
