import type { StallTimerMessage, StallTimerReply } from './catalog-worker-protocol';

/**
 * The page's side of page-timed-stall.ts: the timeouts of the worker's requests, on this page's
 * timers. Plain timers rather than StallTimeout: this is in the catalog's first load, and a timer
 * here only has to say when it ran out.
 */
export function workerStallTimers(reply: (message: StallTimerReply) => void) {
  const timers = new Map<number, { ms: number; handle: ReturnType<typeof setTimeout> }>();
  const arm = (id: number, ms: number) =>
    timers.set(id, {
      ms,
      handle: setTimeout(() => {
        timers.delete(id);
        reply({ timer: { id, event: 'fired' } });
      }, ms),
    });
  return {
    take(message: StallTimerMessage): void {
      const { id } = message;
      if (message.op === 'start') {
        arm(id, message.ms);
        return;
      }
      const timer = timers.get(id);
      if (!timer) return;
      clearTimeout(timer.handle);
      if (message.op === 'restart') {
        arm(id, timer.ms);
        reply({ timer: { id, event: 'restarted' } });
      } else timers.delete(id);
    },
    /** The worker is ended: none of its timers may fire. */
    clearAll(): void {
      for (const timer of timers.values()) clearTimeout(timer.handle);
      timers.clear();
    },
  };
}
