import { ApiError, isApiError } from '@/lib/api/api-error';
import { MAX_PER_PAGE } from '../api/get-policy-test-users';
import { abortError, fetchPageWithRetry, type FetchPage } from '../walk/fetch-page-with-retry';
import { LiveComparison, type ComparisonSnapshot } from './live-comparison';

export type Side = 'a' | 'b';

/** What the status poll says of one test: how many users are done, and whether it will say more. */
export interface SideProgress {
  processed: number;
  terminal: boolean;
}

export interface ComparisonRunOptions {
  fetchPage?: FetchPage;
  perPage?: number;
  /** The view is told of new rows at most this often (each telling re-renders the table). */
  notifyEveryMs?: number;
  /** How long a side waits for news of its test before looking again by itself. */
  idleMs?: number;
}

export type RunState =
  { kind: 'running' } | { kind: 'stopped' } | { kind: 'failed'; error: unknown } | { kind: 'done' };

/**
 * Reads both tests' users while they run and matches them user by user (LiveComparison). Each test
 * lists its users in the order it evaluated them, so a page of 1,000 is read once it is full — the
 * status poll says when — and the last, short page once the test has finished. Nothing polls the
 * pages: the one status poll per test moves the reading on.
 */
export class ComparisonRun {
  readonly model = new LiveComparison();
  private readonly progress: Partial<Record<Side, SideProgress>> = {};
  private readonly nextPage: Record<Side, number> = { a: 1, b: 1 };
  private readonly finished: Record<Side, boolean> = { a: false, b: false };
  private readonly wakers: Partial<Record<Side, () => void>> = {};
  private readonly listeners = new Set<() => void>();
  private controller = new AbortController();
  private state: RunState = { kind: 'stopped' };
  private snap: { state: RunState; comparison: ComparisonSnapshot };
  private notifyTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly perPage: number;

  constructor(
    readonly ids: Record<Side, string>,
    private readonly options: ComparisonRunOptions = {},
  ) {
    this.perPage = Math.min(options.perPage ?? MAX_PER_PAGE, MAX_PER_PAGE);
    this.snap = { state: this.state, comparison: this.model.snapshot() };
  }

  /** The latest status of one side: wakes its reader when there is more to read. */
  setProgress(side: Side, progress: SideProgress): void {
    const was = this.progress[side];
    if (was && was.processed === progress.processed && was.terminal === progress.terminal) return;
    this.progress[side] = progress;
    this.wakers[side]?.();
  }

  start(): void {
    if (this.state.kind === 'running' || this.state.kind === 'done') return;
    this.controller = new AbortController();
    this.setState({ kind: 'running' });
    const signal = this.controller.signal;
    void Promise.all((['a', 'b'] as const).map((side) => this.read(side, signal))).then(
      () => {
        this.model.finish();
        this.setState({ kind: 'done' });
      },
      (error: unknown) => {
        this.controller.abort(error);
        if (isApiError(error) && error.kind === 'aborted') this.setState({ kind: 'stopped' });
        else this.setState({ kind: 'failed', error });
      },
    );
  }

  stop(): void {
    this.controller.abort();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snap;

  private setState(state: RunState): void {
    this.state = state;
    this.publish();
  }

  private publish(): void {
    clearTimeout(this.notifyTimer);
    this.notifyTimer = undefined;
    this.snap = { state: this.state, comparison: this.model.snapshot() };
    for (const listener of this.listeners) listener();
  }

  /** New rows: told to the view soon, once for many pages. */
  private changed(): void {
    if (this.notifyTimer !== undefined) return;
    this.notifyTimer = setTimeout(() => this.publish(), this.options.notifyEveryMs ?? 250);
  }

  private wait(side: Side, signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal.aborted) return reject(abortError(signal, 'users'));
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        delete this.wakers[side];
        resolve();
      };
      const onAbort = () => {
        clearTimeout(timer);
        delete this.wakers[side];
        reject(abortError(signal, 'users'));
      };
      const timer = setTimeout(done, this.options.idleMs ?? 2_000);
      this.wakers[side] = done;
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  private async read(side: Side, signal: AbortSignal): Promise<void> {
    const perPage = this.perPage;
    while (!this.finished[side]) {
      const progress = this.progress[side];
      const page = this.nextPage[side];
      if (!progress || (!progress.terminal && progress.processed < page * perPage)) {
        await this.wait(side, signal);
        continue;
      }
      const { users, unreadable } = await fetchPageWithRetry(
        { testId: this.ids[side], page, perPage },
        { signal, fetchPage: this.options.fetchPage },
      );
      const added = this.model.add(side, users);
      if (added > 0) this.changed();
      // A row that could not be read still filled its place on the page.
      if (users.length + unreadable.length === perPage) {
        // A server that ignores `page` hands back the first page again and again.
        if (added === 0 && page > 1) throw ignoresPages(page);
        this.nextPage[side] = page + 1;
      } else if (progress.terminal) {
        this.finished[side] = true;
      } else {
        await this.wait(side, signal);
      }
    }
  }
}

function ignoresPages(page: number): ApiError {
  return new ApiError({
    kind: 'schema',
    message: `The server sent the same users for page ${page} as before: it does not page, so the comparison stopped.`,
    request: { api: 'policy-tests', method: 'GET', path: `users?page=${page}` },
  });
}
