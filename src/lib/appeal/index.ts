/**
 * One appeal simulation: how Guardian builds `$appeal` and walks a policy's steps for it. The mock
 * engine, the Guardian test runner, the trace view, policy test cases and the editor's checks all
 * call this module; nothing else re-implements a step rule.
 *
 * - Fast: `compilePolicy` once per test, then `walkAppeal` per user → a packed verdict (verdict.ts).
 * - Traced: `traceAppeal` → every step, expression, value read and error, for a person to read.
 */
export {
  APPROVED,
  BLOCKED,
  ERRORED,
  NO_STEP,
  OUTCOME_WORDS,
  REASONS,
  outcomeOf,
  packVerdict,
  reasonCode,
  unpackVerdict,
  type Outcome,
  type Reason,
} from './verdict';
export { defaultAppealRequest, type AppealRequest, type IamAnswer } from './appeal-request';
export { ExpressionFailure, cachedAppealExpression } from './appeal-expression';
export { compilePolicy, type PolicyProgram } from './policy-program';
export { walkAppeal } from './walk-appeal';
export { appealTracer, traceAppeal, type AppealCreator, type Tracer } from './trace-appeal';
export { failureMessage } from './failure-message';
export type { AppealTrace, ApproverTrace, StepTrace } from './trace-appeal';
export type { ExpressionTrace } from './expression-recorder';
export { findPolicyRisks, placeWords, type RiskPlace } from './policy-risks';
