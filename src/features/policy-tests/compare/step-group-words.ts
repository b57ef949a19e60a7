import { formatCount } from '@/lib/format/format-number';
import type { StepGroup } from './live-comparison';

/** "12,430 users newly blocked at `security_review`" — code in backticks, for the view to set as code. */
export function stepGroupWords(group: StepGroup): string {
  const users = `${formatCount(group.users)} ${group.users === 1 ? 'user' : 'users'}`;
  const step = group.step === undefined ? undefined : `\`${group.step}\``;
  switch (group.kind) {
    case 'newly-blocked':
      return step ? `${users} newly blocked at ${step}` : `${users} newly blocked (the server names no step)`;
    case 'newly-errored':
      return step ? `${users} newly errored at ${step}` : `${users} newly errored before the first step`;
    case 'newly-approved':
      return step ? `${users} newly approved, waiting for ${step}` : `${users} newly approved outright`;
  }
}
