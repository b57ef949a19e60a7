import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../server/policy-tests-api';
import { POSTGRES_URL, pgliteDatabase, postgresDatabase, type TestDatabase } from '../test/test-databases';
import { openDatabase, type Database } from './database';
import { TestRepository, type StoredTest } from './test-repository';

const T0 = Date.UTC(2026, 10, 25, 9, 0, 0);

function aTest(id: string, overrides: Partial<StoredTest> = {}): StoredTest {
  return {
    id,
    accountId: 'acc',
    createdAt: T0,
    expiresAt: T0 + 7 * 86_400_000,
    policies: [{ kind: 'guardian', ref: 'p:1', policy: { id: 'p', version: 1, steps: [] } }],
    directoryHash: 'sha256:abc',
    directoryLabel: 'people.csv',
    status: 'processing',
    total: 100_000,
    processed: 0,
    approved: 0,
    blocked: 0,
    errored: 0,
    timeBudgetMs: 60_000,
    elapsedMs: 0,
    reasons: [],
    ...overrides,
  };
}

const databases: TestDatabase[] = [pgliteDatabase()];
if (POSTGRES_URL) databases.push(postgresDatabase(POSTGRES_URL));
else
  describe('runner storage on PostgreSQL', () => {
    it.skip('needs RUNNER_TEST_DATABASE_URL (npm test starts a throw-away PostgreSQL server and sets it)', () =>
      undefined);
  });

for (const target of databases) {
  describe(`runner storage on ${target.name}`, () => {
    let db: Database;
    let repo: TestRepository;
    beforeAll(async () => {
      db = await target.open();
      repo = new TestRepository(db);
      await repo.migrate();
      await repo.migrate(); // twice: start-up runs it every time
    }, 60_000);
    afterAll(async () => {
      await db.close();
      target.cleanup();
    });

    it('keeps a test, its policies snapshot and its counters', async () => {
      await repo.insert(aTest('00000000-0000-4000-8000-000000000001'));
      const back = await repo.get('00000000-0000-4000-8000-000000000001');
      expect(back).toEqual(aTest('00000000-0000-4000-8000-000000000001'));
      expect(await repo.get('00000000-0000-4000-8000-00000000ffff')).toBeUndefined();
    });

    it('stores a chunk of packed results together with the counters it made', async () => {
      const id = '00000000-0000-4000-8000-000000000002';
      await repo.insert(aTest(id));
      const results = new Uint8Array(3 * 65_536).map((_, i) => i % 251);
      await repo.saveProgress(
        {
          id,
          status: 'processing',
          processed: 65_536,
          approved: 60_000,
          blocked: 5000,
          errored: 536,
          elapsedMs: 900,
          reasons: [],
        },
        { index: 0, results },
      );
      const partial = new Uint8Array(3 * 10).fill(2);
      await repo.saveProgress(
        {
          id,
          status: 'exceeded time',
          processed: 65_546,
          approved: 60_000,
          blocked: 5000,
          errored: 546,
          elapsedMs: 60_001,
          reasons: [],
        },
        { index: 1, results: partial },
      );
      expect(await repo.get(id)).toMatchObject({
        status: 'exceeded time',
        processed: 65_546,
        errored: 546,
        elapsedMs: 60_001,
      });
      const chunks = await repo.chunks(id);
      expect(chunks.map((c) => [c.index, c.results.length])).toEqual([
        [0, 3 * 65_536],
        [1, 30],
      ]);
      expect(chunks[0]!.results).toEqual(results);
      expect((await repo.withStatus('exceeded time')).map((t) => t.id)).toContain(id);
    });

    it('keeps a directory’s people once per content, and knows a save cut short', async () => {
      await repo.saveDirectory('sha256:abc', 'people.csv', 70_000, [new Uint8Array([1, 2, 3])]);
      expect(await repo.hasDirectory('sha256:abc', 2)).toBe(false);
      await repo.saveDirectory('sha256:abc', 'people.csv', 70_000, [new Uint8Array([1, 2, 3]), new Uint8Array([4])]);
      expect(await repo.hasDirectory('sha256:abc', 2)).toBe(true);
      expect(await repo.directoryChunk('sha256:abc', 1)).toEqual(new Uint8Array([4]));
      expect(await repo.directoryChunk('sha256:abc', 9)).toBeUndefined();
    });

    it('expires old tests with their results, and the directories no test needs any more', async () => {
      const old = '00000000-0000-4000-8000-000000000003';
      await repo.insert(aTest(old, { expiresAt: T0 + 1000, directoryHash: 'sha256:old' }));
      await repo.saveDirectory('sha256:old', 'old.csv', 1, [new Uint8Array([9])]);
      await repo.saveProgress(
        { id: old, status: 'complete', processed: 1, approved: 1, blocked: 0, errored: 0, elapsedMs: 1, reasons: [] },
        { index: 0, results: new Uint8Array(3) },
      );
      expect(await repo.expire(T0 + 2000)).toBe(1);
      expect(await repo.get(old)).toBeUndefined();
      expect(await repo.chunks(old)).toEqual([]);
      expect(await repo.hasDirectory('sha256:old', 1)).toBe(false);
      expect(await repo.hasDirectory('sha256:abc', 2)).toBe(true);
    });

    it('a database process that died is a 503 for the requests it drops, then comes back with the data', async () => {
      if (db.pid === undefined) return;
      const pending = repo.get('00000000-0000-4000-8000-000000000001');
      process.kill(db.pid, 'SIGKILL');
      await expect(pending).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(await repo.get('00000000-0000-4000-8000-000000000001')).toMatchObject({ accountId: 'acc' });
    }, 60_000);

    it('a database that is gone is StoreUnavailableError (a 503), not a crash', async () => {
      if (POSTGRES_URL && target.name === 'PostgreSQL') {
        const other = await openDatabase({ kind: 'postgres', url: POSTGRES_URL });
        await other.close();
        await expect(new TestRepository(other).get('x')).rejects.toBeInstanceOf(StoreUnavailableError);
      }
      // PGlite has one instance per folder: a database that stops answering stands in for it.
      const broken: Database = {
        ...db,
        query: () => Promise.reject(new Error('could not extend file: No space left on device')),
      };
      await expect(new TestRepository(broken).get('x')).rejects.toThrow('the database is full');
    });
  });
}
