import { LineIndex, type Position } from './positions';

export interface ExprProblem {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  start: Position;
  end: Position;
}

/** A problem before positions are resolved: offsets only, so producers need not know about lines. */
export interface RawProblem {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  start: number;
  end: number;
}

export function resolveProblems(source: string, raw: readonly RawProblem[]): ExprProblem[] {
  const index = new LineIndex(source);
  return raw.map((p) => ({
    severity: p.severity,
    code: p.code,
    message: p.message,
    start: index.position(p.start),
    end: index.position(Math.max(p.end, p.start)),
  }));
}
