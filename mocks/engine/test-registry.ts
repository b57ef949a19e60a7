import { hash32, uuidFrom } from '../lib/random';
import type { Clock } from '../lib/clock';
import { TestRun, progressAt, type TestRecord } from './test-run';

/** How many tests keep their computed results in memory; older ones recompute when read again. */
const MATERIALISED_LIMIT = 6;

/**
 * The account's tests. A test started while `concurrencyLimit` others are still processing is
 * `blocked`, as the real tester refuses to queue more; a record is all that is kept durable.
 */
export class TestRegistry {
  private readonly runs = new Map<string, TestRun>();
  private counter = 0;

  constructor(private readonly clock: Clock) {}

  processingCount(accountId: string): number {
    const now = this.clock.now();
    let n = 0;
    for (const run of this.runs.values()) {
      if (run.record.accountId === accountId && progressAt(run.record, now).status === 'processing') n++;
    }
    return n;
  }

  newId(seed: number): string {
    this.counter++;
    return uuidFrom(seed, hash32(this.clock.now() % 2147483647, this.runs.size, this.counter), 0x7e57);
  }

  add(record: TestRecord): TestRun {
    const run = new TestRun(record);
    this.runs.set(record.id, run);
    return run;
  }

  /** A test, marked as used (results of the least recently used tests are released). */
  get(id: string, accountId: string): TestRun | undefined {
    const run = this.runs.get(id);
    if (!run || run.record.accountId !== accountId) return undefined;
    run.lastUsed = this.clock.now() + this.counter++ / 1e6;
    const materialised = [...this.runs.values()].filter((r) => r.materialised && r !== run);
    if (materialised.length >= MATERIALISED_LIMIT) {
      materialised.sort((a, b) => a.lastUsed - b.lastUsed)[0]!.release();
    }
    return run;
  }

  records(): TestRecord[] {
    return [...this.runs.values()].map((r) => r.record);
  }

  clear(): void {
    this.runs.clear();
  }
}
