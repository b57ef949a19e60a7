import { guardianTruthiness } from '../expr';
import { ExpressionFailure, type AppealExpression } from './appeal-expression';
import type { IamAnswer } from './appeal-request';
import { isEmail } from '../guardian-rules/is-email';
import { buildCreator, CreatorFailure } from './creator-mapping';
import type { ApproverProgram, PolicyProgram, StepProgram } from './policy-program';
import { APPROVED, BLOCKED, ERRORED, NO_STEP, packVerdict, reasonCode, type Reason } from './verdict';

/**
 * How Guardian walks an appeal through a policy when the appeal is created — the one definition
 * every engine, trace, test case and check calls (raystack core/appeal/service.go `Create`,
 * domain/appeal.go `ApplyPolicy` + `AdvanceApproval`, domain/policy.go `ResolveApprovers`):
 *
 * 1. The creator: see creator-mapping.ts. A failure there fails the appeal before any step.
 * 2. Approvers of every manual step, in step order, before any `when` runs: a literal valid email
 *    is taken as is; an expression must give a string or a list of strings (nil, another type or
 *    an error fails the appeal, even for a step `when` would skip); then every approver must be a
 *    valid email.
 * 3. goto/guardian only: every later step's `when` is evaluated up front; an error fails the
 *    appeal, a falsy value skips that step.
 * 4. The steps in order. `when` falsy (Go's IsZero: false, 0, "") skips the step; nil or an error
 *    fails the appeal. auto: `approve_if` truthy passes, falsy blocks (skips with `allow_failed`),
 *    nil or an error fails. manual: the appeal waits for one of its approvers; the walk goes on as
 *    if they approved (Guardian runs the rest when they do). A manual step without approvers
 *    would wait forever: an error here.
 *
 * The fast path (no observer) returns the packed verdict only; a trace passes an observer.
 */
export type StepState = 'passed' | 'skipped' | 'blocked' | 'failed-allowed' | 'waits' | 'error';

type ExpressionOutcome = { ok: true; value: unknown } | { ok: false; failure: ExpressionFailure };

export interface WalkObserver {
  creator(creator: unknown): void;
  approver(step: StepProgram, approver: ApproverProgram, outcome: ExpressionOutcome | undefined): void;
  condition(step: StepProgram, which: 'when' | 'approveIf', outcome: ExpressionOutcome, early: boolean): void;
  state(step: StepProgram, state: StepState): void;
}

const FAILED: unique symbol = Symbol('failed');
let lastFailure: ExpressionFailure | undefined;

let runOptions: PolicyProgram['runOptions'] | undefined;

function run(expression: AppealExpression, env: Record<string, unknown>): unknown {
  try {
    return expression.run(env, runOptions);
  } catch (error) {
    if (!(error instanceof ExpressionFailure)) throw error;
    lastFailure = error;
    return FAILED;
  }
}

function outcomeOf(value: unknown): ExpressionOutcome {
  return value === FAILED ? { ok: false, failure: lastFailure! } : { ok: true, value };
}

const error = (reason: Reason, step: number) => packVerdict(ERRORED, reasonCode(reason), step);

/** The reason for the expression that just failed: a trace that ran out of time says so instead. */
function failed(reason: Reason): Reason {
  return lastFailure?.kind === 'budget' ? 'budget_exceeded' : reason;
}

/** The number of approvers a manual step resolves to, or -1 - the reason code it fails with. */
function resolveApprovers(step: StepProgram, env: Record<string, unknown>, observer?: WalkObserver): number {
  let count = 0;
  let notEmail = false;
  for (const approver of step.approvers) {
    if (approver.literal) {
      count++;
      observer?.approver(step, approver, undefined);
      continue;
    }
    const resolved = approver.constant
      ? (approver.resolved ??= approversIn(run(approver.expression!, env)))
      : approversIn(observed(step, approver, run(approver.expression!, env), observer));
    if (resolved === NOT_EMAIL) notEmail = true;
    else if (resolved < 0) return resolved;
    else count += resolved;
  }
  return notEmail ? NOT_EMAIL : count;
}

function observed(step: StepProgram, approver: ApproverProgram, value: unknown, observer?: WalkObserver): unknown {
  observer?.approver(step, approver, outcomeOf(value));
  return value;
}

const NOT_EMAIL = -1 - reasonCode('approver_not_email');

