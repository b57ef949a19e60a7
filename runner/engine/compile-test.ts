import type { TestPolicy } from '../../server/policy-tests-api';
import { policySchema } from '../../src/lib/api/guardian/policy-schema';
import {
  ERRORED,
  NO_STEP,
  compilePolicy,
  defaultAppealRequest,
  packVerdict,
  reasonCode,
  type IamAnswer,
} from '../../src/lib/appeal';
import { accessEvaluator } from '../../mocks/engine/access-evaluator';
import type { Target } from '../../mocks/engine/expressions';
import { guardianEvaluator } from '../../mocks/engine/guardian-evaluator';
import { combineEvaluators, type UserEvaluator } from '../../mocks/engine/outcome';
import { IAM_FAILURE, type IamRecord } from '../directory/iam-directory';

/**
 * A test's policies compiled once for the shared appeal simulation (src/lib/appeal): each user's
 * directory record is the IAM `http` provider's answer, mapped into `$appeal.creator` through the
 * policy's `iam.schema` exactly as Guardian does, then the steps are walked. `evaluate` gives the
 * packed verdict (outcome, reason, deciding step in 24 bits). `keys` are the record keys the
 * policies read (undefined: all of them), so a million-user test builds only those.
 */
export interface CompiledTest {
  keys: ReadonlySet<string> | undefined;
  needsEmail: boolean;
  evaluate(email: string, record: Record<string, unknown>): number;
}

/** A test whose policy cannot even be compiled: every user errors, at no step. */
export const UNCOMPILABLE = packVerdict(ERRORED, reasonCode('invalid_step'), NO_STEP);

/** `now`: when the test started, the evaluation time every user's appeal reads (`now()`). */
export function compileTest(policies: readonly TestPolicy[], target: Target, now: number): CompiledTest {
  let keys: Set<string> | undefined = new Set();
  const evaluators: UserEvaluator[] = policies.map((p) => {
    if (p.kind === 'access') {
      keys = undefined;
      return accessEvaluator(p.policy);
    }
    const policy = policySchema.parse(p.policy);
    const request = defaultAppealRequest(policy);
    const program = compilePolicy(policy, { target, request, now });
    if (program.responseKeys === 'all') keys = undefined;
    else if (keys) for (const key of program.responseKeys) keys.add(key);
    return guardianEvaluator(policy, target, now, request);
  });
  const evaluate = combineEvaluators(evaluators);
  const user = { email: '', iam: { ok: true, body: {} } as IamAnswer, record: {} as never };
  return {
    keys,
    needsEmail: evaluate.needsEmail,
    evaluate(email, record) {
      const failure = (record as IamRecord)[IAM_FAILURE];
      user.email = email;
      user.iam = failure === undefined ? { ok: true, body: record } : { ok: false, message: failure };
      user.record = record as never;
      return evaluate(user);
    },
  };
}
