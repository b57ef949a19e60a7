import type { UserResultStatus } from '@/lib/api/policy-tests/policy-test-schema';

/**
 * How one user's outcome moved from test A (say v4) to test B (say v5). "Newly X" means B says X
 * and A said something else; a user only one test reached (it stopped early) is kept apart.
 */
export type ChangeKind = 'newly-blocked' | 'newly-approved' | 'newly-errored' | 'unchanged' | 'only-in-a' | 'only-in-b';

export const CHANGE_KINDS: readonly ChangeKind[] = [
  'newly-blocked',
  'newly-approved',
  'newly-errored',
  'unchanged',
  'only-in-a',
  'only-in-b',
];

export const CHANGE_LABELS: Record<ChangeKind, string> = {
  'newly-blocked': 'Newly blocked',
  'newly-approved': 'Newly approved',
  'newly-errored': 'Newly errored',
  unchanged: 'Unchanged',
  'only-in-a': 'Only in A',
  'only-in-b': 'Only in B',
};

export function changeKind(a: UserResultStatus | undefined, b: UserResultStatus | undefined): ChangeKind {
  if (a === undefined) return 'only-in-b';
  if (b === undefined) return 'only-in-a';
  if (a === b) return 'unchanged';
  if (b === 'blocked') return 'newly-blocked';
  if (b === 'approved') return 'newly-approved';
  return 'newly-errored';
}
