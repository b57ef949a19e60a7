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
import { DEFAULT_TARGET, type Target } from './targets';
import type { TraceHooks } from './trace-hooks';
import { startRun, toPlain } from './values';

export type { ExprNode } from './ast';
export type {
  ArrayNode,
  BinaryNode,
  BinaryOperator,
  BoolNode,
  BuiltinNode,
  CallNode,
  ChainNode,
  ClosureNode,
  ConditionalNode,
  FloatNode,
  IdentifierNode,
  IntegerNode,
  MapNode,
  MemberNode,
  NilNode,
  PairNode,
  PointerNode,
  SliceNode,
  StringNode,
  UnaryNode,
  UnaryOperator,
} from './ast';
export { walk } from './ast';
export type { Position } from './positions';
export type { ExprProblem } from './problems';
export { DEFAULT_TARGET, TARGETS, isTarget, targetExprVersion, type Target } from './targets';
export { ExprEvalError, type ExprEvalErrorKind } from './errors';
export { print } from './printer';
export { variables } from './variables';
export { isTruthy, guardianTruthiness, type GuardianTruthiness } from './truthiness';
export { builtinNames } from './builtins';
export { staticPath, type TraceHooks } from './trace-hooks';

export type ParseResult = { ok: true; ast: ExprNode } | { ok: false; errors: ExprProblem[] };

export function parse(source: string): ParseResult {
  const result = parseSource(source);
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
  const parsed = parseSource(source);
  if (!parsed.ok) return resolveProblems(source, [parsed.error]);
  const raw: RawProblem[] = [
    ...parsed.warnings,
    ...checkAst(parsed.ast, {
      target: options.target ?? DEFAULT_TARGET,
      knownVariables: options.knownVariables ?? ['$appeal'],
    }),
  ];
  raw.sort((a, b) => a.start - b.start || a.end - b.end);
  return resolveProblems(source, raw);
}

/** Problems that make expr's compiler refuse the expression (the server compiles at every evaluation). */
const COMPILE_ERROR_CODES = new Set(['syntax', 'type', 'division-by-zero', 'bad-regex', 'arity']);

export interface EvaluateOptions {
  target?: Target;
  /** Keep Go ints as `bigint` in the result instead of converting them to numbers. */
  preserveIntegers?: boolean;
  /** Report reads, error positions and progress while running (see trace-hooks.ts). */
  trace?: TraceHooks;
}

export type CompileResult =
  { ok: true; run: (env: Record<string, unknown>) => unknown } | { ok: false; errors: ExprProblem[] };

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
    const parsed = parseSource(source);
    if (!parsed.ok) return { ok: false, errors: resolveProblems(source, [parsed.error]) };
    ast = parsed.ast;
  } else {
    ast = sourceOrAst;
  }
  const compileErrors = checkAst(ast, { target }).filter(
    (p) => p.severity === 'error' && COMPILE_ERROR_CODES.has(p.code),
  );
  if (compileErrors.length > 0) {
    return { ok: false, errors: resolveProblems(source ?? '', compileErrors) };
  }
  const program = compileProgram(ast, target, options.trace);
  const { body, requiredParameters } = program;
  const preserve = options.preserveIntegers === true;
  const run = (env: Record<string, unknown>): unknown => {
    for (let i = 0; i < requiredParameters.length; i++) {
      const name = requiredParameters[i] as string;
      if (!Object.prototype.hasOwnProperty.call(env, name)) {
        throw new ExprEvalError('unknown-variable', `parameter not found: ${name.slice(1)}`);
      }
    }
    startRun();
    const value = body(env as Env, null);
    if (preserve) return value === undefined ? null : value;
    return typeof value === 'object' || typeof value === 'bigint' || value === undefined ? toPlain(value) : value;
  };
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
    if (e instanceof RangeError) return { ok: false, error: new ExprEvalError('runtime', e.message) };
    throw e;
  }
}
