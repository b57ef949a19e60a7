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
export const MEMORY_BUDGET = 1_000_000;
/** Loop iterations of closures (`all`, `map`, `reduce`, …) one evaluation may run; expr has no such limit. */
export const STEP_BUDGET = 5_000_000;

export interface RunContext {
  /** The injected evaluation time, or null for the wall clock (read once per evaluation). */
  now: Date | number | null;
  current: GoTime | null;
  memory: number;
  steps: number;
}

export const runContext: RunContext = { now: null, current: null, memory: 0, steps: 0 };

export function beginRun(now: Date | number | null): void {
  runContext.now = now;
  runContext.current = null;
  runContext.memory = 0;
  runContext.steps = 0;
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
  if (++runContext.steps > STEP_BUDGET) {
    throw new ExprEvalError(
      'runtime',
      `evaluation stopped after ${STEP_BUDGET.toLocaleString('en-US')} loop steps: the expression does too much work for one appeal`,
    );
  }
}
