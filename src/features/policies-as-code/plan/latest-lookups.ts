import type { Policy } from '@/lib/api/guardian/policy-schema';
import { concurrencyLimit } from './concurrently';

export type LatestLookup = { ok: true; latest: Policy | undefined } | { ok: false; error: unknown };

/**
 * The latest version of each policy a folder names, asked for one id at a time as each file is read
 * (a few requests at once): planning costs a request per file, whatever the size of the catalog —
 * never the whole list, which a raystack server sends with every version of every policy.
 */
export class LatestLookups {
  private readonly answers = new Map<string, Promise<LatestLookup>>();
  private readonly lane: ReturnType<typeof concurrencyLimit>;

  constructor(
    private readonly fetchLatest: (id: string, signal: AbortSignal) => Promise<Policy | undefined>,
    limit: number,
    private readonly signal: AbortSignal,
  ) {
    this.lane = concurrencyLimit(limit);
  }

  /** Starts asking for `id` (once, however often it is named). */
  want(id: string): void {
    if (this.answers.has(id)) return;
    this.answers.set(
      id,
      this.lane(async (): Promise<LatestLookup> => {
        if (this.signal.aborted) return { ok: false, error: this.signal.reason };
        try {
          return { ok: true, latest: await this.fetchLatest(id, this.signal) };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    );
  }

  /** The answer for `id` (asked for now if it was not yet). */
  get(id: string): Promise<LatestLookup> {
    this.want(id);
    return this.answers.get(id)!;
  }
}
