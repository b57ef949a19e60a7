import type { Policy } from '@/lib/api/guardian/policy-schema';
import { diffPolicies } from './diff-policies';
import { summarizeDiff } from './summarize-diff';
import type { EntityChange, FieldChange, PolicyDiff } from './types';

/** A field of a policy that did not exist before: what it holds, never "from (not set) to …". */
function asAdded(field: FieldChange): FieldChange | undefined {
  if (field.kind === 'removed') return undefined;
  const { before: _before, parts: _parts, list, ...rest } = field;
  return {
    ...rest,
    kind: 'added',
    ...(list && {
      list: {
        items: list.items.filter((item) => item.change !== 'removed').map((item) => ({ ...item, change: 'added' })),
        reordered: false,
      },
    }),
  };
}

/**
 * A policy that is not saved yet, told as a diff from nothing: every part of it is added. (Against an
 * empty policy, its title and its appeal settings would read as "changed", since an empty policy
 * has those parts too.)
 */
export function describeNewPolicy(policy: Policy): PolicyDiff {
  const empty: Policy = { id: policy.id, version: 0, steps: [], labels: {}, requirements: [] };
  const diff = diffPolicies(empty, policy);
  const changes = diff.changes.map((change): EntityChange => ({
    ...change,
    kind: 'added',
    move: undefined,
    renamedFrom: undefined,
    fields: change.fields.flatMap((field) => asAdded(field) ?? []),
  }));
  return { ...diff, before: { id: policy.id, version: 0 }, changes, summary: summarizeDiff(changes) };
}
