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
  REASON_WORDS,
  outcomeOf,
  packVerdict,
  reasonCode,
  unpackVerdict,
  type Outcome,
  type Reason,
  type Verdict,
} from './verdict';
export { defaultAppealRequest, type AppealRequest, type AppealResource, type IamAnswer } from './appeal-request';
export { appealDocuments, type AppealDocuments } from './appeal-document';
export { ExpressionFailure, compileAppealExpression, cachedAppealExpression } from './appeal-expression';
export type { AppealExpression } from './appeal-expression';
export { creatorPlan, buildCreator, isSchemaExpression, KNOWN_IAM_PROVIDERS, CreatorFailure } from './creator-mapping';
export type { CreatorPlan, SchemaField } from './creator-mapping';
export { compilePolicy, type PolicyProgram, type StepProgram, type ProgramOptions } from './policy-program';
export { walkAppeal, type StepState, type WalkObserver } from './walk-appeal';
export { appealTracer, traceAppeal, type AppealCreator, type Tracer } from './trace-appeal';
export { failureMessage } from './failure-message';
export type {
  AppealTrace,
  ApproverKind,
  ApproverTrace,
  CreatorFieldTrace,
  CreatorTrace,
  StepTrace,
  TraceInput,
  TraceOptions,
} from './trace-appeal';
export type { ExpressionTrace, ReadTrace, ExpressionErrorTrace } from './expression-recorder';
export { approversOf, formatValue, outcomeSentence, stepStateWords } from './describe-trace';
export { SAMPLE_EMPLOYEE } from './sample-creator';
export { findPolicyRisks, placeWords, type PolicyRisk, type RiskKind, type RiskPlace } from './policy-risks';
