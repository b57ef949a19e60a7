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

/** Roughly how many YAML lines a policy makes, without writing it: to choose worker or not. */
export function estimateLines(policy: Policy): number {
  let lines = 10 + Object.keys(policy.labels).length + policy.requirements.length * 10;
  for (const step of policy.steps) lines += 4 + step.approvers.length;
  lines += (policy.appeal?.durationOptions.length ?? 0) * 2 + (policy.appeal?.questions.length ?? 0) * 4;
  return lines;
}
