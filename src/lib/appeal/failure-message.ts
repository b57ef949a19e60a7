import type { AppealTrace } from './trace-appeal';
import { ERRORED } from './verdict';

/**
 * The words of the failure behind an errored appeal, when it has any: the message of the expression
 * that failed (with its line and column), or why the creator could not be built. Other errors (nil,
 * a non-email approver, no approvers) are said fully by their reason; they have no message.
 */
export function failureMessage(trace: AppealTrace): string | undefined {
  const { outcome, reason, step } = trace.verdict;
  if (outcome !== ERRORED) return undefined;
  if (reason === 'creator_lookup_failed' || reason === 'creator_schema_error') return trace.creator.failure?.message;
  const steps = step === undefined ? trace.steps : [trace.steps[step]!];
  for (const s of steps) {
    const expressions =
      reason === 'when_error'
        ? [s.when]
        : reason === 'approve_if_error'
          ? [s.approveIf]
          : reason === 'approver_error'
            ? s.approvers.map((a) => a.expression)
            : reason === 'budget_exceeded'
              ? [s.when, s.approveIf, ...s.approvers.map((a) => a.expression)]
              : [];
    const failed = expressions.find((e) => e?.error);
    if (failed?.error) {
      const at = failed.error.start ? ` (at ${failed.error.start.line}:${failed.error.start.column})` : '';
      return `${failed.error.message}${at}`;
    }
  }
  return undefined;
}
