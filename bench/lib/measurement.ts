import type { BenchContext } from './context';
import { NotAvailable, type MetricSpec, type Sample } from './types';

interface MeasurementOutput {
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
  /** How long the section may take before it is reported as not finished (default 150 s). */
  timeoutMs?: number;
  measure(ctx: BenchContext): Promise<MeasurementOutput>;
}

/** Runs `fn` `times` times, one after the other, and keeps every result. */
export async function repeat<T>(times: number, fn: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < times; i += 1) results.push(await fn(i));
  return results;
}

/** Runs one part of a section; when it cannot measure (or fails), only that part's figures say so. */
export async function part(ids: string[], fn: () => Promise<Record<string, Sample>>): Promise<Record<string, Sample>> {
  try {
    return await fn();
  } catch (error) {
    if (!(error instanceof NotAvailable)) console.error(error);
    const note =
      error instanceof NotAvailable
        ? `not available yet: ${error.message}`
        : `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    return Object.fromEntries(ids.map((id) => [id, { runs: [], note }]));
  }
}
