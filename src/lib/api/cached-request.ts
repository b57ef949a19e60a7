import { retryDelay, shouldRetry } from './retry-policy';

/** One request's answer as the views see it, and where its current fetch stands. */
export interface CachedRequestState<T> {
  status: 'pending' | 'error' | 'success';
  data: T | undefined;
  error: unknown;
  /** A fetch (or the wait before its next try) is under way. */
  fetching: boolean;
  /** When the current fetch began (its first try), as `Date.now()`. */
  since: number | undefined;
  /** Tries of the current fetch that have failed so far. */
  failures: number;
  lastFailure: unknown;
  /** The person stopped waiting before anything arrived. */
  stopped: boolean;
  /** How long the last fetch that failed took in all, over how many tries. */
  waited: { ms: number; attempts: number } | undefined;
  /** When `data` last changed (`Date.now()`; 0: never). */
  updatedAt: number;
}

const initialState = <T>(): CachedRequestState<T> => ({
  status: 'pending',
  data: undefined,
  error: undefined,
  fetching: false,
  since: undefined,
  failures: 0,
  lastFailure: undefined,
  stopped: false,
  waited: undefined,
  updatedAt: 0,
});

const every = new Set<CachedRequest<unknown>>();
let retries = true;

/** Tests: every cached request forgotten (each test starts with nothing loaded), with or without retries. */
export function resetCachedRequests({ retry = true }: { retry?: boolean } = {}): void {
  retries = retry;
  for (const request of every) request.reset();
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason as Error);
      },
      { once: true },
    );
  });
}

/**
 * One GET whose answer the app keeps, outside React Query: the catalog's list, on the first route,
 * before React Query's code has loaded. It keeps what React Query would for it — retries by the app's
 * retry policy, fresh for `staleMs`, a refetch on invalidation while a view shows it, a wait that can
 * be retried or cancelled — and nothing more.
 */
export class CachedRequest<T> {
  private state: CachedRequestState<T> = initialState();
  private readonly listeners = new Set<() => void>();
  private controller: AbortController | undefined;
  private running: Promise<T | undefined> | undefined;
  private stale = false;
  /** The error on hand was shown by a view that has gone: the next view asks again. */
  private retryOnNextView = false;

  constructor(
    private readonly load: (signal: AbortSignal) => Promise<T>,
    private readonly staleMs: number,
  ) {
    every.add(this as CachedRequest<unknown>);
  }

  readonly snapshot = (): CachedRequestState<T> => this.state;

  /** The answer, unless it was invalidated since (then it is being, or will be, fetched again). */
  current(): T | undefined {
    return this.stale ? undefined : this.state.data;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.state.status === 'error') this.retryOnNextView = true;
    };
  };

  private set(change: Partial<CachedRequestState<T>>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }

  /**
   * Fetches unless a fetch is under way, the person stopped waiting, the data is still fresh, or an
   * error has not been shown yet (one that came before its view did is shown, not silently retried:
   * the retry policy already decided it would not pass by itself).
   */
  ensure(): void {
    const { fetching, stopped, status, updatedAt } = this.state;
    if (fetching || stopped) return;
    if (status === 'error' && !this.retryOnNextView) return;
    if (status === 'success' && !this.stale && Date.now() - updatedAt < this.staleMs) return;
    void this.fetch();
  }

  /** Fetches now, with retries; a fetch under way is joined, not repeated. Never rejects. */
  fetch(): Promise<T | undefined> {
    if (this.running) return this.running;
    const controller = new AbortController();
    this.controller = controller;
    this.retryOnNextView = false;
    const since = Date.now();
    let failures = 0;
    this.set({
      fetching: true,
      since,
      failures: 0,
      lastFailure: undefined,
      stopped: false,
      ...(this.state.data === undefined ? { status: 'pending' as const, error: undefined } : {}),
    });
    const attempt = async (): Promise<T> => {
      for (;;) {
        try {
          return await this.load(controller.signal);
        } catch (error) {
          if (controller.signal.aborted || !retries || !shouldRetry(failures, error)) throw error;
          const delay = retryDelay(failures, error);
          failures++;
          this.set({ failures, lastFailure: error });
          await sleep(delay, controller.signal);
        }
      }
    };
    const running: Promise<T | undefined> = attempt().then(
      (data) => {
        if (this.controller !== controller) return data;
        this.stale = false;
        this.finish({ status: 'success', data, error: undefined, waited: undefined, updatedAt: Date.now() });
        return data;
      },
      (error: unknown) => {
        // A cancelled or reset fetch has already been let go of.
        if (this.controller !== controller) return undefined;
        this.finish({ status: 'error', error, waited: { ms: Date.now() - since, attempts: failures + 1 } });
        return undefined;
      },
    );
    this.running = running;
    return running;
  }

  private finish(change: Partial<CachedRequestState<T>>): void {
    this.controller = undefined;
    this.running = undefined;
    this.set({ ...change, fetching: false, since: undefined, failures: 0, lastFailure: undefined });
  }

  /** Stops the fetch under way; with nothing loaded yet, the view says it stopped waiting. */
  cancel(): void {
    if (!this.controller) return;
    this.controller.abort(new DOMException('The request was cancelled.', 'AbortError'));
    this.finish({ stopped: this.state.data === undefined });
  }

  /** Drops the fetch under way (or its wait for the next try) and starts again at once. */
  retry(): void {
    this.cancel();
    this.set({ stopped: false });
    void this.fetch();
  }

  /** Replaces the answer in place (a write told exactly how it changed). */
  setData(update: (data: T | undefined) => T | undefined): void {
    const data = update(this.state.data);
    if (data === undefined) return;
    this.set({ status: 'success', data, error: undefined, updatedAt: Date.now() });
  }

  /** The answer may be out of date: fetched again now if a view shows it, otherwise when one does. */
  invalidate(): void {
    this.stale = true;
    if (this.listeners.size > 0) void this.fetch();
  }

  reset(): void {
    this.controller?.abort();
    this.controller = undefined;
    this.running = undefined;
    this.stale = false;
    this.retryOnNextView = false;
    this.state = initialState();
    for (const listener of this.listeners) listener();
  }
}
