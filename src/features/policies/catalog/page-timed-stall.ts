import { StallSignal, type StallTimer } from '@/lib/api/stall-timeout';
import type { StallTimerMessage, StallTimerReply } from './catalog-worker-protocol';

/**
 * The timeouts of the worker's requests, with their timers run by the page (worker-stall-timers.ts):
 * the page's clock is the one the person waiting lives by — its "Still waiting…" count and its
 * retries run on it — and the one a test can fake, which a worker's timers are out of reach of.
 * The worker aborts its request when the page says the time ran out, with the same error as a timer
 * of its own, so the message, the retries and Cancel are as before.
 */
export function pageTimedStalls(post: (message: StallTimerMessage) => void) {
  const timers = new Map<number, PageTimedStall>();
  let lastId = 0;
  return {
    /** A request's timeout (LoadOptions.stallTimer). */
    create(ms: number): StallTimer {
      const id = ++lastId;
      const timer = new PageTimedStall(id, ms, post, () => timers.delete(id));
      timers.set(id, timer);
      return timer;
    },
    /** What the page said about a timer. */
    reply({ timer: { id, event } }: StallTimerReply): void {
      const timer = timers.get(id);
      if (event === 'fired') timer?.fire();
      else timer?.restarted();
    },
  };
}

class PageTimedStall extends StallSignal implements StallTimer {
  /** A restart is on its way to the page: the next waits for it to be taken. */
  private sent = false;
  /** Something arrived while one was on its way. */
  private again = false;

  constructor(
    private readonly id: number,
    ms: number,
    private readonly post: (message: StallTimerMessage) => void,
    private readonly drop: () => void,
  ) {
    super(ms);
    post({ type: 'timer', id, op: 'start', ms });
  }

  /**
   * One restart at a time is on its way: a 68 MB answer arrives in about a thousand pieces, and the
   * page needs to hear only that something arrived since the last one it took. The page's timer
   * thus restarts at most one message late, never early.
   */
  restart(): void {
    if (this.fired) return;
    if (this.sent) {
      this.again = true;
      return;
    }
    this.sent = true;
    this.post({ type: 'timer', id: this.id, op: 'restart' });
  }

  clear(): void {
    this.drop();
    this.post({ type: 'timer', id: this.id, op: 'clear' });
  }

  restarted(): void {
    this.sent = false;
    if (!this.again) return;
    this.again = false;
    this.restart();
  }
}
