import type { Policy } from '../../src/lib/api/guardian/policy-schema';
import { compilePolicy, defaultAppealRequest, walkAppeal, type AppealRequest } from '../../src/lib/appeal';
import { recordMask } from '../directory/iam-record-fields';
import type { Target } from './expressions';
import type { UserEvaluator } from './outcome';

/**
 * A Guardian policy version compiled for a test: every user files the same appeal (the policy's
 * default request, src/lib/appeal/appeal-request.ts) and the shared simulation walks it with their
 * IAM answer as the creator's source.
 */
/** `now`: when the test started, the evaluation time every user's appeal reads (`now()`). */
export function guardianEvaluator(policy: Policy, target: Target, now: number, request?: AppealRequest): UserEvaluator {
  const program = compilePolicy(policy, { target, now, request: request ?? defaultAppealRequest(policy) });
  const evaluate: UserEvaluator = Object.assign(
    (user: Parameters<UserEvaluator>[0]) => walkAppeal(program, user.email, user.iam),
    {
      fields: recordMask(program.responseKeys),
      needsEmail: program.readsCreatedBy,
    },
  );
  return evaluate;
}
