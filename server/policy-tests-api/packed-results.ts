import { APPROVED, BLOCKED, ERRORED, type Outcome } from '../../src/lib/appeal';

/**
 * A test's per-user results, 3 bytes a user: the shared simulation's packed verdict (outcome and
 * reason in the first byte, the deciding step in the other two). Counts per block of 4,096 users
 * let "page 400 of the blocked users" skip to the right block; a tally per distinct verdict says
 * how many users got each (outcome, reason, step) and who got it first, for the status's reasons.
 */
export { APPROVED, BLOCKED, ERRORED, type Outcome };

const BYTES_PER_USER = 3;
const BLOCK = 4096;

export interface VerdictTally {
  users: number;
  /** The first user (index) with this verdict: the one whose trace tells the error text. */
  first: number;
}

/** Which users a page lists: an outcome, deciding steps (NO_STEP for none), a set of candidates. */
export interface ResultFilter {
  outcome?: Outcome;
  steps?: ReadonlySet<number>;
  /** Indexes to choose from, ascending (a search's matches); absent: everyone. */
  among?: ArrayLike<number>;
}

export class PackedResults {
  readonly bytes: Uint8Array;
  private readonly blockCounts: Uint32Array;
  readonly counts = [0, 0, 0];
  readonly tally = new Map<number, VerdictTally>();
  done = 0;
  private lastVerdict = -1;
  private lastTally: VerdictTally | undefined;

  constructor(readonly total: number) {
    this.bytes = new Uint8Array(total * BYTES_PER_USER);
    this.blockCounts = new Uint32Array(3 * Math.ceil(Math.max(1, total) / BLOCK));
  }

  private count(i: number, verdict: number): void {
    const outcome = verdict & 3;
    this.counts[outcome]!++;
    this.blockCounts[3 * ((i / BLOCK) | 0) + outcome]!++;
    // Neighbours mostly share a verdict: the map is only asked when it changes.
    if (verdict !== this.lastVerdict) {
      let entry = this.tally.get(verdict);
      if (!entry) this.tally.set(verdict, (entry = { users: 0, first: i }));
      this.lastVerdict = verdict;
      this.lastTally = entry;
    }
    this.lastTally!.users++;
  }

  /** Records user `i` (users are recorded in order). */
  set(i: number, verdict: number): void {
    const at = i * BYTES_PER_USER;
    this.bytes[at] = verdict & 0xff;
    this.bytes[at + 1] = (verdict >>> 8) & 0xff;
    this.bytes[at + 2] = (verdict >>> 16) & 0xff;
    this.count(i, verdict);
    if (i >= this.done) this.done = i + 1;
  }

  /** Takes stored bytes for users [start, start + n) back in (after a restart). */
  restore(start: number, stored: Uint8Array): void {
    const users = Math.min(stored.length / BYTES_PER_USER, this.total - start);
    this.bytes.set(stored.subarray(0, users * BYTES_PER_USER), start * BYTES_PER_USER);
    for (let i = start; i < start + users; i++) this.count(i, this.verdict(i));
    this.done = Math.max(this.done, start + users);
  }

  outcome(i: number): Outcome {
    return (this.bytes[i * BYTES_PER_USER]! & 3) as Outcome;
  }

  /** The packed verdict (src/lib/appeal/verdict.ts): unpack it for the step and the reason. */
  verdict(i: number): number {
    const at = i * BYTES_PER_USER;
    return this.bytes[at]! | (this.bytes[at + 1]! << 8) | (this.bytes[at + 2]! << 16);
  }

  private step(i: number): number {
    const at = i * BYTES_PER_USER;
    return this.bytes[at + 1]! | (this.bytes[at + 2]! << 8);
  }

  slice(start: number, end: number): Uint8Array {
    return this.bytes.slice(start * BYTES_PER_USER, end * BYTES_PER_USER);
  }

  /** Users of one page (1-based) among the first `done`, optionally of one outcome: their indexes. */
  page(page: number, perPage: number, outcome?: Outcome): number[] {
    const skip = (page - 1) * perPage;
    const out: number[] = [];
    if (outcome === undefined) {
      for (let i = skip; i < Math.min(this.done, skip + perPage); i++) out.push(i);
      return out;
    }
    if (skip >= this.counts[outcome]!) return out;
    let seen = 0;
    let block = 0;
    for (; block * BLOCK < this.done; block++) {
      const inBlock = this.blockCounts[3 * block + outcome]!;
      if (seen + inBlock > skip) break;
      seen += inBlock;
    }
    for (let i = block * BLOCK; i < this.done && out.length < perPage; i++) {
      if ((this.bytes[i * BYTES_PER_USER]! & 3) !== outcome) continue;
      if (seen++ >= skip) out.push(i);
    }
    return out;
  }

  /**
   * One page of the users a filter lets through, and how many it lets through in all (a scan of 3
   * bytes a user: a few milliseconds for a million). Without steps or candidates, `page` is faster.
   */
  filteredPage(page: number, perPage: number, filter: ResultFilter): { indexes: number[]; total: number } {
    const { outcome, steps, among } = filter;
    if (!steps && !among) {
      return {
        indexes: this.page(page, perPage, outcome),
        total: outcome === undefined ? this.done : this.counts[outcome]!,
      };
    }
    const skip = (page - 1) * perPage;
    const indexes: number[] = [];
    let total = 0;
    const test = (i: number) =>
      (outcome === undefined || (this.bytes[i * BYTES_PER_USER]! & 3) === outcome) &&
      (!steps || steps.has(this.step(i)));
    const take = (i: number) => {
      if (!test(i)) return;
      if (total >= skip && indexes.length < perPage) indexes.push(i);
      total++;
    };
    if (among) {
      for (let k = 0; k < among.length && among[k]! < this.done; k++) take(among[k]!);
    } else for (let i = 0; i < this.done; i++) take(i);
    return { indexes, total };
  }
}
