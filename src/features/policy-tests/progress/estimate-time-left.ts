export interface ProgressSample {
  /** ms since epoch */
  at: number;
  processed: number;
}

/** How far back the rate looks: long enough to smooth jitter, short enough to follow a slowdown. */
export const RATE_WINDOW_MS = 20_000;

/** Adds a sample, dropping the ones outside the window (keeping one older as the rate's anchor). */
export function addSample(samples: readonly ProgressSample[], next: ProgressSample): ProgressSample[] {
  const last = samples.at(-1);
  // A restarted or different test counts down: start over rather than compute a negative rate.
  if (last && next.processed < last.processed) return [next];
  if (last && last.processed === next.processed && last.at === next.at) return [...samples];
  const kept = [...samples, next];
  while (kept.length > 2 && kept[1]!.at <= next.at - RATE_WINDOW_MS) kept.shift();
  return kept;
}

/** Users per second over the window; undefined until there is movement to measure. */
export function processingRate(samples: readonly ProgressSample[]): number | undefined {
  const first = samples[0];
  const last = samples.at(-1);
  if (!first || !last || last.at <= first.at) return undefined;
  const rate = ((last.processed - first.processed) / (last.at - first.at)) * 1000;
  return rate > 0 ? rate : undefined;
}

/** Milliseconds left at the recent rate, or undefined when there is no honest estimate. */
export function estimateTimeLeft(samples: readonly ProgressSample[], totalUsers: number): number | undefined {
  const rate = processingRate(samples);
  const last = samples.at(-1);
  if (rate === undefined || !last) return undefined;
  const remaining = Math.max(0, totalUsers - last.processed);
  return (remaining / rate) * 1000;
}

/** "2 h 05 min", "3 min 07 s", "42 s", "<1 s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const seconds = Math.round(ms / 1000);
  if (seconds < 1) return '<1 s';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (h > 0) return `${h} h ${pad(m)} min`;
  if (m > 0) return `${m} min ${pad(s)} s`;
  return `${s} s`;
}
