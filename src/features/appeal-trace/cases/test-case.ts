import type { AppealRequest, IamAnswer } from '@/lib/appeal';
import type { Target } from '@/lib/expr';

/**
 * A policy test case: one appeal (who files it, what the IAM answers for them, what they ask for,
 * when) and the outcome it should have. Steps are named, not numbered, so a case survives steps
 * being added or moved; a case naming a step the policy no longer has fails and says so.
 */
export type Expectation =
  | { outcome: 'approved' }
  | { outcome: 'waits'; step?: string; approvers?: string[] }
  | { outcome: 'blocked'; step: string }
  | { outcome: 'error'; step?: string };

export interface TestCase {
  name: string;
  createdBy: string;
  iam: IamAnswer;
  request: AppealRequest;
  /** The server target to run on; absent: the one in Settings. */
  target?: Target;
  /** The evaluation time, ISO 8601. */
  at: string;
  expect: Expectation;
}

export const OUTCOME_NAMES = ['approved', 'waits', 'blocked', 'error'] as const;

/** The expectation in words: "blocked at `security_review`". */
export function describeExpectation(expectation: Expectation): string {
  switch (expectation.outcome) {
    case 'approved':
      return 'approved';
    case 'waits':
      return `waits for ${expectation.approvers?.length ? expectation.approvers.join(', ') : 'approval'}${expectation.step ? ` at \`${expectation.step}\`` : ''}`;
    case 'blocked':
      return `blocked at \`${expectation.step}\``;
    case 'error':
      return expectation.step ? `an error at \`${expectation.step}\`` : 'an error';
  }
}
