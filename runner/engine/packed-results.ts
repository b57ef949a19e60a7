/**
 * A test's per-user results, 3 bytes a user: outcome (0 approved, 1 blocked, 2 error), the deciding
 * step (its index + 1; 0 = none) and the reason (an index into the test's list of reason texts; 0 =
 * none). Counts per block of 4,096 users let "page 400 of the blocked users" skip to the right block.
 */
export const APPROVED = 0;
export const BLOCKED = 1;
export const ERRORED = 2;
export type Outcome = typeof APPROVED | typeof BLOCKED | typeof ERRORED;

export const BYTES_PER_USER = 3;
const BLOCK = 4096;

export class PackedResults {
  readonly bytes: Uint8Array;
  private readonly blockCounts: Uint32Array;
  readonly counts = [0, 0, 0];
  done = 0;

  constructor(readonly total: number) {
    this.bytes = new Uint8Array(total * BYTES_PER_USER);
    this.blockCounts = new Uint32Array(3 * Math.ceil(Math.max(1, total) / BLOCK));
  }

  /** Records user `i` (users are recorded in order). */
  set(i: number, outcome: Outcome, step: number, reason: number): void {
    const at = i * BYTES_PER_USER;
    this.bytes[at] = outcome;
    this.bytes[at + 1] = step > 255 ? 255 : step;
    this.bytes[at + 2] = reason > 255 ? 255 : reason;
    this.counts[outcome]!++;
    this.blockCounts[3 * ((i / BLOCK) | 0) + outcome]!++;
    if (i >= this.done) this.done = i + 1;
  }

  /** Takes stored bytes for users [start, start + n) back in (after a restart). */
  restore(start: number, stored: Uint8Array): void {
    const users = Math.min(stored.length / BYTES_PER_USER, this.total - start);
    this.bytes.set(stored.subarray(0, users * BYTES_PER_USER), start * BYTES_PER_USER);
    for (let i = start; i < start + users; i++) {
      const outcome = this.bytes[i * BYTES_PER_USER]!;
      this.counts[outcome]!++;
      this.blockCounts[3 * ((i / BLOCK) | 0) + outcome]!++;
    }
    this.done = Math.max(this.done, start + users);
  }

  outcome(i: number): Outcome {
    return this.bytes[i * BYTES_PER_USER] as Outcome;
  }

  step(i: number): number {
    return this.bytes[i * BYTES_PER_USER + 1]!;
  }

  reason(i: number): number {
    return this.bytes[i * BYTES_PER_USER + 2]!;
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
      if (this.bytes[i * BYTES_PER_USER] !== outcome) continue;
      if (seen++ >= skip) out.push(i);
    }
    return out;
  }
}
