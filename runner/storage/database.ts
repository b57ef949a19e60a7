import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StorageSetting } from '../config/read-config';
import type { HostAnswer, HostCall, HostRequest } from './pglite-host';

const HOST_ENTRY = fileURLToPath(new URL('./pglite-host.ts', import.meta.url));

/**
 * The little the runner asks of a database: parameterised queries and a close. Embedded PGlite
 * (PostgreSQL compiled to WebAssembly, in a data folder) by default; a PostgreSQL server when
 * `DATABASE_URL` is set. Both speak the same SQL.
 */
type Row = Record<string, unknown>;

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  /** The embedded database's own process, while it runs. */
  readonly pid?: number;
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Statements without parameters, several at once (schema). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export async function openDatabase(setting: StorageSetting): Promise<Database> {
  return setting.kind === 'pglite' ? openPglite(setting.dataDir) : openPostgres(setting.url);
}

/**
 * PGlite in a child process (pglite-host.ts), one per data folder. A host that dies is a database
 * that is gone: queries fail (503s upstream) and the next one starts a new host.
 */
async function openPglite(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  let host: ChildProcess | undefined;
  let starting: Promise<ChildProcess> | undefined;
  let nextId = 1;
  let closed = false;
  const pending = new Map<number, { resolve: (rows: unknown[]) => void; reject: (error: Error) => void }>();

  const failAll = (why: string) => {
    for (const { reject } of pending.values()) reject(new Error(why));
    pending.clear();
  };

  const start = () =>
    new Promise<ChildProcess>((resolve, reject) => {
      const child = fork(HOST_ENTRY, [dataDir], {
        execArgv: ['--import', 'tsx'],
        serialization: 'advanced',
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      child.on('message', (answer: HostAnswer) => {
        if ('ready' in answer) return resolve(child);
        if ('failed' in answer) return reject(new Error(`PGlite could not open ${dataDir}: ${answer.failed}`));
        const waiting = pending.get(answer.id);
        if (!waiting) return;
        pending.delete(answer.id);
        if (answer.error !== undefined) waiting.reject(new Error(answer.error));
        else waiting.resolve(answer.rows ?? []);
      });
      child.on('exit', (code) => {
        if (host === child) host = undefined;
        reject(new Error(`the PGlite process exited (${code})`));
        failAll(`the PGlite process exited (${code})`);
      });
    });

  const ensure = async () => {
    if (closed) throw new Error('the database is closed');
    if (host?.connected) return host;
    starting ??= start().finally(() => (starting = undefined));
    host = await starting;
    return host;
  };

  const call = async (request: HostCall): Promise<unknown[]> => {
    const child = await ensure();
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      child.send({ ...request, id } as HostRequest);
    });
  };

  await ensure();
  return {
    kind: 'pglite',
    get pid() {
      return host?.pid;
    },
    async query<T extends Row>(sql: string, params: unknown[] = []) {
      return (await call({ op: 'query', sql, params })) as T[];
    },
    async exec(sql) {
      await call({ op: 'exec', sql });
    },
    async close() {
      if (closed) return;
      const child = host;
      if (child?.connected) await call({ op: 'close' }).catch(() => undefined);
      closed = true;
      child?.kill();
    },
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
