import { useEffect, useState } from 'react';
import { check, type ExprProblem, type Target } from '@/lib/expr';

/** Runs `check` after the text has been still for `delay` ms, so typing stays smooth. */
export function useExpressionProblems(value: string, target: Target, delay = 200): ExprProblem[] {
  const [problems, setProblems] = useState<ExprProblem[]>([]);
  useEffect(() => {
    const timer = setTimeout(() => setProblems(value.trim() === '' ? [] : check(value, { target })), delay);
    return () => clearTimeout(timer);
  }, [value, target, delay]);
  return problems;
}
