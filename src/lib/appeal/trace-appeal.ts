import type { Policy } from '../api/guardian/policy-schema';
import type { Target } from '../expr';
import type { AppealRequest, IamAnswer } from './appeal-request';
import { isEmail } from '../guardian-rules/is-email';
import { isPlainObject } from '../guardian-rules/plain-object';
import { CreatorFailure, type CreatorPlan } from './creator-mapping';
import { ExpressionRecorder, TraceBudget, notRun, type ExpressionTrace } from './expression-recorder';
import { compilePolicy, type ExpressionPlace, type PolicyProgram } from './policy-program';
import { ERRORED, NO_STEP, packVerdict, reasonCode, unpackVerdict, type Reason, type Verdict } from './verdict';
import { walkAppeal, type StepState } from './walk-appeal';

/** One appeal to trace: who files it (their email and what the IAM answers for them) and what for. */
export interface TraceInput {
  createdBy: string;
  iam: IamAnswer;
  request: AppealRequest;
}

export interface TraceOptions {
  target: Target;
  /** The evaluation time, so that a trace (and a test case) gives the same answer tomorrow. */
  now: number;
  /** Stop expressions after this many milliseconds in all (default 50). */
  budgetMs?: number;
}

type ApproverKind = 'email' | 'not-email' | 'nil' | 'wrong-type';

export interface ApproverTrace {
  source: string;
  /** A literal email, taken as it is without evaluation. */
  literal: boolean;
  expression?: ExpressionTrace;
  /** What it resolved to, item by item (a list gives several). */
  resolved: { value: unknown; kind: ApproverKind }[];
}

export interface StepTrace {
  index: number;
  name: string;
  strategy: string;
  allowFailed: boolean;
  state: StepState | 'not-reached';
  when?: ExpressionTrace;
  approveIf?: ExpressionTrace;
  approvers: ApproverTrace[];
}

interface CreatorFieldTrace {
  key: string;
  from: string;
  value: unknown;
  /** The answer has no field of that name (the key is then nil). */
  missing: boolean;
  expression?: ExpressionTrace;
}

interface CreatorTrace {
  plan: CreatorPlan['kind'];
  lookup: 'not-needed' | 'ok' | 'failed' | 'failed-allowed';
  value: unknown;
  fields: CreatorFieldTrace[];
  failure?: { reason: Reason; message: string };
}

export interface AppealTrace {
  policy: { id: string; version: number };
  target: Target;
  now: number;
  verdict: Verdict & { packed: number };
  creator: CreatorTrace;
  steps: StepTrace[];
  /** `$appeal` as `when` and `approve_if` read it. */
  appeal: Record<string, unknown>;
  elapsedMs: number;
  budgetExceeded: boolean;
  /** Things about the real servers a reader should know for this policy. */
  notes: string[];
}

const DEFAULT_BUDGET_MS = 50;

function approverKind(value: unknown): ApproverKind {
  if (value === null || value === undefined) return 'nil';
  if (typeof value !== 'string') return 'wrong-type';
  return isEmail(value) ? 'email' : 'not-email';
}

function resolvedOf(value: unknown): ApproverTrace['resolved'] {
  if (Array.isArray(value)) return value.map((item) => ({ value: item, kind: approverKind(item) }));
  return [{ value, kind: approverKind(value) }];
}

function serverNotes(policy: Pick<Policy, 'iam'>): string[] {
  const notes: string[] = [];
  const config = policy.iam?.config;
  if (policy.iam?.provider === 'http' && config && (config.auth === undefined || config.auth === null)) {
    notes.push(
      'This IAM config has no `auth`: raystack and goto Guardian dereference it when they build the IAM client, so a real server fails to create any appeal (500). The trace assumes the lookup works.',
    );
  }
  return notes;
}

type TracedPolicy = Pick<Policy, 'id' | 'version' | 'steps' | 'iam' | 'appeal'>;

/** Who files the appeal: their email, and what the IAM answers for them. */
export interface AppealCreator {
  createdBy: string;
  iam: IamAnswer;
}

export type Tracer = (creator: AppealCreator, options: { now: number; budgetMs?: number }) => AppealTrace;

function placeKey(place: ExpressionPlace): string {
  if (place.kind === 'schema') return `schema:${place.key}`;
  if (place.kind === 'approver') return `approver:${place.step}:${place.approver}`;
  return `${place.kind}:${place.step}`;
}

function sourceAt(policy: TracedPolicy, place: ExpressionPlace): string {
  if (place.kind === 'schema') return policy.iam?.schema[place.key] ?? '';
  const step = policy.steps[place.step]!;
  if (place.kind === 'approver') return step.approvers[place.approver] ?? '';
  return (place.kind === 'when' ? step.when : step.approveIf) ?? '';
}

function emptySteps(policy: TracedPolicy): StepTrace[] {
  return policy.steps.map((step, index) => ({
    index,
    name: step.name,
    strategy: step.strategy,
    allowFailed: step.allowFailed,
    state: 'not-reached',
    when: step.when ? notRun(step.when) : undefined,
    approveIf: step.approveIf ? notRun(step.approveIf) : undefined,
    approvers:
      step.strategy === 'manual'
        ? step.approvers.map((source) => ({ source, literal: isEmail(source), resolved: [] }))
        : [],
  }));
}

