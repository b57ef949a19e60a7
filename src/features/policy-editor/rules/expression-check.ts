import type { Target } from '@/lib/expr';
import { loadedExpr } from '@/lib/expr/load';

const cache = new Map<string, string | null>();
const CACHE_LIMIT = 2000;

function firstError(source: string, target: Target): string | null {
  const expr = loadedExpr();
  if (!expr) throw new Error('The expression checker is not loaded: await loadExpr() before validating.');
  const problem = expr.check(source, { target }).find((p) => p.severity === 'error');
  if (!problem) return null;
  const where = source.includes('\n')
    ? `line ${problem.start.line}, column ${problem.start.column}`
    : `column ${problem.start.column}`;
  return `This expression does not compile (${where}): ${problem.message}.`;
}

/**
 * The first error in an expression for the target server's expr runtime, or undefined when it
 * compiles. Warnings (a builtin the server lacks, an unknown variable) do not block a save; the
 * expression input shows them as you type. Results are cached: the form re-validates on every
 * keystroke, and a 200-step policy holds hundreds of expressions that did not change.
 *
 * The checker is loaded lazily (`@/lib/expr/load`): whoever validates awaits `loadExpr()` first,
 * as the form's resolver does.
 */
export function expressionError(source: string, target: Target): string | undefined {
  if (source.trim() === '') return 'Write an expression, e.g. $appeal.resource.details.owner.';
  const key = `${target}\u0000${source}`;
  let result = cache.get(key);
  if (result === undefined) {
    result = firstError(source, target);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, result);
  }
  return result ?? undefined;
}
