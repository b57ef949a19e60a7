import { describe, expect, it } from 'vitest';
import type { Policy } from '../../src/lib/api/guardian/policy-schema';
import { SEED_POLICIES, seedFirstVersion } from '../db/seed-policies';
import { toWirePolicy } from '../db/wire-form';
import { Directory, IAM_NOT_FOUND } from '../directory/directory';
import { RECORD_BITS } from '../directory/iam-record-fields';
import { FakeClock } from '../lib/clock';
import type { Target } from './expressions';
import { guardianEvaluator } from './guardian-evaluator';
import { APPROVED, BLOCKED, ERRORED, outcomeOf, type UserUnderTest } from './outcome';
import { TestRegistry } from './test-registry';
import { TestRun, progressAt, type TestRecord } from './test-run';
import { unpackVerdict } from '../../src/lib/appeal';

const example = (id: string): Policy =>
  seedFirstVersion(SEED_POLICIES.find((s) => (s.source as { id: string }).id === id)!);

function record(policy: Policy, overrides: Partial<TestRecord> = {}): TestRecord {
  return {
    id: 't',
    accountId: 'a',
    policies: [{ kind: 'guardian', ref: `${policy.id}:${policy.version}`, policy: toWirePolicy(policy) }],
    startedAt: 0,
    userCount: 3000,
    usersPerSecond: 1000,
    timeBudgetMs: 60_000,
    seed: 7,
    exprTarget: 'guardian-1.12',
    hostileNames: true,
    blocked: false,
    ...overrides,
  };
}

/** User i as the engine sees them: email, and the IAM's answer (a 404 for a few). */
function userAt(directory: Directory, i: number): UserUnderTest {
  const record = directory.unknownToIam(i) ? {} : directory.iamRecord(i);
  return {
    email: directory.email(i),
    record,
    iam: directory.unknownToIam(i) ? { ok: false, message: IAM_NOT_FOUND } : { ok: true, body: record },
  };
}

describe('engine on the example policies (creators through each policy’s IAM)', () => {
  const directory = new Directory(7, 3000);
  const outcomes = (policy: Policy, target: Target = 'guardian-1.12') => {
    const evaluate = guardianEvaluator(policy, target, 0);
    return Array.from({ length: 3000 }, (_, i) => outcomeOf(evaluate(userAt(directory, i))));
  };

  it('bigquery_approval maps userManager ← manager_email: users without a manager, or unknown to the IAM, error', () => {
    const results = outcomes(example('bigquery_approval'));
    let errored = 0;
    results.forEach((outcome, i) => {
      const record = directory.iamRecord(i);
      const expected = directory.unknownToIam(i) || !record.manager_email ? ERRORED : APPROVED;
      expect(outcome, `user ${i}`).toBe(expected);
      if (expected === ERRORED) errored++;
    });
    expect(errored).toBeGreaterThan(30);
    expect(errored).toBeLessThan(300);
  });

  it('my-second-policy maps company ← companyName: employee_check blocks everyone else', () => {
    const results = outcomes(example('my-second-policy'));
    let blocked = 0;
    results.forEach((outcome, i) => {
      const expected = directory.unknownToIam(i)
        ? ERRORED
        : directory.iamRecord(i).companyName === 'Company Name'
          ? APPROVED
          : BLOCKED;
      expect(outcome, `user ${i}`).toBe(expected);
      if (outcome === BLOCKED) blocked++;
    });
    expect(blocked).toBeGreaterThan(200);
  });

  it('my_policy has no IAM, so no creator: its `$appeal.creator.manager_email` approver errors for everyone', () => {
    expect(new Set(outcomes(example('my_policy')))).toEqual(new Set([ERRORED]));
  });

  it('my-first-policy approves everyone (literal and resource approvers); so does validPolicy (id "id") whom its IAM knows', () => {
    const run = new TestRun(record(example('my-first-policy')));
    expect(run.summary(60_000)).toMatchObject({ status: 'complete', approved: 3000, blocked: 0, errored: 0 });
    // validPolicy has an IAM: a user the IAM does not know fails the lookup, and the appeal.
    outcomes(example('id')).forEach((outcome, i) =>
      expect(outcome).toBe(directory.unknownToIam(i) ? ERRORED : APPROVED),
    );
  });

  it('reads only the record fields a policy needs', () => {
    const evaluate = guardianEvaluator(example('bigquery_approval'), 'guardian-1.12', 0);
    expect(evaluate.fields).toBe(RECORD_BITS.manager_email);
    expect(evaluate.needsEmail).toBe(false);
  });
});

