import type { Budget, MetricResult, MetricSpec, Sample } from './types';

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function meets(value: number, budget: Budget): boolean {
  switch (budget.op) {
    case '<=':
      return value <= budget.limit;
    case '>=':
      return value >= budget.limit;
    case '==':
      return value === budget.limit;
  }
}

export function toResult(spec: MetricSpec, sample: Sample | undefined, unavailable?: string): MetricResult {
  if (!sample || sample.runs.length === 0 || unavailable) {
    return {
      ...spec,
      status: 'unavailable',
      value: null,
      runs: [],
      note: unavailable ?? sample?.note ?? 'not measured',
    };
  }
  const value = sample.aggregate === 'max' ? Math.max(...sample.runs) : median(sample.runs);
  const status = spec.budget ? (meets(value, spec.budget) ? 'pass' : 'miss') : 'info';
  return {
    ...spec,
    status,
    value,
    runs: sample.runs,
    ...(sample.aggregate === 'max' ? { aggregate: 'max' as const } : {}),
    ...(sample.note ? { note: sample.note } : {}),
  };
}
