import { describe, expect, it } from 'vitest';
import type { Policy } from '../../src/lib/api/guardian/policy-schema';
import { SEED_POLICIES, seedFirstVersion } from '../db/seed-policies';
import { toWirePolicy } from '../db/wire-form';
import { Directory } from '../directory/directory';
import { FakeClock } from '../lib/clock';
import type { Target } from './expressions';
import { guardianEvaluator } from './guardian-evaluator';
import { APPROVED, BLOCKED, ERRORED } from './outcome';
import { TestRegistry } from './test-registry';
import { TestRun, progressAt, type TestRecord } from './test-run';

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

const policyWith = (steps: Policy['steps']): Policy => ({ id: 'p', version: 1, steps, labels: {}, requirements: [] });

describe('engine on the example policies', () => {
  it(
    'bigquery_approval: users without userManager error (the sample resource holds PII); the rest are approved',
    { timeout: 30_000 },
    () => {
      const directory = new Directory(7, 3000);
      const evaluate = guardianEvaluator(example('bigquery_approval'), 'guardian-1.12');
      let withoutManager = 0;
      for (let i = 0; i < 3000; i++) {
        const profile = directory.profile(i);
        const outcome = evaluate(profile);
        if (profile.userManager === undefined) {
          withoutManager++;
          expect(outcome).toBe(ERRORED);
        } else expect(outcome).toBe(APPROVED);
      }
      expect(withoutManager).toBeGreaterThan(30);
      expect(withoutManager).toBeLessThan(300);
    },
  );

  it(
    'my-second-policy: employee_check blocks everyone whose company is not "Company Name"',
    { timeout: 30_000 },
    () => {
      const directory = new Directory(7, 3000);
      const evaluate = guardianEvaluator(example('my-second-policy'), 'guardian-1.12');
      const outcomes = { blocked: 0, approved: 0 };
      for (let i = 0; i < 3000; i++) {
        const profile = directory.profile(i);
        const outcome = evaluate(profile);
        expect(outcome).toBe(profile.company === 'Company Name' ? APPROVED : BLOCKED);
        outcomes[outcome === BLOCKED ? 'blocked' : 'approved']++;
      }
      expect(outcomes.blocked).toBeGreaterThan(200);
    },
  );

  it('my_policy: the manager step runs (sensitive resource) and needs manager_email', () => {
    const directory = new Directory(7, 500);
    const evaluate = guardianEvaluator(example('my_policy'), 'guardian-1.12');
    for (let i = 0; i < 500; i++) {
      const p = directory.profile(i);
      expect(evaluate(p)).toBe(p.manager_email ? APPROVED : ERRORED);
    }
  });

  it('my-first-policy and validPolicy approve everyone (literal and resource approvers)', () => {
    const run = new TestRun(record(example('my-first-policy')));
    expect(run.summary(60_000)).toMatchObject({ status: 'complete', approved: 3000, blocked: 0, errored: 0 });
  });
});

describe('step semantics', () => {
  const profile = new Directory(7, 10).profile(3);
  const run = (steps: Policy['steps'], target: Target = 'guardian-1.12') =>
    guardianEvaluator(policyWith(steps), target)(profile);
  const auto = (approveIf: string, extra: Partial<Policy['steps'][number]> = {}) => ({
    name: 'a',
    strategy: 'auto' as const,
    approveIf,
    approvers: [],
    allowFailed: false,
    ...extra,
  });
  const manual = (approvers: string[], extra: Partial<Policy['steps'][number]> = {}) => ({
    name: 'm',
    strategy: 'manual' as const,
    approvers,
    allowFailed: false,
    ...extra,
  });

  it('a falsy `when` skips the step', () => {
    expect(run([auto('false', { when: '1 == 0' })])).toBe(APPROVED);
    expect(run([auto('false', { when: '1 == 1' })])).toBe(BLOCKED);
  });

  it('allow_failed turns a block into a skip', () => {
    expect(run([auto('false', { allowFailed: true }), manual(['x@example.com'])])).toBe(APPROVED);
  });

  it('manual steps need one approver that resolves to an email', () => {
    expect(run([manual(['$appeal.resource.details.owner'])])).toBe(APPROVED);
    expect(run([manual(['$appeal.creator.no_such_field'])])).toBe(ERRORED);
    expect(run([manual(['$appeal.resource.name'])])).toBe(ERRORED);
    expect(run([manual(['$appeal.creator.no_such_field', 'fallback@example.com'])])).toBe(ERRORED);
    expect(run([manual(['["not an email", "ok@example.com"]'])])).toBe(APPROVED);
  });

  it('an expression that fails to evaluate, or a nil condition, is an error', () => {
    expect(run([auto('$appeal.creator.no_such.deeper == 1')])).toBe(ERRORED);
    expect(run([auto('$appeal.creator.no_such_field')])).toBe(ERRORED);
    expect(run([auto('true', { when: 'nil' })])).toBe(ERRORED);
    expect(run([auto('((')])).toBe(ERRORED);
  });

  it('evaluates with the configured expr target: lower() fails on 1.12, works on 1.15', () => {
    const steps = [auto('lower($appeal.creator.email) != ""')];
    expect(run(steps, 'guardian-1.12')).toBe(ERRORED);
    expect(run(steps, 'guardian-1.15')).toBe(APPROVED);
  });

  it('steps run in order: the first block ends the walk', () => {
    expect(run([auto('false'), manual(['$appeal.creator.no_such_field'])])).toBe(BLOCKED);
    expect(run([manual(['$appeal.creator.no_such_field']), auto('false')])).toBe(ERRORED);
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
