import type { BenchContext } from './context';
import { NotAvailable, type MetricSpec, type Sample } from './types';

export interface MeasurementOutput {
  /** Keyed by metric id; a metric left out is reported as not measured. */
  samples: Record<string, Sample>;
  /** Figures only known once measured (e.g. one per lazy route), added after the declared ones. */
  metrics?: MetricSpec[];
  /** Markdown for the report: where the figures come from, breakdowns, causes of misses. */
  details?: string;
}

/** One section of the benchmark; throws NotAvailable when the feature it measures is missing. */
export interface Measurement {
  id: string;
  title: string;
  metrics: MetricSpec[];
  measure(ctx: BenchContext): Promise<MeasurementOutput>;
}

/** Runs `fn` `times` times, one after the other, and keeps every result. */
export async function repeat<T>(times: number, fn: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < times; i += 1) results.push(await fn(i));
  return results;
}

/** A figure that could not be measured this time, and why. */
export function unavailableSample(reason: string): Sample {
  return { runs: [], note: `not available yet: ${reason}` };
}

/** Runs one part of a section; a NotAvailable there marks only that part's figures. */
export async function part(ids: string[], fn: () => Promise<Record<string, Sample>>): Promise<Record<string, Sample>> {
  try {
    return await fn();
  } catch (error) {
    if (!(error instanceof NotAvailable)) throw error;
    return Object.fromEntries(ids.map((id) => [id, unavailableSample(error.message)]));
  }
}
