/**
 * What one simulated appeal comes to, packed into a 24-bit integer so an engine can keep it for a
 * million users in 3 bytes each: the outcome (2 bits), the reason (6 bits) and the deciding step
 * (16 bits; NO_STEP when no step decided, e.g. the creator lookup failed or every step passed).
 */
export const APPROVED = 0;
export const BLOCKED = 1;
export const ERRORED = 2;
export type Outcome = typeof APPROVED | typeof BLOCKED | typeof ERRORED;

/** The words the policy tester reports a user with. */
export const OUTCOME_WORDS = ['approved', 'blocked', 'error'] as const;

export const REASONS = [
  /** Every step passed or was skipped without anyone's approval. */
  'approved',
  /** Approved once the approvers of the manual steps approve; the step is the first of them. */
  'awaits_approval',
  'approve_if_false',
  'when_error',
  'when_nil',
  'approve_if_error',
  'approve_if_nil',
  'approver_error',
  'approver_nil',
  'approver_wrong_type',
  'approver_not_email',
  /** A manual step whose approvers resolved to an empty list: the appeal would wait forever. */
  'no_approvers',
  /** A step Guardian cannot advance: an unknown strategy, or `auto` without `approve_if`. */
  'invalid_step',
  'creator_lookup_failed',
  'creator_schema_error',
  /** The trace stopped the evaluation: it did too much work for the time budget. */
  'budget_exceeded',
] as const;
export type Reason = (typeof REASONS)[number];

const REASON_CODES = new Map<Reason, number>(REASONS.map((r, i) => [r, i]));
export function reasonCode(reason: Reason): number {
  return REASON_CODES.get(reason)!;
}

export const NO_STEP = 0xffff;

export interface Verdict {
  outcome: Outcome;
  reason: Reason;
  /** The deciding step's index, or undefined. */
  step: number | undefined;
}

export function packVerdict(outcome: Outcome, reason: number, step: number): number {
  return outcome | (reason << 2) | (Math.min(step, NO_STEP) << 8);
}

export function outcomeOf(packed: number): Outcome {
  return (packed & 3) as Outcome;
}

export function unpackVerdict(packed: number): Verdict {
  const step = packed >>> 8;
  return {
    outcome: outcomeOf(packed),
    reason: REASONS[(packed >>> 2) & 63] ?? 'invalid_step',
    step: step === NO_STEP ? undefined : step,
  };
}

/** A reason in a few words, for a table cell ("why"): the step name goes beside it. */
export const REASON_WORDS: Record<Reason, string> = {
  approved: 'approved automatically',
  awaits_approval: 'waits for manual approval',
  approve_if_false: '`approve_if` was false',
  when_error: '`when` failed',
  when_nil: '`when` gave nil',
  approve_if_error: '`approve_if` failed',
  approve_if_nil: '`approve_if` gave nil',
  approver_error: 'an approver expression failed',
  approver_nil: 'an approver expression gave nil',
  approver_wrong_type: 'an approver is not a string or a list of strings',
  approver_not_email: 'an approver is not an email address',
  no_approvers: 'no approvers: the appeal would wait forever',
  invalid_step: 'the step cannot run (strategy or `approve_if` missing)',
  creator_lookup_failed: 'the IAM lookup of the creator failed',
  creator_schema_error: 'an IAM schema expression failed',
  budget_exceeded: 'stopped: too much work for the time budget',
};
