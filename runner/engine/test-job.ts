import type { TestStatus } from '../../server/policy-tests-api';
import type { UserDirectory } from '../directory/user-directory';
import type { StoredTest, TestRepository } from '../storage/test-repository';
import { UNCOMPILABLE, type CompiledTest } from './compile-test';
import type { PackedResults } from '../../server/policy-tests-api/packed-results';

/** Users a stored chunk of results holds: a million-user test is 16 rows of 192 KB. */
export const CHUNK_USERS = 65_536;
/** The longest the job keeps the event loop before letting requests in. */
const SLICE_MS = 20;
const RETRY_MS = 2000;
/** Records fetched from IAM ahead of evaluation, at a time. */
const PREFETCH_USERS = 512;

export interface JobContext {
  repository: TestRepository;
  now(): number;
  log(line: string): void;
  /** Called before the first user is evaluated (e.g. to store the directory's people). */
  prepare?: () => Promise<void>;
  /** Called after each stored chunk (logs, tests). */
  onSaved?: (job: TestJob) => void;
}

/**
 * One running test: evaluates users in order, a slice at a time, and stores each finished chunk of
 * results with the counters in one statement, so a restart resumes from the last stored chunk. Time
 * spent is counted across restarts; past the budget the test ends as `exceeded time`.
 */
export class TestJob {
  status: TestStatus = 'processing';
  private stopped = false;
  private elapsedBefore: number;
  private resumedAt = 0;
  readonly finished: Promise<void>;

  constructor(
    readonly test: StoredTest,
    readonly directory: UserDirectory,
    readonly results: PackedResults,
    private readonly compiled: CompiledTest | Error,
    private readonly context: JobContext,
  ) {
    this.elapsedBefore = test.elapsedMs;
    this.finished = this.run();
  }

  get elapsedMs(): number {
    return this.elapsedBefore + (this.resumedAt === 0 ? 0 : this.context.now() - this.resumedAt);
  }

  stop(): Promise<void> {
    this.stopped = true;
    return this.finished;
  }

  private snapshot(status: TestStatus) {
    const r = this.results;
    return {
      id: this.test.id,
      status,
      processed: r.done,
      approved: r.counts[0]!,
      blocked: r.counts[1]!,
      errored: r.counts[2]!,
      elapsedMs: this.elapsedMs,
      reasons: this.test.reasons,
    };
  }

  /** Saves progress (and the chunk `upTo` ends in); waits out a database that is gone. */
  private async save(status: TestStatus, chunkOf?: number): Promise<void> {
    const chunk =
      chunkOf === undefined
        ? undefined
        : {
            index: chunkOf,
            results: this.results.slice(
              chunkOf * CHUNK_USERS,
              Math.min(this.results.done, (chunkOf + 1) * CHUNK_USERS),
            ),
          };
    for (;;) {
      try {
        await this.context.repository.saveProgress(this.snapshot(status), chunk);
        this.context.onSaved?.(this);
        return;
      } catch (error) {
        if (this.stopped) return;
        this.context.log(`test ${this.test.id}: could not save progress (${(error as Error).message}); retrying`);
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }

  private async run(): Promise<void> {
    await Promise.resolve();
    this.resumedAt = this.context.now();
    try {
      await this.context.prepare?.();
    } catch (error) {
      this.context.log(`test ${this.test.id}: ${(error as Error).message}`);
    }
    const total = this.results.total;
    const compiled = this.compiled;
    const directory = this.directory;
    const evaluateUser =
      compiled instanceof Error
        ? () => UNCOMPILABLE
        : (i: number) =>
            compiled.evaluate(compiled.needsEmail ? directory.email(i) : '', directory.record(i, compiled.keys));
    if (total === 0) {
      this.status = 'complete';
      await this.save(this.status);
      return;
    }
    while (this.results.done < total) {
      if (this.stopped) return;
      if (this.elapsedMs > this.test.timeBudgetMs) {
        this.status = 'exceeded time';
        const done = this.results.done;
        await this.save(this.status, done % CHUNK_USERS === 0 ? undefined : Math.floor(done / CHUNK_USERS));
        return;
      }
      const sliceStart = this.context.now();
      let chunkEnd = Math.min(total, (Math.floor(this.results.done / CHUNK_USERS) + 1) * CHUNK_USERS);
      let i = this.results.done;
      if (this.directory.prefetch) {
        const end = Math.min(chunkEnd, i + PREFETCH_USERS);
        await this.directory.prefetch(i, end);
        if (this.stopped) return;
        if (end < chunkEnd) chunkEnd = Math.max(end, i);
      }
      const chunkBoundary = Math.min(total, (Math.floor(i / CHUNK_USERS) + 1) * CHUNK_USERS);
      while (i < chunkEnd) {
        this.results.set(i, evaluateUser(i));
        i++;
        if ((i & 1023) === 0 && this.context.now() - sliceStart > SLICE_MS) break;
      }
      if (i === chunkBoundary) {
        const last = i === total;
        if (last) this.status = 'complete';
        await this.save(this.status, Math.floor((i - 1) / CHUNK_USERS));
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
