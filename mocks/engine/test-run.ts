import type { TestPolicy, TestStatus, TestSummary as ApiTestSummary } from '../../server/policy-tests-api';
import { policySchema } from '../../src/lib/api/guardian/policy-schema';
import { PackedResults } from '../../server/policy-tests-api/packed-results';
import { TestExplainer } from '../../server/policy-tests-api/test-explainer';
import type { AppealCreator } from '../../src/lib/appeal';
import { Directory, IAM_NOT_FOUND, type DirectoryUser } from '../directory/directory';
import { accessEvaluator } from './access-evaluator';
import type { Target } from './expressions';
import { guardianEvaluator } from './guardian-evaluator';
import {
  APPROVED,
  BLOCKED,
  ERRORED,
  combineEvaluators,
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

export type { TestStatus };

/** The counts of the API's test summary (the API adds the id and the reasons). */
export type TestSummary = Omit<ApiTestSummary, 'id' | 'reasons'>;

export type { TestPolicy };

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
 * are done and are not evaluated yet get evaluated, in directory order. Each user's packed verdict
 * (outcome, reason, deciding step: 3 bytes) is kept, with per-block counts so that "page 40 of the
 * blocked users" needs no per-status index.
 */
export class TestRun {
  readonly directory: Directory;
  private evaluator: UserEvaluator | undefined;
  private packed: PackedResults | undefined;
  private explaining: TestExplainer | undefined;
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
  private advance(upTo: number): PackedResults {
    const results = (this.packed ??= new PackedResults(this.record.userCount));
    if (upTo <= results.done) return results;
    this.evaluator ??= this.compile();
    const evaluate = this.evaluator;
    const directory = this.directory;
    const fields = evaluate.fields;
    const needsEmail = evaluate.needsEmail;
    const found = { ok: true as const, body: {} as unknown };
    const notFound = { ok: false as const, message: IAM_NOT_FOUND };
    const user: UserUnderTest = { email: '', iam: found, record: {} };
    for (let i = results.done; i < upTo; i++) {
      if (needsEmail) user.email = directory.email(i);
      if (directory.unknownToIam(i)) {
        user.iam = notFound;
        user.record = {};
      } else {
        user.record = directory.iamRecord(i, fields);
        found.body = user.record;
        user.iam = found;
      }
      results.set(i, evaluate(user));
    }
    return results;
  }

  /** Drops the computed results; they are recomputed (identically) when next needed. */
  release(): void {
    this.packed = undefined;
    this.evaluator = undefined;
  }

  get materialised(): boolean {
    return this.packed !== undefined;
  }

  /** The results of every user the clock says is done. */
  results(now: number): PackedResults {
    return this.advance(progressAt(this.record, now).processed);
  }

  /** Why each user got their result: step, reason and error text, re-traced from the directory. */
  get explainer(): TestExplainer {
    return (this.explaining ??= new TestExplainer(this.record.policies, this.record.exprTarget, this.record.startedAt));
  }

  /** Who filed user i's appeal and what the mock IAM answers for them. */
  readonly whoIs = (i: number): AppealCreator => ({
    createdBy: this.directory.email(i),
    iam: this.directory.unknownToIam(i)
      ? { ok: false, message: IAM_NOT_FOUND }
      : { ok: true, body: this.directory.iamRecord(i) },
  });

  summary(now: number): TestSummary {
    const { status, processed } = progressAt(this.record, now);
    const results = this.advance(processed);
    return {
      status,
      total: this.record.userCount,
      processed,
      approved: results.counts[APPROVED]!,
      blocked: results.counts[BLOCKED]!,
      errored: results.counts[ERRORED]!,
    };
  }

  /** One page (1-based) of processed users, in directory order, optionally of one outcome. */
  page(now: number, page: number, perPage: number, outcome?: Outcome): (DirectoryUser & { outcome: Outcome })[] {
    const results = this.results(now);
    return results
      .page(page, perPage, outcome)
      .map((i) => ({ ...this.directory.user(i), outcome: results.outcome(i) }));
  }
}
