import type { Policy } from '@/lib/api/guardian/policy-schema';
import { policyToWire } from '@/lib/api/guardian/policy-wire';
import { stableJson } from '@/lib/guardian-rules/sort-keys';

/** What a version says, without what the server stamps on it (version, author, timestamps). */
export function policyContent(policy: Policy): Policy {
  const { createdAt: _a, updatedAt: _u, createdBy: _c, ...content } = policy;
  return { ...content, version: 0 };
}

/**
 * A canonical text of a policy's content: equal exactly when Guardian would store the same policy.
 * The one comparison of "is this what I sent?" (after a lost answer) and "did anything change?".
 */
export function contentKey(policy: Policy): string {
  return stableJson(policyToWire(policyContent(policy), { omitZero: true }));
}
export const sameContent = (a: Policy, b: Policy): boolean => contentKey(a) === contentKey(b);
