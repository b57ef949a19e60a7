import {
  compile,
  parse,
  rangeErrorMessage,
  variables,
  ExprEvalError,
  StacklessError,
  type ExprProblem,
  type RunOptions,
  type Target,
  type TraceHooks,
} from '../expr';

/**
 * One policy expression compiled for a target, run the way Guardian's evaluator runs it: the
 * environment holds one `$` variable (`$appeal`, or `$response` in an IAM schema), an expression
 * that does not compile fails when it is evaluated (Guardian compiles at every evaluation), and a
 * failure is an `ExpressionFailure` carrying the server's words and where in the text it happened.
 */
export class ExpressionFailure extends StacklessError {
  readonly kind: 'compile' | 'runtime' | 'budget';
  /** UTF-16 offsets into the source, when known. */
  readonly start?: number;
  readonly end?: number;

  constructor(message: string, kind: ExpressionFailure['kind'], start?: number, end?: number) {
    super(message);
    this.name = 'ExpressionFailure';
    this.kind = kind;
    this.start = start;
    this.end = end;
  }
}

export interface AppealExpression {
  readonly source: string;
  /** The `$…` paths it reads, dotted; undefined when it does not parse. */
  readonly reads: readonly string[] | undefined;
  readonly problems: readonly ExprProblem[];
  /** Evaluates against `env` (e.g. `{ $appeal }`) at `options.now`; throws ExpressionFailure. */
  run(env: Record<string, unknown>, options?: RunOptions): unknown;
}

function messageOf(error: unknown): string {
  if (error instanceof RangeError) return rangeErrorMessage(error);
  return error instanceof Error ? error.message : String(error);
}

function readsOf(source: string, target: Target): string[] | undefined {
  try {
    // The target's syntax: `let` and pipes parse only from expr 1.15 on.
    const parsed = parse(source, { target });
    return parsed.ok ? variables(parsed.ast) : undefined;
  } catch {
    return undefined;
  }
}

function failing(source: string, target: Target, problems: readonly ExprProblem[]): AppealExpression {
  const first = problems[0];
  const failure = new ExpressionFailure(
    problems.map((p) => p.message).join('; ') || 'the expression does not compile',
    'compile',
    first?.start.offset,
    first?.end.offset,
  );
  return {
    source,
    reads: readsOf(source, target),
    problems,
    run: () => {
      throw failure;
    },
  };
}

/** Compiles without tracing; the compiled closures are the plain, fast ones. */
export function compileAppealExpression(source: string, target: Target, trace?: TraceHooks): AppealExpression {
  let result: ReturnType<typeof compile>;
  try {
    result = compile(source, trace ? { target, trace } : { target });
  } catch (error) {
    return failing(source, target, [
      {
        severity: 'error',
        code: 'syntax',
        message: messageOf(error),
        start: { offset: 0, line: 1, column: 1 },
        end: { offset: source.length, line: 1, column: source.length + 1 },
      },
    ]);
  }
  if (!result.ok) return failing(source, target, result.errors);
  const run = result.run;
  return {
    source,
    reads: readsOf(source, target),
    problems: [],
    run: (env, options) => {
      try {
        return run(env, options);
      } catch (error) {
        if (error instanceof ExpressionFailure) throw error;
        if (error instanceof ExprEvalError || error instanceof RangeError || error instanceof TypeError)
          throw new ExpressionFailure(messageOf(error), 'runtime');
        throw error;
      }
    },
  };
}

const cache = new Map<string, AppealExpression>();
const CACHE_LIMIT = 4000;

/** compileAppealExpression, cached per (target, source): engines compile the same texts again and again. */
export function cachedAppealExpression(source: string, target: Target): AppealExpression {
  const key = `${target}\u0000${source}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const compiled = compileAppealExpression(source, target);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, compiled);
  return compiled;
}
