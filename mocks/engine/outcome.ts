import type { CreatorProfile } from '../directory/directory';

/** A user's result, one byte per user in a test's outcome array. */
export const APPROVED = 0;
export const BLOCKED = 1;
export const ERRORED = 2;
export type Outcome = typeof APPROVED | typeof BLOCKED | typeof ERRORED;

/** The words the policy tester reports a user with. */
export const OUTCOME_WORDS = ['approved', 'blocked', 'error'] as const;

export interface UserEvaluator {
  (profile: CreatorProfile): Outcome;
  /** The creator fields (FIELD_BITS mask) the evaluator reads. */
  fields: number;
}

/** Several policies in one test: approved only when every one approves; an error wins over a block. */
export function combineEvaluators(evaluators: readonly UserEvaluator[]): UserEvaluator {
  if (evaluators.length === 1) return evaluators[0]!;
  const combined = (profile: CreatorProfile): Outcome => {
    let worst: Outcome = APPROVED;
    for (const evaluate of evaluators) {
      const outcome = evaluate(profile);
      if (outcome > worst) worst = outcome;
      if (worst === ERRORED) break;
    }
    return worst;
  };
  return Object.assign(combined, { fields: evaluators.reduce((mask, e) => mask | e.fields, 0) });
}
