import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestPolicy, TestSummary, UserRow, UsersPage } from '../../server/policy-tests-api';
import { OUTCOME_WORDS, unpackVerdict } from '../../src/lib/appeal';
import { catalogPolicySource } from '../../mocks/db/catalog-policy-source';
import { Catalog } from '../../mocks/db/catalog';
import { FakeClock } from '../../mocks/lib/clock';
import { MockState } from '../../mocks/state/mock-state';
import { memoryTestStore } from '../../mocks/engine/memory-test-store';
import { DEFAULT_CONFIG } from '../../mocks/state/config';
import { readCsvDirectory } from '../directory/read-csv';
import { SyntheticDirectory } from '../directory/synthetic-directory';
import type { UserDirectory } from '../directory/user-directory';
import type { Database } from '../storage/database';
import { TestRepository } from '../storage/test-repository';
import { pgliteDatabase } from '../test/test-databases';
import { RunnerTestStore, type RunnerStoreOptions } from './runner-test-store';

const SEED = DEFAULT_CONFIG.seed;
const testDb = pgliteDatabase();
let db: Database;
let repository: TestRepository;
const catalog = new Catalog({ ...DEFAULT_CONFIG });
const source = catalogPolicySource(() => catalog, 404);

async function policies(...refs: string[]): Promise<TestPolicy[]> {
  const out: TestPolicy[] = [];
  for (const ref of refs) {
    const [id, version] = ref.split(':');
    const found = await source.lookup(id!, Number(version));
    if (!found.ok) throw new Error(found.message);
    out.push({ kind: 'guardian', ref: found.ref, policy: found.policy });
  }
  return out;
}

function store(directory: () => UserDirectory, options: Partial<RunnerStoreOptions> = {}) {
  return new RunnerTestStore({
    repository,
    directory,
    exprTarget: 'guardian-1.12',
    timeBudgetMs: 600_000,
    testExpiryMs: 86_400_000,
    concurrencyLimit: 3,
    log: () => undefined,
    ...options,
  });
}

