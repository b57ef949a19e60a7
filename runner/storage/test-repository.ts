import type { TestPolicy, TestStatus, TestSummary } from '../../server/policy-tests-api';
import { StoreUnavailableError } from '../../server/policy-tests-api';
import type { Database } from './database';
import { SCHEMA } from './schema';

/** A test as stored: everything but the per-user results, which live in chunks. */
export interface StoredTest extends Omit<TestSummary, 'reasons'> {
  accountId: string;
  createdAt: number;
  expiresAt: number;
  policies: TestPolicy[];
  directoryHash: string;
  directoryLabel: string;
  timeBudgetMs: number;
  elapsedMs: number;
  reasons: string[];
}

type TestRow = {
  id: string;
  account_id: string;
  created_at: Date | string;
  expires_at: Date | string;
  policies: unknown;
  directory_hash: string;
  directory_label: string;
  status: string;
  total: number;
  processed: number;
  approved: number;
  blocked: number;
  errored: number;
  time_budget_ms: number;
  elapsed_ms: number | string | bigint;
  messages: unknown;
};

const json = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as unknown) : v);

function fromRow(r: TestRow): StoredTest {
  return {
    id: r.id,
    accountId: r.account_id,
    createdAt: new Date(r.created_at).getTime(),
    expiresAt: new Date(r.expires_at).getTime(),
    policies: json(r.policies) as TestPolicy[],
    directoryHash: r.directory_hash,
    directoryLabel: r.directory_label,
    status: r.status as TestStatus,
    total: Number(r.total),
    processed: Number(r.processed),
    approved: Number(r.approved),
    blocked: Number(r.blocked),
    errored: Number(r.errored),
    timeBudgetMs: Number(r.time_budget_ms),
    elapsedMs: Number(r.elapsed_ms),
    reasons: json(r.messages) as string[],
  };
}

/** Words for a failure of the database itself: what an operator needs to look at. */
function unavailable(error: unknown): StoreUnavailableError {
  const text = error instanceof Error ? error.message : String(error);
  if (/no space|disk full|could not extend/i.test(text)) return new StoreUnavailableError('the database is full');
  return new StoreUnavailableError(`the database is not answering (${text.slice(0, 200)})`);
}

/** Every query goes through here: a database failure becomes StoreUnavailableError (a 503). */
export class TestRepository {
  constructor(private readonly db: Database) {}

  private async q<T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    try {
      return await this.db.query<T>(sql, params);
    } catch (error) {
      throw unavailable(error);
    }
  }

  async migrate(): Promise<void> {
    try {
      await this.db.exec(SCHEMA);
    } catch (error) {
      throw unavailable(error);
    }
  }

  async insert(t: StoredTest): Promise<void> {
    await this.q(
      `insert into runner_tests (id, account_id, created_at, expires_at, policies, directory_hash, directory_label,
         status, total, processed, approved, blocked, errored, time_budget_ms, elapsed_ms, messages)
       values ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::jsonb)`,
      [
        t.id,
        t.accountId,
        new Date(t.createdAt).toISOString(),
        new Date(t.expiresAt).toISOString(),
        JSON.stringify(t.policies),
        t.directoryHash,
        t.directoryLabel,
        t.status,
        t.total,
        t.processed,
        t.approved,
        t.blocked,
        t.errored,
        t.timeBudgetMs,
        t.elapsedMs,
        JSON.stringify(t.reasons),
      ],
    );
  }

  /** Progress, and the chunk of results that made it (both or neither). */
  async saveProgress(
    t: Pick<StoredTest, 'id' | 'status' | 'processed' | 'approved' | 'blocked' | 'errored' | 'elapsedMs' | 'reasons'>,
    chunk?: { index: number; results: Uint8Array },
  ): Promise<void> {
    const update = `update runner_tests set status = $2, processed = $3, approved = $4, blocked = $5, errored = $6,
         elapsed_ms = $7, messages = $8::jsonb where id = $1`;
    const params = [
      t.id,
      t.status,
      t.processed,
      t.approved,
      t.blocked,
      t.errored,
      t.elapsedMs,
      JSON.stringify(t.reasons),
    ];
    if (!chunk) {
      await this.q(update, params);
      return;
    }
    // One statement, so that a crash never leaves counters ahead of their results.
    await this.q(
      `with saved as (
         insert into runner_test_chunks (test_id, chunk, results) values ($1, $9, $10)
         on conflict (test_id, chunk) do update set results = excluded.results returning 1)
       ${update.replace('where id = $1', 'where id = $1 and exists (select 1 from saved)')}`,
      [...params, chunk.index, chunk.results],
    );
  }

  async get(id: string): Promise<StoredTest | undefined> {
    const rows = await this.q<TestRow>('select * from runner_tests where id = $1', [id]);
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  async withStatus(status: TestStatus): Promise<StoredTest[]> {
    return (await this.q<TestRow>('select * from runner_tests where status = $1', [status])).map(fromRow);
  }

  async chunks(id: string): Promise<{ index: number; results: Uint8Array }[]> {
    const rows = await this.q<{ chunk: number; results: Uint8Array }>(
      'select chunk, results from runner_test_chunks where test_id = $1 order by chunk',
      [id],
    );
    return rows.map((r) => ({ index: Number(r.chunk), results: new Uint8Array(r.results) }));
  }

  /** Deletes tests past their expiry (their chunks go with them), and directories no test uses. */
  async expire(now: number): Promise<number> {
    const gone = await this.q<{ id: string }>('delete from runner_tests where expires_at <= $1 returning id', [
      new Date(now).toISOString(),
    ]);
    if (gone.length > 0)
      await this.q(
        'delete from runner_directories d where not exists (select 1 from runner_tests t where t.directory_hash = d.hash)',
      );
    return gone.length;
  }

  /** Whether every chunk of a directory is stored (a save cut short by a crash is finished next time). */
  async hasDirectory(hash: string, chunkCount: number): Promise<boolean> {
    const rows = await this.q<{ n: number | string }>(
      'select count(*) as n from runner_directory_chunks where hash = $1',
      [hash],
    );
    return Number(rows[0]?.n ?? 0) >= chunkCount;
  }

  async saveDirectory(hash: string, label: string, size: number, chunks: Iterable<Uint8Array>): Promise<void> {
    await this.q(
      'insert into runner_directories (hash, label, size, stored_at) values ($1, $2, $3, $4) on conflict (hash) do nothing',
      [hash, label, size, new Date().toISOString()],
    );
    let index = 0;
    for (const users of chunks) {
      await this.q(
        'insert into runner_directory_chunks (hash, chunk, users) values ($1, $2, $3) on conflict do nothing',
        [hash, index++, users],
      );
    }
  }

  async directoryChunk(hash: string, chunk: number): Promise<Uint8Array | undefined> {
    const rows = await this.q<{ users: Uint8Array }>(
      'select users from runner_directory_chunks where hash = $1 and chunk = $2',
      [hash, chunk],
    );
    return rows[0] ? new Uint8Array(rows[0].users) : undefined;
  }
}