/**
 * How many approvers one expression's value gives, or -1 - the reason it fails with. A non-email
 * (NOT_EMAIL) fails only after every approver of the step resolved: Guardian validates the list last.
 */
function approversIn(value: unknown): number {
  if (value === FAILED) return -1 - reasonCode(failed('approver_error'));
  if (value === null || value === undefined) return -1 - reasonCode('approver_nil');
  if (typeof value === 'string') return isEmail(value) ? 1 : NOT_EMAIL;
  if (!Array.isArray(value)) return -1 - reasonCode('approver_wrong_type');
  let notEmail = false;
  for (const item of value) {
    if (typeof item !== 'string') return -1 - reasonCode('approver_wrong_type');
    notEmail ||= !isEmail(item);
  }
  return notEmail ? NOT_EMAIL : value.length;
}

export function walkAppeal(
  program: PolicyProgram,
  createdBy: string,
  answer: IamAnswer,
  observer?: WalkObserver,
): number {
  runOptions = program.runOptions;
  const creator = buildCreator(program.creator, answer, program.allowCreatorFailure, program.mappedKeys, runOptions);
  observer?.creator(creator);
  if (creator instanceof CreatorFailure) return error(creator.reason, NO_STEP);
  const { resolving, advancing } = program.documents;
  resolving.account_id = advancing.account_id = createdBy;
  resolving.created_by = advancing.created_by = createdBy;
  resolving.creator = advancing.creator = creator;

  const steps = program.steps;
  const counts = program.approverCounts;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    if (step.strategy !== 'manual') continue;
    const resolved = resolveApprovers(step, program.resolvingEnv, observer);
    if (resolved < 0) {
      observer?.state(step, 'error');
      return packVerdict(ERRORED, -1 - resolved, i);
    }
    counts[i] = resolved;
  }

  const env = program.advancingEnv;
  const skipped = program.skippedEarly;
  skipped.fill(0);
  if (program.eagerWhen) {
    for (let i = 1; i < steps.length; i++) {
      const step = steps[i]!;
      if (!step.when) continue;
      const value = run(step.when, env);
      observer?.condition(step, 'when', outcomeOf(value), true);
      if (value === FAILED) return stepError(step, failed('when_error'), observer);
      const t = guardianTruthiness(value);
      if (t === 'fails') return stepError(step, 'when_nil', observer);
      skipped[i] = t === 'falsy' ? 1 : 2;
    }
  }

  let firstWait = -1;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    if (skipped[i] === 1) {
      observer?.state(step, 'skipped');
      continue;
    }
    if (step.when && skipped[i] !== 2) {
      const value = run(step.when, env);
      observer?.condition(step, 'when', outcomeOf(value), false);
      if (value === FAILED) return stepError(step, failed('when_error'), observer);
      const t = guardianTruthiness(value);
      if (t === 'fails') return stepError(step, 'when_nil', observer);
      if (t === 'falsy') {
        observer?.state(step, 'skipped');
        continue;
      }
    }
    if (step.strategy === 'auto') {
      if (!step.approveIf) return stepError(step, 'invalid_step', observer);
      const value = run(step.approveIf, env);
      observer?.condition(step, 'approveIf', outcomeOf(value), false);
      if (value === FAILED) return stepError(step, failed('approve_if_error'), observer);
      const t = guardianTruthiness(value);
      if (t === 'fails') return stepError(step, 'approve_if_nil', observer);
      if (t === 'falsy') {
        if (step.allowFailed) {
          observer?.state(step, 'failed-allowed');
          continue;
        }
        observer?.state(step, 'blocked');
        return packVerdict(BLOCKED, reasonCode('approve_if_false'), i);
      }
      observer?.state(step, 'passed');
    } else if (step.strategy === 'manual') {
      if (counts[i] === 0) return stepError(step, 'no_approvers', observer);
      observer?.state(step, 'waits');
      if (firstWait < 0) firstWait = i;
    } else return stepError(step, 'invalid_step', observer);
  }
  return firstWait >= 0
    ? packVerdict(APPROVED, reasonCode('awaits_approval'), firstWait)
    : packVerdict(APPROVED, reasonCode('approved'), NO_STEP);
}

function stepError(step: StepProgram, reason: Reason, observer?: WalkObserver): number {
  observer?.state(step, 'error');
  return error(reason, step.index);
}
