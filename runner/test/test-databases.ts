import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../storage/database';

/**
 * The databases storage tests run on: embedded PGlite always, and a real PostgreSQL server when
 * `RUNNER_TEST_DATABASE_URL` names one (CI starts a throw-away server and sets it).
 */
export const POSTGRES_URL = process.env.RUNNER_TEST_DATABASE_URL;

export interface TestDatabase {
  name: string;
  open(): Promise<Database>;
  cleanup(): void;
}

export function pgliteDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'runner-pglite-'));
  return {
    name: 'PGlite',
    open: () => openDatabase({ kind: 'pglite', dataDir: dir }),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function postgresDatabase(url: string): TestDatabase {
  return {
    name: 'PostgreSQL',
    async open() {
      const db = await openDatabase({ kind: 'postgres', url });
      // A clean slate: each test file starts from empty tables.
      await db.exec(
        'drop table if exists runner_test_chunks, runner_tests, runner_directory_chunks, runner_directories',
      );
      return db;
    },
    cleanup: () => undefined,
  };
}
