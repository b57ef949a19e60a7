import { useEffect, useState } from 'react';
import type { ExprProblem, Target } from '@/lib/expr';
import { loadExpr, loadedExpr } from '@/lib/expr/load';

/**
 * Runs `check` after the text has been still for `delay` ms, so typing stays smooth. The checker
 * itself is loaded on first use: the input is usable before it arrives.
 */
export function useExpressionProblems(value: string, target: Target, delay = 200): ExprProblem[] {
  const [problems, setProblems] = useState<ExprProblem[]>([]);
  useEffect(() => {
    let cancelled = false;
    const run = () => {
      if (value.trim() === '') return setProblems([]);
      const expr = loadedExpr();
      if (expr) return setProblems(expr.check(value, { target }));
      loadExpr().then(
        (module) => !cancelled && setProblems(module.check(value, { target })),
        () => undefined, // no checker (offline): no squiggles; the form's own check reports on save
      );
    };
    const timer = setTimeout(run, delay);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [value, target, delay]);
  return problems;
}
