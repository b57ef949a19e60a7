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

/**
 * The least time between two restarts sent to the page. A 68 MB answer arrives in about a thousand
 * pieces in a second or two: each restart is two messages and a timer on the page's main thread,
 * which the catalog's first rows and the rest of the page wait behind.
 */
const RESTART_EVERY_MS = 500;

class PageTimedStall extends StallSignal implements StallTimer {
  /** A restart is on its way to the page and not yet taken. */
  private inFlight = false;
  /** Something arrived since the last restart was sent. */
  private again = false;
  /** When the last restart was sent. */
  private sentAt = 0;
  /** The next restart, waiting for RESTART_EVERY_MS to pass since the last. */
  private next: ReturnType<typeof setTimeout> | undefined;

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
   * One restart at a time is on its way, and at most one every RESTART_EVERY_MS: the page needs to
   * hear only that something arrived since the last one it took. The page's timer thus restarts at
   * most that long (and one message) late, never early.
   */
  restart(): void {
    if (this.fired) return;
    this.again = true;
    this.send();
  }

  clear(): void {
    clearTimeout(this.next);
    this.next = undefined;
    this.drop();
    this.post({ type: 'timer', id: this.id, op: 'clear' });
  }

  restarted(): void {
    this.inFlight = false;
    this.send();
  }

  /** Tells the page of what arrived, unless a restart is on its way or waits its turn. */
  private send(): void {
    if (!this.again || this.inFlight || this.next !== undefined || this.fired) return;
    const wait = this.sentAt + RESTART_EVERY_MS - Date.now();
    if (wait > 0) {
      this.next = setTimeout(() => {
        this.next = undefined;
        this.send();
      }, wait);
      return;
    }
    this.again = false;
    this.inFlight = true;
    this.sentAt = Date.now();
    this.post({ type: 'timer', id: this.id, op: 'restart' });
  }
}
