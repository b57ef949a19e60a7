import { StallTimeout } from '@/lib/api/stall-timeout';
import type { StallTimerMessage, StallTimerReply } from './catalog-worker-protocol';

/** The page's side of page-timed-stall.ts: the timeouts of the worker's requests, on this page's timers. */
export function workerStallTimers(reply: (message: StallTimerReply) => void) {
  const timers = new Map<number, StallTimeout>();
  return {
    take(message: StallTimerMessage): void {
      const { id } = message;
      if (message.op === 'start') {
        const timeout = new StallTimeout(message.ms);
        timeout.signal.addEventListener('abort', () => {
          timers.delete(id);
          reply({ timer: { id, event: 'fired' } });
        });
        timers.set(id, timeout);
        return;
      }
      const timeout = timers.get(id);
      if (!timeout) return;
      if (message.op === 'restart') {
        timeout.restart();
        reply({ timer: { id, event: 'restarted' } });
      } else {
        timeout.clear();
        timers.delete(id);
      }
    },
    /** The worker is ended: none of its timers may fire. */
    clearAll(): void {
      for (const timeout of timers.values()) timeout.clear();
      timers.clear();
    },
  };
}
