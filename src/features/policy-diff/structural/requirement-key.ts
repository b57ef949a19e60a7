import type { AdditionalAppeal, Requirement } from '@/lib/api/guardian/policy-schema';
import { stableJson } from '@/lib/guardian-rules/sort-keys';

/**
 * A requirement has no name: it is told by what triggers it. The key lists the trigger's set fields
 * in a fixed order, so the same trigger always gives the same key: `provider_type=bigquery role=viewer`.
 */
export function requirementKey(requirement: Requirement): string {
  const on = requirement.on;
  const parts: string[] = [];
  const add = (name: string, value: unknown) => {
    if (value !== undefined && value !== '')
      parts.push(`${name}=${typeof value === 'string' ? value : stableJson(value)}`);
  };
  add('provider_type', on.providerType);
  add('provider_urn', on.providerUrn);
  add('resource_type', on.resourceType);
  add('resource_urn', on.resourceUrn);
  add('role', on.role);
  for (const condition of on.conditions) add('condition', condition);
  add('expression', on.expression);
  return parts.length > 0 ? parts.join(' ') : '(no trigger)';
}

/** One additional appeal in a line: what access it asks for. */
export function describeAdditionalAppeal(appeal: AdditionalAppeal): string {
  const r = appeal.resource ?? {};
  const resource = r.urn ?? r.id ?? '?';
  const where = [r.providerType, r.type].filter(Boolean).join(' ');
  const extra = [
    appeal.options?.duration ? `for ${appeal.options.duration}` : undefined,
    appeal.options?.expirationDate ? `until ${appeal.options.expirationDate}` : undefined,
    appeal.policy?.id
      ? `policy ${appeal.policy.id}${appeal.policy.version ? ` v${appeal.policy.version}` : ''}`
      : undefined,
  ].filter(Boolean);
  return `${appeal.role ?? '(no role)'} on ${where ? `${where} ` : ''}${resource}${extra.length ? ` (${extra.join(', ')})` : ''}`;
}