describe('test runs', () => {
  it('are deterministic for a seed, and differ for another seed', () => {
    const policy = example('bigquery_approval');
    const a = new TestRun(record(policy)).page(1e9, 1, 1000, ERRORED).map((u) => u.email);
    const b = new TestRun(record(policy)).page(1e9, 1, 1000, ERRORED).map((u) => u.email);
    const c = new TestRun(record(policy, { seed: 8 })).page(1e9, 1, 1000, ERRORED).map((u) => u.email);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('process users over time (no timers: the clock decides)', () => {
    const run = new TestRun(record(example('my-second-policy')));
    expect(run.summary(0)).toMatchObject({ status: 'processing', processed: 0 });
    expect(run.summary(1500).processed).toBe(1500);
    expect(run.page(1500, 2, 1000)).toHaveLength(500);
    expect(run.summary(2999).processed).toBe(2999);
    expect(run.summary(3000)).toMatchObject({ status: 'complete', processed: 3000 });
    const s = run.summary(3000);
    expect(s.approved + s.blocked + s.errored).toBe(3000);
  });

  it('exceed their time budget', () => {
    const r = record(example('my_policy'), { timeBudgetMs: 2000 });
    expect(progressAt(r, 1999)).toEqual({ status: 'processing', processed: 1999 });
    expect(progressAt(r, 2000)).toEqual({ status: 'exceeded time', processed: 2000 });
    expect(progressAt(r, 10_000)).toEqual({ status: 'exceeded time', processed: 2000 });
    const fits = record(example('my_policy'), { timeBudgetMs: 3000 });
    expect(progressAt(fits, 3000)).toEqual({ status: 'complete', processed: 3000 });
  });

  it('filtered pages match a full scan, across chunk boundaries', { timeout: 30_000 }, () => {
    const run = new TestRun(record(example('bigquery_approval'), { userCount: 20_000, usersPerSecond: 1e6 }));
    const all: number[] = [];
    for (let page = 1; ; page++) {
      const users = run.page(1e9, page, 1000);
      if (users.length === 0) break;
      users.forEach((u, i) => u.outcome === ERRORED && all.push((page - 1) * 1000 + i));
    }
    const filtered = [1, 2, 3, 4].flatMap((page) => run.page(1e9, page, 200, ERRORED).map((u) => u.email));
    const directory = new Directory(7, 20_000);
    expect(filtered).toEqual(all.slice(0, 800).map((i) => directory.email(i)));
    expect(run.page(1e9, 1000, 200, ERRORED)).toEqual([]);
  });

  it('a registry blocks tests beyond the concurrency limit of an account', () => {
    const clock = new FakeClock(0);
    const registry = new TestRegistry(clock);
    const policy = example('my_policy');
    registry.add(record(policy, { id: 'a' }));
    registry.add(record(policy, { id: 'b' }));
    expect(registry.processingCount('a')).toBe(2);
    expect(registry.processingCount('other')).toBe(0);
    clock.advance(10_000);
    expect(registry.processingCount('a')).toBe(0);
  });

  it('several policies: approved only if every one approves; errors win', () => {
    const r = record(example('my-second-policy'));
    r.policies.push({
      kind: 'guardian',
      ref: 'bigquery_approval:1',
      policy: toWirePolicy(example('bigquery_approval')),
    });
    const combined = new TestRun(r).summary(1e9);
    const second = new TestRun(record(example('my-second-policy'))).summary(1e9);
    expect(combined.approved).toBeLessThan(second.approved);
    expect(combined.errored).toBeGreaterThan(0);
  });

  it('inline Access policies: include / require / exclude over email, domain and country', () => {
    const r = record(example('my_policy'), {
      policies: [
        {
          kind: 'access',
          policy: {
            name: 'US staff',
            decision: 'allow',
            include: [{ email_domain: { domain: 'example.com' } }],
            require: [{ geo: { country_code: 'US' } }],
          },
        },
      ],
    });
    const s = new TestRun(r).summary(1e9);
    expect(s.errored).toBe(0);
    expect(s.approved).toBeGreaterThan(600);
    expect(s.blocked).toBeGreaterThan(1500);
    const unsupported = new TestRun({
      ...r,
      policies: [{ kind: 'access', policy: { name: 'g', decision: 'allow', include: [{ group: { id: 'x' } }] } }],
    });
    expect(unsupported.summary(1e9).errored).toBe(3000);
  });
});

describe('each user’s deciding step and reason, kept by the engine', () => {
  const policy: Policy = {
    id: 'why',
    version: 1,
    labels: {},
    requirements: [],
    iam: {
      provider: 'http',
      config: { url: 'https://iam.example.com/u/{user_id}', auth: { type: 'bearer', token: 't' } },
      schema: {},
    },
    steps: [
      {
        name: 'gate',
        strategy: 'auto',
        approveIf: '$appeal.creator.department != "sales"',
        approvers: [],
        allowFailed: false,
      },
      { name: 'manager', strategy: 'manual', approvers: ['$appeal.creator.manager_email'], allowFailed: false },
    ],
  };

  it('for every outcome kind, in 3 bytes a user', () => {
    const run = new TestRun(record(policy, { hostileNames: false }));
    const results = run.results(1e9);
    expect(results.bytes.byteLength).toBe(3 * 3000);
    const directory = new Directory(7, 3000, false);
    const seen = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      const got = unpackVerdict(results.verdict(i));
      const r = directory.iamRecord(i);
      const expected = directory.unknownToIam(i)
        ? { outcome: ERRORED, reason: 'creator_lookup_failed', step: undefined }
        : !r.manager_email
          ? { outcome: ERRORED, reason: 'approver_nil', step: 1 }
          : r.department === 'sales'
            ? { outcome: BLOCKED, reason: 'approve_if_false', step: 0 }
            : { outcome: APPROVED, reason: 'awaits_approval', step: 1 };
      expect(got, `user ${i}`).toEqual(expected);
      seen.add(expected.reason);
    }
    expect(seen).toEqual(new Set(['creator_lookup_failed', 'approver_nil', 'approve_if_false', 'awaits_approval']));
  });

  it('names the step and traces the error text of a user again, from the directory', () => {
    const broken: Policy = {
      ...policy,
      steps: [
        {
          name: 'gate',
          strategy: 'auto',
          approveIf: '$appeal.creator.manager.email == "x"',
          approvers: [],
          allowFailed: false,
        },
      ],
    };
    const run = new TestRun(record(broken, { hostileNames: false }));
    const results = run.results(1e9);
    const directory = new Directory(7, 3000, false);
    const i = Array.from({ length: 3000 }, (_, k) => k).find(
      (k) => !directory.unknownToIam(k) && !directory.iamRecord(k).manager,
    )!;
    expect(run.explainer.why(results.verdict(i), () => run.whoIs(i))).toEqual({
      step: 'gate',
      reason: 'approve_if_error',
      error: expect.stringMatching(/nil.*\(at 1:\d+\)$/),
    });
  });
});
