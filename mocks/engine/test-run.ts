import type { TestPolicy } from '../../server/policy-tests-api';
import { policySchema } from '../../src/lib/api/guardian/policy-schema';
import { Directory, IAM_NOT_FOUND, type DirectoryUser } from '../directory/directory';
import { accessEvaluator } from './access-evaluator';
import type { Target } from './expressions';
import { guardianEvaluator } from './guardian-evaluator';
import {
  APPROVED,
  BLOCKED,
  ERRORED,
  combineEvaluators,
  outcomeOf,
  type Outcome,
  type UserEvaluator,
  type UserUnderTest,
} from './outcome';

/**
 * Everything that defines a test. Progress is a function of this record and the clock, so it is all
 * the browser persists: after a reload the same users come out with the same results.
 */
export interface TestRecord {
  id: string;
  accountId: string;
  policies: TestPolicy[];
  startedAt: number;
  userCount: number;
  usersPerSecond: number;
  timeBudgetMs: number;
  seed: number;
  exprTarget: Target;
  hostileNames: boolean;
  /** Refused at start: too many tests were processing. */
  blocked: boolean;
}

export type TestStatus = 'processing' | 'complete' | 'exceeded time' | 'blocked';

export interface TestSummary {
  status: TestStatus;
  total: number;
  processed: number;
  approved: number;
  blocked: number;
  errored: number;
}

export type { TestPolicy };

const CHUNK = 4096;

/** Where a test is at `now`: how many users are done, and its status. */
export function progressAt(record: TestRecord, now: number): { status: TestStatus; processed: number } {
  if (record.blocked) return { status: 'blocked', processed: 0 };
  const elapsed = Math.max(0, now - record.startedAt);
  const budgetCap = Math.floor((record.timeBudgetMs / 1000) * record.usersPerSecond);
  const byNow = Math.floor((elapsed / 1000) * record.usersPerSecond);
  if (budgetCap >= record.userCount) {
    const processed = Math.min(record.userCount, byNow);
    return { status: processed >= record.userCount ? 'complete' : 'processing', processed };
  }
  if (elapsed >= record.timeBudgetMs) return { status: 'exceeded time', processed: budgetCap };
  return { status: 'processing', processed: Math.min(byNow, budgetCap) };
}

/**
 * A test's results, computed lazily: when status or users are asked for, the users the clock says
 * are done and are not evaluated yet get evaluated, in directory order. One byte per user, plus
 * per-chunk counts so that "page 40 of the blocked users" needs no per-status index.
 */
export class TestRun {
  readonly directory: Directory;
  private evaluator: UserEvaluator | undefined;
  private outcomes: Uint8Array | undefined;
  private chunkCounts: Uint32Array | undefined;
  private done = 0;
  private counts = [0, 0, 0];
  lastUsed = 0;

  constructor(readonly record: TestRecord) {
    this.directory = new Directory(record.seed, record.userCount, record.hostileNames);
  }

  private compile(): UserEvaluator {
    const evaluators = this.record.policies.map((p) =>
      p.kind === 'guardian'
        ? guardianEvaluator(policySchema.parse(p.policy), this.record.exprTarget, this.record.startedAt)
        : accessEvaluator(p.policy),
    );
    return combineEvaluators(evaluators);
  }

  /** Evaluates users up to (not including) `upTo`. */
  private advance(upTo: number): void {
    if (upTo <= this.done) return;
    this.evaluator ??= this.compile();
    const total = this.record.userCount;
    this.outcomes ??= new Uint8Array(total);
    this.chunkCounts ??= new Uint32Array(3 * Math.ceil(total / CHUNK));
    const outcomes = this.outcomes;
    const chunks = this.chunkCounts;
    const evaluate = this.evaluator;
    const directory = this.directory;
    const fields = evaluate.fields;
    const needsEmail = evaluate.needsEmail;
    const found = { ok: true as const, body: {} as unknown };
    const notFound = { ok: false as const, message: IAM_NOT_FOUND };
    const user: UserUnderTest = { email: '', iam: found, record: {} };
    for (let i = this.done; i < upTo; i++) {
      if (needsEmail) user.email = directory.email(i);
      if (directory.unknownToIam(i)) {
        user.iam = notFound;
        user.record = {};
      } else {
        user.record = directory.iamRecord(i, fields);
        found.body = user.record;
        user.iam = found;
      }
      const outcome: Outcome = outcomeOf(evaluate(user));
      outcomes[i] = outcome;
      this.counts[outcome]!++;
      chunks[3 * ((i / CHUNK) | 0) + outcome]!++;
    }
    this.done = upTo;
  }

  /** Drops the computed results; they are recomputed (identically) when next needed. */
  release(): void {
    this.outcomes = undefined;
    this.chunkCounts = undefined;
    this.evaluator = undefined;
    this.done = 0;
    this.counts = [0, 0, 0];
  }

  get materialised(): boolean {
    return this.outcomes !== undefined;
  }

  summary(now: number): TestSummary {
    const { status, processed } = progressAt(this.record, now);
    this.advance(processed);
    return {
      status,
      total: this.record.userCount,
      processed,
      approved: this.counts[APPROVED]!,
      blocked: this.counts[BLOCKED]!,
      errored: this.counts[ERRORED]!,
    };
  }

  /** The index of the n-th (0-based) processed user with `outcome`, or -1. */
  private nth(outcome: Outcome, n: number): number {
    const chunks = this.chunkCounts!;
    let seen = 0;
    for (let c = 0; c * CHUNK < this.done; c++) {
      const inChunk = chunks[3 * c + outcome]!;
      if (seen + inChunk <= n) {
        seen += inChunk;
        continue;
      }
      const end = Math.min(this.done, (c + 1) * CHUNK);
      for (let i = c * CHUNK; i < end; i++) {
        if (this.outcomes![i] === outcome && seen++ === n) return i;
      }
    }
    return -1;
  }

  /** One page (1-based) of processed users, in directory order, optionally of one outcome. */
  page(now: number, page: number, perPage: number, outcome?: Outcome): (DirectoryUser & { outcome: Outcome })[] {
    const { processed } = progressAt(this.record, now);
    this.advance(processed);
    const skip = (page - 1) * perPage;
    const out: (DirectoryUser & { outcome: Outcome })[] = [];
    if (outcome === undefined) {
      for (let i = skip; i < Math.min(processed, skip + perPage); i++)
        out.push({ ...this.directory.user(i), outcome: this.outcomes![i] as Outcome });
      return out;
    }
    if (skip >= this.counts[outcome]!) return out;
    for (let i = this.nth(outcome, skip); i >= 0 && i < processed && out.length < perPage; i++) {
      if (this.outcomes![i] === outcome) out.push({ ...this.directory.user(i), outcome });
    }
    return out;
  }
}
