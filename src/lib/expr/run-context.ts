/**
 * What one evaluation shares across its compiled closures: the instant `now()` returns, and the
 * budgets that stop an expression that would freeze the tab. `run()` resets it before each
 * evaluation (evaluations never nest: no closure calls back into another program's `run`).
 */
import { ExprEvalError } from './errors';
import { timeFromDate, type GoTime } from './go-time';

/**
 * expr's own budget (vm.MemoryBudget, 1e6): the elements of ranges and arrays an evaluation may
 * build before it fails with "memory budget exceeded".
 */
const MEMORY_BUDGET = 1_000_000;
/**
 * The longest expression the console parses. Policies hold expressions of a few hundred
 * characters; a pasted megabyte would otherwise hold the editor for seconds at every keystroke.
 */
export const MAX_EXPRESSION_LENGTH = 50_000;

/** Loop iterations of closures (`all`, `map`, `reduce`, …) one evaluation may run; expr has no such limit. */
const STEP_BUDGET = 5_000_000;
/** Wall-clock time one evaluation's loops may take by default, so no expression freezes the tab. */
export const DEFAULT_TIME_BUDGET_MS = 1000;

interface RunContext {
  /** The injected evaluation time, or null for the wall clock (read once per evaluation). */
  now: Date | number | null;
  current: GoTime | null;
  memory: number;
  steps: number;
  timeBudgetMs: number;
  /** When the first loop step ran (the clock is read only by expressions that loop). */
  loopStart: number;
}

const runContext: RunContext = {
  now: null,
  current: null,
  memory: 0,
  steps: 0,
  timeBudgetMs: DEFAULT_TIME_BUDGET_MS,
  loopStart: 0,
};

export function beginRun(now: Date | number | null, timeBudgetMs: number = DEFAULT_TIME_BUDGET_MS): void {
  runContext.now = now;
  runContext.current = null;
  runContext.memory = 0;
  runContext.steps = 0;
  runContext.timeBudgetMs = timeBudgetMs;
}

/** `now()`: the same instant for every call within one evaluation, so a trace reads one time. */
export function currentTime(): GoTime {
  if (runContext.current) return runContext.current;
  const now = runContext.now;
  const date = now === null ? new Date() : typeof now === 'number' ? new Date(now) : now;
  if (Number.isNaN(date.getTime()))
    throw new ExprEvalError('runtime', 'the evaluation time (`now`) is not a valid date');
  runContext.current = timeFromDate(date);
  return runContext.current;
}

export function chargeMemory(size: number): void {
  runContext.memory += size;
  if (runContext.memory >= MEMORY_BUDGET) throw new ExprEvalError('runtime', 'memory budget exceeded');
}

export function step(): void {
  const steps = ++runContext.steps;
  if (steps === 1) runContext.loopStart = performance.now();
  else if ((steps & 1023) === 0 && performance.now() - runContext.loopStart > runContext.timeBudgetMs) {
    throw new ExprEvalError(
      'runtime',
      `evaluation stopped after ${runContext.timeBudgetMs} ms (${steps.toLocaleString('en-US')} loop steps): the expression does too much work for one appeal`,
    );
  }
  if (steps > STEP_BUDGET) {
    throw new ExprEvalError(
      'runtime',
      `evaluation stopped after ${STEP_BUDGET.toLocaleString('en-US')} loop steps: the expression does too much work for one appeal`,
    );
  }
}
