import { mkdirSync } from 'node:fs';
import type { StorageSetting } from '../config/read-config';

/**
 * The little the runner asks of a database: parameterised queries and a close. Embedded PGlite
 * (PostgreSQL compiled to WebAssembly, in a data folder) by default; a PostgreSQL server when
 * `DATABASE_URL` is set. Both speak the same SQL.
 */
export type Row = Record<string, unknown>;

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Statements without parameters, several at once (schema). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export async function openDatabase(setting: StorageSetting): Promise<Database> {
  return setting.kind === 'pglite' ? openPglite(setting.dataDir) : openPostgres(setting.url);
}

async function openPglite(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  // Small buffers: the runner keeps what it reads often in memory itself.
  const db = await PGlite.create(dataDir, { postgresqlconf: ['shared_buffers=16MB', 'work_mem=4MB'] });
  return {
    kind: 'pglite',
    async query<T extends Row>(sql: string, params: unknown[] = []) {
      return (await db.query<T>(sql, params)).rows;
    },
    async exec(sql) {
      await db.exec(sql);
    },
    close: () => db.close(),
  };
}

async function openPostgres(url: string): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const sql = postgres(url, {
    max: 4,
    connect_timeout: 10,
    idle_timeout: 60,
    onnotice: () => undefined,
    // bytea comes back as a Buffer; bigint counters as numbers (they stay far below 2^53).
    types: { bigint: postgres.BigInt },
  });
  const db: Database = {
    kind: 'postgres',
    async query<T extends Row>(text: string, params: unknown[] = []) {
      return (await sql.unsafe(text, params as never[], { prepare: true })) as unknown as T[];
    },
    async exec(text) {
      await sql.unsafe(text);
    },
    close: () => sql.end({ timeout: 5 }),
  };
  await db.query('select 1');
  return db;
}
