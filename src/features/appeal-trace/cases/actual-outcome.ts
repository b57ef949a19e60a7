import type { AppealTrace } from '@/lib/appeal';
import { approversOf } from '@/lib/appeal/describe-trace';
import type { Expectation } from './test-case';

/** What a trace came to, as an expectation would say it. */
export function actualOutcome(trace: AppealTrace): Expectation {
  const step = trace.verdict.step === undefined ? undefined : trace.steps[trace.verdict.step]?.name;
  if (trace.verdict.outcome === 0) {
    if (trace.verdict.reason === 'approved') return { outcome: 'approved' };
    const first = trace.steps.find((s) => s.state === 'waits');
    return { outcome: 'waits', step, approvers: first ? approversOf(first).sort() : [] };
  }
  if (trace.verdict.outcome === 1) return { outcome: 'blocked', step: step ?? '?' };
  return step === undefined ? { outcome: 'error' } : { outcome: 'error', step };
}
