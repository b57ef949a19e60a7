import type { Policy } from '@/lib/api/guardian/policy-schema';
import { packDiff, type PackedDiff } from './packed-rows';
import { policyLineDiff } from './policy-line-diff';

/**
 * Everything the line view needs, from two versions: both YAML documents, their line diff, and the
 * rows to show (folded; unified and side by side). Runs in the worker for big documents.
 */
export function packedPolicyDiff(before: Policy, after: Policy, timeoutMs?: number): PackedDiff {
  return packDiff(policyLineDiff(before, after, timeoutMs));
}
