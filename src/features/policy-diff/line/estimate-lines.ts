import type { Policy } from '@/lib/api/guardian/policy-schema';

/** Roughly how many YAML lines a policy makes, without writing it: to choose worker or not. */
export function estimateLines(policy: Policy): number {
  let lines = 10 + Object.keys(policy.labels).length + policy.requirements.length * 10;
  for (const step of policy.steps) lines += 4 + step.approvers.length;
  lines += (policy.appeal?.durationOptions.length ?? 0) * 2 + (policy.appeal?.questions.length ?? 0) * 4;
  return lines;
}
