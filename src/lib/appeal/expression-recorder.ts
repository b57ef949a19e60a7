import type { ExprNode, TraceHooks } from '../expr';
import { LineIndex, type Position } from '../expr/positions';
import { ExpressionFailure } from './appeal-expression';

/** A `$…` value an expression read, as the trace shows it. */
export interface ReadTrace {
  path: string;
  value: unknown;
}

export interface ExpressionErrorTrace {
  message: string;
  kind: ExpressionFailure['kind'];
  start?: Position;
  end?: Position;
}

export interface ExpressionTrace {
  source: string;
  /** Whether Guardian evaluated it for this appeal. */
  ran: boolean;
  value?: unknown;
  error?: ExpressionErrorTrace;
  /** What it read, longest paths only: `$appeal.creator` shows only when reading further failed. */
  reads: ReadTrace[];
}

/**
 * A time budget shared by every expression of one trace: an expression that would run for seconds
 * (`map(1..999999, map(1..999999, #))`) stops with a clear error instead of freezing the tab.
 */
export class TraceBudget {
  private ticks = 0;
  exceeded = false;
  private readonly deadline: number;

  constructor(readonly ms: number) {
    this.deadline = performance.now() + ms;
  }

  tick(): void {
    if (this.exceeded) throw this.failure();
    if ((++this.ticks & 255) === 0 && performance.now() > this.deadline) {
      this.exceeded = true;
      throw this.failure();
    }
  }

  private failure(): ExpressionFailure {
    return new ExpressionFailure(
      `stopped after ${this.ms} ms: the expression does too much work to finish (Guardian would run it to the end, or run out of memory)`,
      'budget',
    );
  }
}

/** Collects one expression's reads and where its error came from, through the compiler's hooks. */
export class ExpressionRecorder implements TraceHooks {
  private readonly readValues = new Map<string, unknown>();
  private errorNode: ExprNode | undefined;
  private errorSeen: unknown;
  private budget = new TraceBudget(Infinity);

  constructor(private readonly source: string) {}

  /** Forgets the last run; the next one spends from `budget`. */
  reset(budget: TraceBudget): void {
    this.readValues.clear();
    this.errorNode = undefined;
    this.errorSeen = undefined;
    this.budget = budget;
  }

  read(path: string, value: unknown): void {
    if (!this.readValues.has(path)) this.readValues.set(path, value);
  }

  fail(error: unknown, node: ExprNode): void {
    // Called from the innermost node outwards: the first call names where it happened.
    if (this.errorSeen === error) return;
    this.errorSeen = error;
    this.errorNode = node;
  }

  tick(): void {
    this.budget.tick();
  }

  /** The trace of a run that gave `value`, or failed with `failure`. */
  result(outcome: { ok: true; value: unknown } | { ok: false; failure: ExpressionFailure }): ExpressionTrace {
    const trace: ExpressionTrace = { source: this.source, ran: true, reads: this.reads() };
    if (outcome.ok) trace.value = outcome.value;
    else trace.error = this.errorOf(outcome.failure);
    return trace;
  }

  private errorOf(failure: ExpressionFailure): ExpressionErrorTrace {
    // A member access fails on its object; point at the name it could not fetch, as expr does.
    const node = this.errorNode?.type === 'Member' ? this.errorNode.property : this.errorNode;
    const start = failure.start ?? node?.start;
    const end = failure.end ?? node?.end;
    const error: ExpressionErrorTrace = { message: failure.message, kind: failure.kind };
    if (start !== undefined) {
      const index = new LineIndex(this.source);
      error.start = index.position(start);
      error.end = index.position(end ?? start);
    }
    return error;
  }

  private reads(): ReadTrace[] {
    const paths = [...this.readValues.keys()];
    return paths
      .filter((path) => !paths.some((other) => other.startsWith(`${path}.`)))
      .map((path) => ({ path, value: this.readValues.get(path) }));
  }
}

export function notRun(source: string): ExpressionTrace {
  return { source, ran: false, reads: [] };
}