async function finished(s: RunnerTestStore, id: string, account = 'acc'): Promise<TestSummary> {
  for (let i = 0; i < 2000; i++) {
    const summary = await s.summary(account, id);
    if (summary && summary.status !== 'processing') return summary;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the test never finished');
}

async function allUsers(s: RunnerTestStore, id: string, status?: UserRow['status']): Promise<UserRow[]> {
  const out: UserRow[] = [];
  for (let page = 1; ; page++) {
    const { rows } = (await s.users('acc', id, { page, perPage: 1000, status }))!;
    if (rows.length === 0) return out;
    out.push(...rows);
  }
}

beforeAll(async () => {
  db = await testDb.open();
  repository = new TestRepository(db);
  await repository.migrate();
}, 60_000);
afterAll(async () => {
  await db.close();
  testDb.cleanup();
});

describe('the runner’s tests', () => {
  it(
    'gives every user the verdict the mock engine gives (one simulation), page by page and by filter',
    { timeout: 60_000 },
    async () => {
      const directory = new SyntheticDirectory(SEED, 20_000);
      const s = store(() => directory);
      const { id } = await s.start('acc', await policies('bigquery_approval:1', 'my-second-policy:1'));
      const summary = await finished(s, id);
      expect(summary).toMatchObject({ status: 'complete', total: 20_000, processed: 20_000 });
      expect(summary.approved + summary.blocked + summary.errored).toBe(20_000);
      expect(summary.errored).toBeGreaterThan(0);

      // The mock engine over the same people and policies.
      const clock = new FakeClock();
      const mock = new MockState({ clock, config: { userCount: 20_000 } });
      const mockStore = memoryTestStore(mock);
      const mockTest = mockStore.start('acc', await policies('bigquery_approval:1', 'my-second-policy:1')) as {
        id: string;
      };
      clock.advance(3_600_000);
      const expected = mockStore.users('acc', mockTest.id, { page: 1, perPage: 1000 }) as UsersPage;
      const { rows } = (await s.users('acc', id, { page: 1, perPage: 1000 }))!;
      // The same people, verdicts and why-fields (error texts re-traced from each one's record).
      expect(rows).toEqual(expected.rows);
      expect(rows.some((row) => row.why?.error)).toBe(true);
      // Each row keeps the simulation's verdict: the outcome it was reported with, a reason and, for a
      // user who did not get through, the step that decided.
      for (const row of rows) {
        const verdict = unpackVerdict(row.verdict!);
        expect(OUTCOME_WORDS[verdict.outcome]).toBe(row.status);
        if (row.status === 'error') expect(verdict.reason).not.toBe('approved');
      }
      expect(mockStore.summary('acc', mockTest.id)).toMatchObject({
        approved: summary.approved,
        errored: summary.errored,
      });

      const errored = await allUsers(s, id, 'error');
      expect(errored).toHaveLength(summary.errored);
      expect(errored.every((u) => u.status === 'error')).toBe(true);
      expect((await s.users('acc', id, { page: 999, perPage: 25 }))!.rows).toEqual([]);
      expect(await s.summary('someone-else', id)).toBeUndefined();
    },
  );

  it('blocks a test over the concurrency limit and ends one past its time budget', { timeout: 30_000 }, async () => {
    let now = Date.UTC(2026, 10, 25);
    const directory = new SyntheticDirectory(SEED, 1_000_000);
    const s = store(() => directory, { concurrencyLimit: 1, timeBudgetMs: 5000, now: () => now });
    const first = await s.start('acc', await policies('my-second-policy:1'));
    const second = await s.start('acc', await policies('my-second-policy:1'));
    expect(await s.summary('acc', second.id)).toMatchObject({ status: 'blocked', processed: 0, total: 1_000_000 });
    now += 6000;
    const over = await finished(s, first.id);
    expect(over.status).toBe('exceeded time');
    expect(over.processed).toBeLessThan(1_000_000);
    expect(over.approved + over.blocked + over.errored).toBe(over.processed);
    // The stored row says the same after the job is gone.
    expect(await repository.get(first.id)).toMatchObject({ status: 'exceeded time', processed: over.processed });
  });

  it('forgets a test after its expiry', async () => {
    let now = Date.UTC(2026, 10, 25);
    const directory = new SyntheticDirectory(SEED, 100);
    const s = store(() => directory, { testExpiryMs: 60_000, now: () => now });
    const { id } = await s.start('acc', await policies('my-second-policy:1'));
    await finished(s, id);
    now += 61_000;
    expect(await s.summary('acc', id)).toBeUndefined();
    expect(await s.expire()).toBeGreaterThanOrEqual(1);
    expect(await repository.get(id)).toBeUndefined();
  });
});

describe('a restart in the middle of a test', () => {
  it(
    'resumes from the last stored chunk and ends with the results of an unbroken run',
    { timeout: 60_000 },
    async () => {
      // Two full chunks of 65,536 and a part: stopped after the first, resumed over the rest.
      const directory = new SyntheticDirectory(SEED, 150_000);
      let stopNow: () => void = () => undefined;
      const first = store(() => directory, { onSaved: (job) => job.results.done >= 65_536 && stopNow() });
      const stopped = new Promise<void>((resolve) => (stopNow = resolve));
      const { id } = await first.start('acc', await policies('bigquery_approval:1'));
      await stopped;
      await first.close();
      const stored = await repository.get(id);
      expect(stored!.status).toBe('processing');
      expect(stored!.processed).toBeGreaterThanOrEqual(65_536);
      expect(stored!.processed).toBeLessThan(150_000);

      const second = store(() => directory);
      expect((await second.resume()).resumed).toBe(1);
      const resumed = await finished(second, id);

      const unbroken = await second.start('acc', await policies('bigquery_approval:1'));
      const reference = await finished(second, unbroken.id);
      expect(resumed).toMatchObject({ status: 'complete', processed: 150_000 });
      expect({ ...resumed, id: '' }).toEqual({ ...reference, id: '' });
      const page = { page: 3, perPage: 1000, status: 'error' } as const;
      expect(await second.users('acc', id, page)).toEqual(await second.users('acc', unbroken.id, page));
      expect((await second.users('acc', id, page))!.rows.length).toBe(1000);
    },
  );

  it(
    'ends as "exceeded time" when its directory changed meanwhile, and still names the right people',
    { timeout: 60_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'runner-restart-'));
      const path = join(dir, 'people.csv');
      const rows = Array.from({ length: 70_000 }, (_, i) => `u${i}@example.com,User ${i}`);
      writeFileSync(path, `email,name\n${rows.join('\n')}\n`);
      const before = (await readCsvDirectory(path)).table!;
      let stopNow: () => void = () => undefined;
      const stopped = new Promise<void>((resolve) => (stopNow = resolve));
      const first = store(() => before, { onSaved: () => stopNow() });
      const { id } = await first.start('acc', await policies('my-second-policy:1'));
      await stopped;
      await first.close();

      writeFileSync(path, `email,name\nsomeone.else@example.com,Else\n`);
      const after = (await readCsvDirectory(path)).table!;
      const second = store(() => after);
      expect((await second.resume()).ended).toBeGreaterThanOrEqual(1);
      const summary = await second.summary('acc', id);
      expect(summary).toMatchObject({ status: 'exceeded time', processed: 65_536, total: 70_000 });
      const page = await second.users('acc', id, { page: 2, perPage: 3 });
      expect(page!.rows.map((u) => [u.email, u.name])).toEqual([
        ['u3@example.com', 'User 3'],
        ['u4@example.com', 'User 4'],
        ['u5@example.com', 'User 5'],
      ]);
    },
  );
});
