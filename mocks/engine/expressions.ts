/**
 * The one place the mock touches the expression language (src/lib/expr). Everything the engine and
 * the validator need goes through here, so a change of that module's API is a change of this file.
 * The environment is `{ $appeal: ... }`, as Guardian's evaluator builds it.
 */
import {
  compile,
  guardianTruthiness,
  parse,
  variables,
  type GuardianTruthiness,
  type Target,
} from '../../src/lib/expr';

export type { Target };
export const DEFAULT_EXPR_TARGET: Target = 'guardian-1.12';
export const EXPR_TARGETS: readonly Target[] = ['guardian-1.12', 'guardian-1.15', 'expr-latest'];

export type Compiled = { ok: true; run: (appeal: unknown) => unknown } | { ok: false; message: string };

const cache = new Map<string, Compiled>();
const CACHE_LIMIT = 4000;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Compiles once per (target, source); `run` throws with the server's words when evaluation fails. */
export function compileExpression(source: string, target: Target): Compiled {
  const key = `${target}\u0000${source}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let compiled: Compiled;
  try {
    const result = compile(source, { target });
    if (result.ok) {
      const run = result.run;
      compiled = { ok: true, run: (appeal) => run({ $appeal: appeal }) };
    } else {
      compiled = {
        ok: false,
        message: result.errors.map((e) => e.message).join('; ') || 'the expression does not compile',
      };
    }
  } catch (error) {
    compiled = { ok: false, message: messageOf(error) };
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, compiled);
  return compiled;
}

/** Why an expression would not compile on `target`, or undefined when it does. */
export function checkExpression(source: string, target: Target): string | undefined {
  const compiled = compileExpression(source, target);
  return compiled.ok ? undefined : compiled.message;
}

export type RunResult = { ok: true; value: unknown } | { ok: false; message: string };

export function runCompiled(compiled: Compiled, appeal: unknown): RunResult {
  if (!compiled.ok) return compiled;
  try {
    return { ok: true, value: compiled.run(appeal) };
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
}

/** How Guardian reads a `when` / `approve_if` result (nil makes it fail, not skip). */
export function truthiness(value: unknown): GuardianTruthiness {
  return guardianTruthiness(value);
}

/**
 * Guardian checks an approver expression that does not read the creator or resource details by
 * evaluating it against an empty appeal (core/policy/service.go `validateApprover`): the JSON of a
 * zero domain.Appeal with an empty Resource.
 */
const EMPTY_APPEAL = {
  id: '',
  resource_id: '',
  resource: {
    id: '',
    provider_type: '',
    provider_urn: '',
    type: '',
    urn: '',
    name: '',
    details: null,
    labels: null,
    created_at: '0001-01-01T00:00:00Z',
    updated_at: '0001-01-01T00:00:00Z',
  },
  policy_id: '',
  policy_version: 0,
  status: '',
  account_id: '',
  account_type: '',
  created_by: '',
  creator: null,
  role: '',
  permissions: null,
  options: null,
  details: null,
  labels: null,
  description: '',
  created_at: '0001-01-01T00:00:00Z',
  updated_at: '0001-01-01T00:00:00Z',
};

export function evaluateApproverOnEmptyAppeal(source: string, target: Target): RunResult {
  return runCompiled(compileExpression(source, target), EMPTY_APPEAL);
}

/** The `$appeal...` paths an expression reads (dotted), or undefined when it does not parse. */
export function readPaths(source: string): string[] | undefined {
  try {
    const parsed = parse(source);
    return parsed.ok ? variables(parsed.ast) : undefined;
  } catch {
    return undefined;
  }
}
