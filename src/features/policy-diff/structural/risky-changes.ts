import { parseGoDuration } from '@/lib/duration/parse-go-duration';
import type { EntityChange, FieldChange } from './types';

/**
 * Which changes let more through, and so deserve a second look before anyone relies on them:
 * permanent access turned on (or a permanent option added), an auto-approval added or widened,
 * approvers or a whole approval step removed, a failing step no longer stopping the appeal.
 * Said in words, for the summary to mark and list first.
 */

const isPermanent = (duration: string) => {
  const parsed = parseGoDuration(duration);
  return parsed.ok && parsed.nanoseconds === 0n;
};

/** `a` → `(a) && b` or `a && b`: the new condition only adds a requirement, so it lets fewer through. */
function onlyNarrowed(before: string | undefined, after: string | undefined): boolean {
  if (before === undefined || after === undefined) return false;
  const old = before.trim();
  const next = after.trim();
  return next.startsWith(`(${old}) && `) || next.startsWith(`${old} && `);
}

function fieldRisk(change: EntityChange, field: FieldChange): string | undefined {
  const on = field.format === 'boolean' && field.after === 'on';
  switch (field.field) {
    case 'allow_permanent_access':
      return on ? 'permanent access turned on' : undefined;
    case 'allow_failed':
      return on ? 'a failing step no longer stops the appeal' : undefined;
    case 'strategy':
      return field.after === 'auto' ? 'auto-approval added' : undefined;
    case 'approve_if':
      if (change.entity !== 'step' || field.after === undefined) return undefined;
      if (field.kind === 'added') return 'auto-approval added';
      return onlyNarrowed(field.before, field.after) ? undefined : 'auto-approval condition widened or rewritten';
    case 'approvers':
      return field.list?.items.some((item) => item.change === 'removed') ? 'approvers removed' : undefined;
    default:
      return undefined;
  }
}

/** Why `change` (or, for policy-wide settings, its one `field`) is risky; undefined when it is not. */
export function riskOf(change: EntityChange, fields: readonly FieldChange[] = change.fields): string | undefined {
  if (change.entity === 'step' && change.kind === 'removed') return 'an approval step removed';
  if (change.entity === 'duration option' && change.kind === 'added' && isPermanent(change.key)) {
    return 'a permanent option added';
  }
  if (change.entity === 'step' && change.kind === 'added') {
    const auto = change.fields.some((f) => f.field === 'strategy' && f.after === 'auto');
    const failing = change.fields.some((f) => f.field === 'allow_failed' && f.after === 'on');
    return auto ? 'auto-approval added' : failing ? 'a failing step no longer stops the appeal' : undefined;
  }
  if (change.kind === 'removed') return undefined;
  for (const field of fields) {
    const risk = fieldRisk(change, field);
    if (risk) return risk;
  }
  return undefined;
}