/**
 * Compiles a policy once for tracing many creators of the same appeal request (the trace view's
 * target switch, a test's users page, a property test). Each trace records everything afresh.
 */
export function appealTracer(policy: TracedPolicy, options: { target: Target; request: AppealRequest }): Tracer {
  const recorders = new Map<string, ExpressionRecorder>();
  let program: PolicyProgram;
  try {
    program = compilePolicy(policy, {
      target: options.target,
      request: options.request,
      now: 0,
      trace: (place) => {
        const recorder = new ExpressionRecorder(sourceAt(policy, place));
        recorders.set(placeKey(place), recorder);
        return recorder;
      },
    });
  } catch (error) {
    return (_creator, { now }) => failedTrace(policy, options.target, now, error);
  }
  const recorder = (place: ExpressionPlace) => recorders.get(placeKey(place))!;
  return (who, { now, budgetMs }) => {
    const started = performance.now();
    const budget = new TraceBudget(budgetMs ?? DEFAULT_BUDGET_MS);
    for (const r of recorders.values()) r.reset(budget);
    program.runOptions.now = now;
    program.runOptions.timeBudgetMs = budget.ms;
    const steps = emptySteps(policy);
    const creator: CreatorTrace = { plan: program.creator.kind, lookup: 'not-needed', value: null, fields: [] };
    let packed: number;
    try {
      packed = walkAppeal(program, who.createdBy, who.iam, {
        creator: (value) => traceCreator(creator, program, who.iam, value, recorder),
        approver: (step, approver, outcome) => {
          const index = step.approvers.indexOf(approver);
          const trace = steps[step.index]!.approvers[index]!;
          if (!outcome) {
            trace.resolved = [{ value: approver.source, kind: 'email' }];
            return;
          }
          trace.expression = recorder({ kind: 'approver', step: step.index, approver: index }).result(outcome);
          if (outcome.ok) trace.resolved = resolvedOf(outcome.value);
        },
        condition: (step, which, outcome) => {
          steps[step.index]![which] = recorder({ kind: which, step: step.index }).result(outcome);
        },
        state: (step, state) => {
          steps[step.index]!.state = state;
        },
      });
    } catch (error) {
      return failedTrace(policy, options.target, now, error);
    }
    return {
      policy: { id: policy.id, version: policy.version },
      target: options.target,
      now,
      verdict: { ...unpackVerdict(packed), packed },
      creator,
      steps,
      appeal: { ...program.documents.advancing },
      elapsedMs: performance.now() - started,
      budgetExceeded: budget.exceeded,
      notes: serverNotes(policy),
    };
  };
}

function traceCreator(
  creator: CreatorTrace,
  program: PolicyProgram,
  answer: IamAnswer,
  value: unknown,
  recorder: (place: ExpressionPlace) => ExpressionRecorder,
): void {
  if (program.creator.kind === 'none' || program.creator.kind === 'unknown-provider') {
    if (value instanceof CreatorFailure) creator.failure = { reason: value.reason, message: value.message };
    return;
  }
  creator.lookup = answer.ok ? 'ok' : value instanceof CreatorFailure ? 'failed' : 'failed-allowed';
  if (value instanceof CreatorFailure) {
    creator.failure = { reason: value.reason, message: value.message };
    if (value.field && value.cause) {
      creator.fields.push({
        key: value.field.key,
        from: value.field.from,
        value: null,
        missing: false,
        expression: recorder({ kind: 'schema', key: value.field.key }).result({ ok: false, failure: value.cause }),
      });
    }
    return;
  }
  creator.value = value;
  if (program.creator.kind !== 'schema' || !answer.ok) return;
  const body = answer.body;
  const isObject = isPlainObject(body);
  for (const field of program.creator.fields) {
    const fieldValue = isObject ? ((value as Record<string, unknown>)[field.key] ?? null) : null;
    creator.fields.push({
      key: field.key,
      from: field.from,
      value: fieldValue,
      missing: !field.expression && (!isObject || !Object.prototype.hasOwnProperty.call(body, field.from)),
      expression: field.expression
        ? recorder({ kind: 'schema', key: field.key }).result({ ok: true, value: fieldValue })
        : undefined,
    });
  }
}

function failedTrace(policy: TracedPolicy, target: Target, now: number, error: unknown): AppealTrace {
  const packed = packVerdict(ERRORED, reasonCode('invalid_step'), NO_STEP);
  return {
    policy: { id: policy.id, version: policy.version },
    target,
    now,
    verdict: { ...unpackVerdict(packed), packed },
    creator: { plan: 'none', lookup: 'not-needed', value: null, fields: [] },
    steps: emptySteps(policy),
    appeal: {},
    elapsedMs: 0,
    budgetExceeded: false,
    notes: [`The trace stopped on an internal error: ${error instanceof Error ? error.message : String(error)}`],
  };
}

/** Walks one appeal with everything recorded. Never throws. */
export function traceAppeal(policy: TracedPolicy, input: TraceInput, options: TraceOptions): AppealTrace {
  const tracer = appealTracer(policy, { target: options.target, request: input.request });
  return tracer({ createdBy: input.createdBy, iam: input.iam }, { now: options.now, budgetMs: options.budgetMs });
}
