import type { Policy } from '@/lib/api/guardian/policy-schema';
import { policyDocument } from '@/lib/policy-document';
import { lineDiff, type LineDiffResult } from './line-diff';

/**
 * The line diff of two versions' normalised YAML. Only the new side says "(changed)" for a
 * rotated secret, so a changed secret is one changed line and an unchanged one is no line at all.
 * Serialising a big policy costs as much as diffing it, so both run here, in the worker when big.
 */
export function policyLineDiff(before: Policy, after: Policy, timeoutMs?: number): LineDiffResult {
  const a = policyDocument(before, 'yaml', { metadata: false });
  const b = policyDocument(after, 'yaml', { metadata: false, compareTo: before });
  return lineDiff(a, b, timeoutMs);
}
