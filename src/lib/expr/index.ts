/**
 * Guardian policy expressions (expr, github.com/expr-lang/expr) — parse, check and evaluate them
 * the way the chosen Guardian server would.
 */
import type { ExprNode } from './ast';
import { checkAst } from './checker';
import { compileProgram, type Env } from './compiler';
import { ExprEvalError } from './errors';
import { parseSource } from './parser';
import { resolveProblems, type ExprProblem, type RawProblem } from './problems';
import { DEFAULT_TIME_BUDGET_MS, beginRun } from './run-context';
import { DEFAULT_TARGET, type Target } from './targets';
import type { TraceHooks } from './trace-hooks';
import { toPlain } from './values';

export type { ExprNode } from './ast';
export type { ExprProblem } from './problems';
export { TARGETS, isTarget, type Target } from './targets';
export { ExprEvalError, StacklessError } from './errors';
export { print } from './printer';
export { variables } from './variables';
export { isTruthy, guardianTruthiness } from './truthiness';
export type { TraceHooks } from './trace-hooks';

export type ParseResult = { ok: true; ast: ExprNode } | { ok: false; errors: ExprProblem[] };

export interface ParseOptions {
  /** Whose syntax: `let`, pipes and `reduce`/`find`… parse from expr 1.15 on (default guardian-1.12). */
  target?: Target;
}

export function parse(source: string, options: ParseOptions = {}): ParseResult {
  const result = parseSource(source, options.target ?? DEFAULT_TARGET);
  if (result.ok) return { ok: true, ast: result.ast };
  return { ok: false, errors: resolveProblems(source, [result.error]) };
}

export interface CheckOptions {
  target?: Target;
  /** The `$` variables available where the expression runs (default `['$appeal']`). */
  knownVariables?: readonly string[];
}

/** Everything a save would hide: parse errors, type errors expr's compiler reports, and calls the target server cannot run. */
export function check(source: string, options: CheckOptions = {}): ExprProblem[] {
  const parsed = parseSource(source, options.target ?? DEFAULT_TARGET);
  if (!parsed.ok) return resolveProblems(source, [parsed.error]);
  let checked: RawProblem[];
  try {
    checked = checkAst(parsed.ast, {
      target: options.target ?? DEFAULT_TARGET,
      knownVariables: options.knownVariables ?? ['$appeal'],
    });
  } catch (e) {
    if (e instanceof RangeError) return resolveProblems(source, [tooDeep(source)]);
    throw e;
  }
  const raw: RawProblem[] = [...parsed.warnings, ...checked];
  raw.sort((a, b) => a.start - b.start || a.end - b.end);
  return resolveProblems(source, raw);
}

function tooDeep(source: string): RawProblem {
  return {
    severity: 'error',
    code: 'syntax',
    message: 'expression is nested too deeply',
    start: 0,
    end: source.length,
  };
}

/** Problems that make expr's compiler refuse the expression (the server compiles at every evaluation). */
const COMPILE_ERROR_CODES = new Set(['syntax', 'type', 'division-by-zero', 'bad-regex', 'arity']);

export interface EvaluateOptions {
  target?: Target;
  /** Keep Go ints as `bigint` in the result instead of converting them to numbers. */
  preserveIntegers?: boolean;
  /**
   * The evaluation time `now()` returns (a Date or epoch milliseconds), so a trace or a test case
   * gives the same result every time. Without it `now()` reads the clock, once per evaluation.
   */
  now?: Date | number;
  /**
   * How long one evaluation's loops may run before it stops with an error (default 1000 ms), so a
   * runaway expression cannot freeze the tab; a caller with a tighter budget (a trace) passes less.
   */
  timeBudgetMs?: number;
  /** Report reads, error positions and progress while running (see trace-hooks.ts). */
  trace?: TraceHooks;
}

export interface RunOptions {
  /** Overrides the compile-time `now` for this evaluation. */
  now?: Date | number;
  timeBudgetMs?: number;
}

export type CompileResult =
  | { ok: true; run: (env: Record<string, unknown>, options?: RunOptions) => unknown }
  | { ok: false; errors: ExprProblem[] };

/**
 * Compiles once into closures; `run` evaluates per environment and throws ExprEvalError.
 * Source text is checked like the server's compiler does; an AST is trusted as it is.
 */
export function compile(sourceOrAst: string | ExprNode, options: EvaluateOptions = {}): CompileResult {
  const target = options.target ?? DEFAULT_TARGET;
  let ast: ExprNode;
  let source: string | null = null;
  if (typeof sourceOrAst === 'string') {
    source = sourceOrAst;
    const parsed = parseSource(source, target);
    if (!parsed.ok) return { ok: false, errors: resolveProblems(source, [parsed.error]) };
    ast = parsed.ast;
  } else {
    ast = sourceOrAst;
  }
  let program: ReturnType<typeof compileProgram>;
  try {
    const compileErrors = checkAst(ast, { target }).filter(
      (p) => p.severity === 'error' && COMPILE_ERROR_CODES.has(p.code),
    );
    if (compileErrors.length > 0) {
      return { ok: false, errors: resolveProblems(source ?? '', compileErrors) };
    }
    program = compileProgram(ast, target, options.trace);
  } catch (e) {
    // A tree too deep for the stack (a chain of thousands of `+`): refused like too much nesting.
    if (e instanceof RangeError) return { ok: false, errors: resolveProblems(source ?? '', [tooDeep(source ?? '')]) };
    throw e;
  }
  const { body, requiredParameters, usesRunContext } = program;
  const preserve = options.preserveIntegers === true;
  const defaultNow = options.now ?? null;
  const defaultBudget = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  const plainRun = (env: Record<string, unknown>): unknown => {
    for (let i = 0; i < requiredParameters.length; i++) {
      const name = requiredParameters[i] as string;
      if (!Object.prototype.hasOwnProperty.call(env, name)) {
        throw new ExprEvalError('unknown-variable', `parameter not found: ${name.slice(1)}`);
      }
    }
    const value = body(env as Env, null);
    if (preserve) return value === undefined ? null : value;
    return typeof value === 'object' || typeof value === 'bigint' || value === undefined ? toPlain(value) : value;
  };
  // Most policy expressions read no evaluation context: their run is exactly the plain one.
  const run = usesRunContext
    ? (env: Record<string, unknown>, runOptions?: RunOptions): unknown => {
        beginRun(runOptions?.now ?? defaultNow, runOptions?.timeBudgetMs ?? defaultBudget);
        return plainRun(env);
      }
    : plainRun;
  return { ok: true, run };
}

export type EvaluateResult = { ok: true; value: unknown } | { ok: false; error: ExprEvalError | ExprProblem[] };

export function evaluate(
  sourceOrAst: string | ExprNode,
  env: Record<string, unknown>,
  options: EvaluateOptions = {},
): EvaluateResult {
  const compiled = compile(sourceOrAst, options);
  if (!compiled.ok) return { ok: false, error: compiled.errors };
  try {
    return { ok: true, value: compiled.run(env) };
  } catch (e) {
    if (e instanceof ExprEvalError) return { ok: false, error: e };
    if (e instanceof RangeError) return { ok: false, error: new ExprEvalError('runtime', rangeErrorMessage(e)) };
    throw e;
  }
}

/** A JS engine limit met while running: a string or an array grew too big, or a chain too deep. */
export function rangeErrorMessage(e: RangeError): string {
  if (/string length|array length/i.test(e.message))
    return 'memory budget exceeded: a string or list grew beyond what the console can hold';
  if (/call stack/i.test(e.message)) return 'expression is nested too deeply';
  return e.message;
}
