import type { IamAnswer } from '../../src/lib/appeal';
import { ERRORED, outcomeOf } from '../../src/lib/appeal';
import type { IamRecord } from '../directory/directory';

export { APPROVED, BLOCKED, ERRORED, outcomeOf, type Outcome } from '../../src/lib/appeal';

/** One user as a test evaluates them; the engine reuses one object for every user. */
export interface UserUnderTest {
  email: string;
  /** What the IAM answers for them: their record, or a failed lookup. */
  iam: IamAnswer;
  record: IamRecord;
}

export interface UserEvaluator {
  /** The packed verdict (src/lib/appeal/verdict.ts) for one user. */
  (user: UserUnderTest): number;
  /** The record fields (RECORD_BITS mask) the evaluator reads. */
  fields: number;
  /** Whether it reads the user's email (otherwise the engine leaves it empty). */
  needsEmail: boolean;
}

/** Several policies in one test: approved only when every one approves; an error wins over a block. */
export function combineEvaluators(evaluators: readonly UserEvaluator[]): UserEvaluator {
  if (evaluators.length === 1) return evaluators[0]!;
  const combined = (user: UserUnderTest): number => {
    let worst = -1;
    for (const evaluate of evaluators) {
      const verdict = evaluate(user);
      if (worst < 0 || outcomeOf(verdict) > outcomeOf(worst)) worst = verdict;
      if (outcomeOf(worst) === ERRORED) break;
    }
    return worst;
  };
  return Object.assign(combined, {
    fields: evaluators.reduce((mask, e) => mask | e.fields, 0),
    needsEmail: evaluators.some((e) => e.needsEmail),
  });
}
