import type { Policy } from '../api/guardian/policy-schema';
import type { Target, TraceHooks } from '../expr';
import { appealDocuments, type AppealDocuments } from './appeal-document';
import { cachedAppealExpression, compileAppealExpression, type AppealExpression } from './appeal-expression';
import type { AppealRequest } from './appeal-request';
import { isEmail } from '../guardian-rules/is-email';
import { creatorPlan, responseKeysFor, type CreatorPlan } from './creator-mapping';

/**
 * A policy version compiled once for one appeal request (resource, role) and one target; then
 * `walkAppeal` runs it per creator. Holds everything that does not depend on who files the appeal.
 */
export interface ApproverProgram {
  source: string;
  /** Guardian's own test: a valid email is taken as it is, anything else is an expression. */
  literal: boolean;
  expression?: AppealExpression;
  /** The same for every creator (fast program only): the walk resolves it once. */
  constant: boolean;
  /** What it resolved to the first time: a count of approvers, or -1 - a reason code. */
  resolved?: number;
}

export interface StepProgram {
  index: number;
  name: string;
  strategy: string;
  when?: AppealExpression;
  approveIf?: AppealExpression;
  approvers: ApproverProgram[];
  allowFailed: boolean;
}

export interface PolicyProgram {
  target: Target;
  steps: StepProgram[];
  creator: CreatorPlan;
  allowCreatorFailure: boolean;
  /** goto/guardian evaluates every later step's `when` before walking (see walk-appeal.ts). */
  eagerWhen: boolean;
  documents: AppealDocuments;
  /** `{ $appeal }` environments over the two documents, built once. */
  resolvingEnv: Record<string, unknown>;
  advancingEnv: Record<string, unknown>;
  /** Whether anything reads who files the appeal (`account_id`, `created_by`, the whole appeal). */
  readsCreatedBy: boolean;
  /** Creator keys the steps read; undefined when something reads the creator as a whole. */
  creatorKeys: ReadonlySet<string> | undefined;
  /** The schema keys a walk maps: only those read (fast), or all of them (a trace shows the creator). */
  mappedKeys: ReadonlySet<string> | undefined;
  /** Top-level keys of the IAM answer the walk needs ('all': the whole answer). */
  responseKeys: ReadonlySet<string> | 'all';
  /** The evaluation time every expression of a walk reads (`now()`), and its time budget. */
  runOptions: { now: number; timeBudgetMs?: number };
  /** Scratch space for one walk (walks are synchronous). */
  approverCounts: Int32Array;
  skippedEarly: Uint8Array;
}

export interface ProgramOptions {
  target: Target;
  request: AppealRequest;
  /** The evaluation time (`now()`), epoch ms; a trace may change it per walk. */
  now: number;
  /** Trace hooks per expression; absent for the fast, memoising program. */
  trace?: (place: ExpressionPlace) => TraceHooks;
}

export type ExpressionPlace =
  | { kind: 'when' | 'approveIf'; step: number }
  | { kind: 'approver'; step: number; approver: number }
  | { kind: 'schema'; key: string };

const USER_PATHS = ['$appeal.creator', '$appeal.account_id', '$appeal.created_by'];

/** Whether an expression's value can differ between two creators of the same appeal. */
function readsTheCreator(expression: AppealExpression): boolean {
  const reads = expression.reads;
  if (reads === undefined) return true;
  return reads.some((path) => path === '$appeal' || USER_PATHS.some((p) => path === p || path.startsWith(`${p}.`)));
}

/**
 * An expression that reads nothing of the creator gives the same value (or the same error) for
 * every user of a test: evaluate it once. Only the fast program does this; a trace records reads.
 */
function memoised(expression: AppealExpression): AppealExpression {
  if (readsTheCreator(expression)) return expression;
  let done = false;
  let value: unknown;
  let failure: unknown;
  return {
    ...expression,
    run: (env, options) => {
      if (!done) {
        try {
          value = expression.run(env, options);
        } catch (error) {
          failure = error;
        }
        done = true;
      }
      if (failure !== undefined) throw failure;
      return value;
    },
  };
}

function approverExpression(source: string, expression: AppealExpression, fast: boolean): ApproverProgram {
  return { source, literal: false, expression, constant: fast && !readsTheCreator(expression) };
}

function readsWhoFiles(expressions: readonly AppealExpression[]): boolean {
  return expressions.some(
    (e) =>
      e.reads === undefined ||
      e.reads.some((p) => p === '$appeal' || p.startsWith('$appeal.account_id') || p.startsWith('$appeal.created_by')),
  );
}

function creatorKeysRead(expressions: readonly AppealExpression[]): Set<string> | undefined {
  const keys = new Set<string>();
  for (const expression of expressions) {
    for (const path of expression.reads ?? []) {
      if (path === '$appeal' || path === '$appeal.creator') return undefined;
      if (path.startsWith('$appeal.creator.')) keys.add(path.slice('$appeal.creator.'.length).split('.')[0]!);
    }
  }
  return keys;
}

export function compilePolicy(
  policy: Pick<Policy, 'id' | 'version' | 'steps' | 'iam' | 'appeal'>,
  options: ProgramOptions,
): PolicyProgram {
  const { target, trace } = options;
  const compileAt = (source: string, place: ExpressionPlace): AppealExpression =>
    trace ? compileAppealExpression(source, target, trace(place)) : memoised(cachedAppealExpression(source, target));
  const steps: StepProgram[] = policy.steps.map((step, index) => ({
    index,
    name: step.name,
    strategy: step.strategy,
    when: step.when ? compileAt(step.when, { kind: 'when', step: index }) : undefined,
    approveIf: step.approveIf ? compileAt(step.approveIf, { kind: 'approveIf', step: index }) : undefined,
    approvers:
      step.strategy === 'manual'
        ? step.approvers.map((source, approver) =>
            isEmail(source)
              ? { source, literal: true, constant: true }
              : approverExpression(source, compileAt(source, { kind: 'approver', step: index, approver }), !trace),
          )
        : [],
    allowFailed: step.allowFailed,
  }));
  const expressions = steps.flatMap((s) => [
    ...(s.when ? [s.when] : []),
    ...(s.approveIf ? [s.approveIf] : []),
    ...s.approvers.flatMap((a) => (a.expression ? [a.expression] : [])),
  ]);
  const creator = creatorPlan(policy, target, trace && ((key) => trace({ kind: 'schema', key })));
  const creatorKeys = creatorKeysRead(expressions);
  const documents = appealDocuments({ id: policy.id, version: policy.version }, options.request);
  return {
    target,
    steps,
    creator,
    allowCreatorFailure: policy.appeal?.allowCreatorDetailsFailure ?? false,
    eagerWhen: target === 'guardian-1.15',
    documents,
    resolvingEnv: { $appeal: documents.resolving },
    advancingEnv: { $appeal: documents.advancing },
    readsCreatedBy: readsWhoFiles(expressions),
    creatorKeys,
    mappedKeys: trace ? undefined : creatorKeys,
    responseKeys: responseKeysFor(creator, creatorKeys ?? 'all'),
    runOptions: { now: options.now },
    approverCounts: new Int32Array(steps.length),
    skippedEarly: new Uint8Array(steps.length),
  };
}
