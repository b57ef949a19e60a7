import type { Policy } from '@/lib/api/guardian/policy-schema';

export type LatestLookup = { ok: true; latest: Policy | undefined } | { ok: false; error: unknown };

/**
 * The latest version of each policy a folder names, asked for one id at a time as each file is read
 * (a few requests at once): planning costs a request per file, whatever the size of the catalog —
 * never the whole list, which a raystack server sends with every version of every policy.
 */
export class LatestLookups {
  private readonly answers = new Map<string, Promise<LatestLookup>>();
  private readonly queue: (() => void)[] = [];
  private running = 0;

  constructor(
    private readonly fetchLatest: (id: string, signal: AbortSignal) => Promise<Policy | undefined>,
    private readonly limit: number,
    private readonly signal: AbortSignal,
  ) {}

  /** Starts asking for `id` (once, however often it is named). */
  want(id: string): void {
    if (this.answers.has(id)) return;
    this.answers.set(
      id,
      new Promise<LatestLookup>((resolve) => {
        this.queue.push(() => {
          if (this.signal.aborted) return resolve({ ok: false, error: this.signal.reason });
          this.running++;
          this.fetchLatest(id, this.signal)
            .then(
              (latest) => resolve({ ok: true, latest }),
              (error: unknown) => resolve({ ok: false, error }),
            )
            .finally(() => {
              this.running--;
              this.next();
            });
        });
        this.next();
      }),
    );
  }

  /** The answer for `id` (asked for now if it was not yet). */
  get(id: string): Promise<LatestLookup> {
    this.want(id);
    return this.answers.get(id)!;
  }

  private next(): void {
    while (this.running < this.limit && this.queue.length > 0) this.queue.shift()!();
  }
}
