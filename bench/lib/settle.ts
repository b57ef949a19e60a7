import { readFileSync } from 'node:fs';

/** Busy and total CPU time of the whole machine so far (Linux /proc/stat, in clock ticks). */
function cpuTicks(): { busy: number; total: number } | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const ticks = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0); // idle + iowait
    const total = ticks.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return undefined;
  }
}

export interface SettleOptions {
  /** The machine counts as quiet when at most this share of all its cores was busy over a window. */
  busyShare?: number;
  windowMs?: number;
  /** Never waits longer than this: a machine that stays busy is measured busy (and results.md says so). */
  maxMs?: number;
}

/**
 * Waits until the machine is quiet: a page load started while the last one's browser context is
 * still being torn down (or a server still collects garbage) measures that, not the app. Returns
 * how long it waited. Off Linux, returns at once.
 */
export async function settle({ busyShare = 0.05, windowMs = 200, maxMs = 3_000 }: SettleOptions = {}): Promise<number> {
  const start = Date.now();
  let before = cpuTicks();
  if (!before) return 0;
  while (Date.now() - start < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const after = cpuTicks();
    if (!after) break;
    const total = after.total - before.total;
    if (total > 0 && (after.busy - before.busy) / total <= busyShare) break;
    before = after;
  }
  return Date.now() - start;
}
