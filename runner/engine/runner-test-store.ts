import { randomUUID } from 'node:crypto';
import type { PolicyTestStore, TestPolicy, TestSummary, UsersPage, UsersQuery } from '../../server/policy-tests-api';
import { APPROVED, BLOCKED, ERRORED, PackedResults } from '../../server/policy-tests-api/packed-results';
import { UserSearch, type SearchablePeople } from '../../server/policy-tests-api/search-users';
import { TestExplainer, type WhoIs } from '../../server/policy-tests-api/test-explainer';
import { selectUsers, userRow, type TestResults } from '../../server/policy-tests-api/users-page';
import type { AppealCreator } from '../../src/lib/appeal';
import type { Target } from '../../mocks/engine/expressions';
import { IAM_FAILURE, IamRecords, type IamRecord } from '../directory/iam-directory';
import { httpIamConfig, type IamFetcher } from '../directory/iam-fetcher';
import { SyntheticDirectory } from '../directory/synthetic-directory';
import { USERS_PER_CHUNK, packUsers, unpackUsers } from '../directory/stored-directory';
import type { DirectoryUser, UserDirectory } from '../directory/user-directory';
import type { StoredTest, TestRepository } from '../storage/test-repository';
import { compileTest } from './compile-test';
import { CHUNK_USERS, TestJob } from './test-job';

export interface RunnerStoreOptions {
  repository: TestRepository;
  /** The directory new tests run over (a reload swaps it; running tests keep theirs). */
  directory: () => UserDirectory;
  exprTarget: Target;
  timeBudgetMs: number;
  testExpiryMs: number;
  concurrencyLimit: number;
  /** Fetches records for a directory that is a list of emails (`iam:`). */
  iam?: IamFetcher;
  now?: () => number;
  log?: (line: string) => void;
  /** Called after a running test stored a chunk of results. */
  onSaved?: (job: TestJob) => void;
}

const CACHED_TESTS = 8;
const NOBODY: SearchablePeople = { key: '', size: 0, emailAt: () => '', nameAt: () => '' };
const CACHED_DIRECTORY_CHUNKS = 64;

interface Loaded {
  test: StoredTest;
  results: PackedResults;
}

/**
 * The runner's tests: started and processed here, kept in the database (tests/test-repository),
 * answered from memory while they run and from a small cache once read again. Per-user results
 * are packed (3 bytes a user); the people a page names come from the test's own directory snapshot.
 */
export class RunnerTestStore implements PolicyTestStore {
  private readonly jobs = new Map<string, TestJob>();
  private readonly cache = new Map<string, Loaded>();
  private readonly loading = new Map<string, Promise<Loaded | undefined>>();
  private readonly directoryChunks = new Map<string, DirectoryUser[]>();
  private readonly savingDirectories = new Map<string, Promise<void>>();
  private readonly explainers = new Map<string, TestExplainer>();
  private readonly search = new UserSearch();
  private readonly now: () => number;
  private readonly log: (line: string) => void;

  constructor(private readonly options: RunnerStoreOptions) {
    this.now = options.now ?? Date.now;
    this.log = options.log ?? ((line) => console.log(line));
  }

  private processing(accountId: string): number {
    let n = 0;
    for (const job of this.jobs.values()) if (job.test.accountId === accountId && job.status === 'processing') n++;
    return n;
  }

  async start(accountId: string, policies: TestPolicy[]): Promise<{ id: string }> {
    const directory = this.options.directory();
    const now = this.now();
    const blocked = this.processing(accountId) >= this.options.concurrencyLimit;
    const test: StoredTest = {
      id: randomUUID(),
      accountId,
      createdAt: now,
      expiresAt: now + this.options.testExpiryMs,
      policies,
      directoryHash: directory.hash,
      directoryLabel: directory.label,
      status: blocked ? 'blocked' : 'processing',
      total: directory.size,
      processed: 0,
      approved: 0,
      blocked: 0,
      errored: 0,
      timeBudgetMs: this.options.timeBudgetMs,
      elapsedMs: 0,
      reasons: [],
    };
    await this.options.repository.insert(test);
    if (!blocked) this.launch(test, directory, new PackedResults(test.total));
    return { id: test.id };
  }

  private launch(test: StoredTest, directory: UserDirectory, results: PackedResults): void {
    let compiled;
    try {
      compiled = compileTest(test.policies, this.options.exprTarget, test.createdAt);
    } catch (error) {
      compiled = new Error(`the policy cannot be evaluated: ${(error as Error).message}`);
    }
    const first = test.policies.find((p) => p.kind === 'guardian');
    const source =
      directory.hash.startsWith('iam-') && this.options.iam
        ? new IamRecords(directory, first && httpIamConfig(first.policy), this.options.iam)
        : directory;
    const job = new TestJob(test, source, results, compiled, {
      repository: this.options.repository,
      now: this.now,
      log: this.log,
      prepare: () => this.storeDirectory(directory),
      onSaved: this.options.onSaved,
    });
    this.jobs.set(test.id, job);
    void job.finished.then(() => {
      if (this.jobs.get(test.id) !== job) return;
      this.jobs.delete(test.id);
      this.remember({ test: { ...test, status: job.status, processed: results.done }, results });
    });
  }

  /** Keeps a directory's people in the database, once per content, for pages after a restart. */
  private storeDirectory(directory: UserDirectory): Promise<void> {
    if (SyntheticDirectory.fromHash(directory.hash)) return Promise.resolve();
    let saving = this.savingDirectories.get(directory.hash);
    if (!saving) {
      const chunkCount = Math.ceil(directory.size / USERS_PER_CHUNK);
      const repository = this.options.repository;
      saving = (async () => {
        if (await repository.hasDirectory(directory.hash, chunkCount)) return;
        const chunks = function* () {
          for (let c = 0; c < chunkCount; c++) yield packUsers(directory, c);
        };
        await repository.saveDirectory(directory.hash, directory.label, directory.size, chunks());
      })();
      this.savingDirectories.set(directory.hash, saving);
      saving.catch(() => this.savingDirectories.delete(directory.hash));
    }
    return saving;
  }

  private remember(loaded: Loaded): void {
    this.cache.delete(loaded.test.id);
    this.cache.set(loaded.test.id, loaded);
    while (this.cache.size > CACHED_TESTS) this.cache.delete(this.cache.keys().next().value!);
  }

  /** A test with its results: running, cached, or read back from the database. */
  private async find(accountId: string, testId: string): Promise<Loaded | { job: TestJob } | undefined> {
    const job = this.jobs.get(testId);
    if (job) return job.test.accountId === accountId && job.test.expiresAt > this.now() ? { job } : undefined;
    let loaded = this.cache.get(testId);
    if (!loaded) {
      let pending = this.loading.get(testId);
      if (!pending) {
        pending = this.load(testId).finally(() => this.loading.delete(testId));
        this.loading.set(testId, pending);
      }
      loaded = await pending;
      if (!loaded) return undefined;
      this.remember(loaded);
    }
    if (loaded.test.accountId !== accountId || loaded.test.expiresAt <= this.now()) return undefined;
    return loaded;
  }

  private async load(testId: string): Promise<Loaded | undefined> {
    if (!/^[0-9a-f-]{36}$/.test(testId)) return undefined;
    const test = await this.options.repository.get(testId);
    if (!test) return undefined;
    const results = new PackedResults(test.total);
    for (const chunk of await this.options.repository.chunks(testId))
      results.restore(chunk.index * CHUNK_USERS, chunk.results);
    return { test, results };
  }

  async summary(accountId: string, testId: string): Promise<TestSummary | undefined> {
    const found = await this.find(accountId, testId);
    if (!found) return undefined;
    const { test, results, status } =
      'job' in found
        ? { test: found.job.test, results: found.job.results, status: found.job.status }
        : { ...found, status: found.test.status };
    const summary: TestSummary = {
      id: test.id,
      status,
      total: test.total,
      processed: results.done,
      approved: results.counts[APPROVED]!,
      blocked: results.counts[BLOCKED]!,
      errored: results.counts[ERRORED]!,
    };
    const live = 'job' in found ? found.job.directory : undefined;
    const reasons = this.explainerOf(test).reasons(results.tally, this.whoIs(test.directoryHash, live));
    return reasons ? { ...summary, reasons } : summary;
  }

  async users(accountId: string, testId: string, query: UsersQuery): Promise<UsersPage | undefined> {
    const found = await this.find(accountId, testId);
    if (!found) return undefined;
    const { test, results } = 'job' in found ? { test: found.job.test, results: found.job.results } : found;
    const live = 'job' in found ? found.job.directory : undefined;
    const view: TestResults = {
      results,
      explainer: this.explainerOf(test),
      whoIs: this.whoIs(test.directoryHash, live),
      // Only a search reads everyone's names.
      people: query.search === undefined ? NOBODY : await this.searchable(test, live),
    };
    const { indexes, total } = selectUsers(view, query, this.search);
    const people = await this.people(test.directoryHash, indexes, live);
    return { rows: indexes.map((i, k) => userRow(view, i, people[k]!)), total };
  }

  private explainerOf(test: StoredTest): TestExplainer {
    let explainer = this.explainers.get(test.id);
    if (!explainer) {
      explainer = new TestExplainer(test.policies, this.options.exprTarget, test.createdAt);
      this.explainers.set(test.id, explainer);
      while (this.explainers.size > CACHED_TESTS * 2) this.explainers.delete(this.explainers.keys().next().value!);
    }
    return explainer;
  }

  /** The directory a test ran over, when its records are at hand (not one fetched person by person). */
  private snapshot(hash: string, live?: UserDirectory): UserDirectory | undefined {
    if (hash.startsWith('iam-')) return undefined;
    const current = this.options.directory();
    return live ?? (current.hash === hash ? current : undefined) ?? SyntheticDirectory.fromHash(hash);
  }

  /** Who filed each user's appeal, re-read from the test's own directory snapshot for a re-trace. */
  private whoIs(hash: string, live?: UserDirectory): WhoIs {
    const directory = this.snapshot(hash, live);
    if (!directory) return () => undefined;
    return (i): AppealCreator => {
      const record = directory.record(i) as IamRecord;
      const failure = record[IAM_FAILURE];
      return {
        createdBy: directory.user(i).email,
        iam: failure === undefined ? { ok: true, body: record } : { ok: false, message: failure },
      };
    };
  }

  /** A test's people for `search`: its directory, or the stored copy of it after a restart. */
  private async searchable(test: StoredTest, live?: UserDirectory): Promise<SearchablePeople> {
    const hash = test.directoryHash;
    const directory = live ?? this.snapshot(hash);
    if (directory) {
      const at = (i: number) => directory.user(i);
      return { key: hash, size: directory.size, emailAt: (i) => at(i).email, nameAt: (i) => at(i).name };
    }
    const all = await this.people(
      hash,
      Array.from({ length: test.total }, (_, i) => i),
    );
    return { key: hash, size: test.total, emailAt: (i) => all[i]!.email, nameAt: (i) => all[i]!.name };
  }

  /** The people at some indexes of a directory snapshot. */
  private async people(hash: string, indexes: number[], live?: UserDirectory): Promise<DirectoryUser[]> {
    const current = this.options.directory();
    const directory =
      live ?? (current.hash === hash ? current : undefined) ?? SyntheticDirectory.fromHash(hash) ?? undefined;
    if (directory) return indexes.map((i) => directory.user(i));
    const out: DirectoryUser[] = [];
    for (const i of indexes) {
      const chunk = Math.floor(i / USERS_PER_CHUNK);
      const key = `${hash}#${chunk}`;
      let users = this.directoryChunks.get(key);
      if (!users) {
        const bytes = await this.options.repository.directoryChunk(hash, chunk);
        users = bytes ? unpackUsers(bytes) : [];
        this.directoryChunks.set(key, users);
        while (this.directoryChunks.size > CACHED_DIRECTORY_CHUNKS)
          this.directoryChunks.delete(this.directoryChunks.keys().next().value!);
      }
      out.push(users[i - chunk * USERS_PER_CHUNK] ?? { id: '', email: '', name: '' });
    }
    return out;
  }

  /**
   * After a restart: each test that was processing resumes from its last stored chunk when its
   * directory is at hand (the same file content, or synthetic), or ends as `exceeded time`.
   */
  async resume(): Promise<{ resumed: number; ended: number }> {
    const repository = this.options.repository;
    let resumed = 0;
    let ended = 0;
    for (const test of await repository.withStatus('processing')) {
      const current = this.options.directory();
      const directory = current.hash === test.directoryHash ? current : SyntheticDirectory.fromHash(test.directoryHash);
      const results = new PackedResults(test.total);
      for (const chunk of await repository.chunks(test.id)) results.restore(chunk.index * CHUNK_USERS, chunk.results);
      if (directory && directory.size === test.total) {
        this.launch(test, directory, results);
        resumed++;
      } else {
        await repository.saveProgress({
          id: test.id,
          status: 'exceeded time',
          processed: results.done,
          approved: results.counts[APPROVED]!,
          blocked: results.counts[BLOCKED]!,
          errored: results.counts[ERRORED]!,
          elapsedMs: test.elapsedMs,
          reasons: test.reasons,
        });
        ended++;
      }
    }
    return { resumed, ended };
  }

  async expire(): Promise<number> {
    const n = await this.options.repository.expire(this.now());
    for (const [id, loaded] of this.cache) if (loaded.test.expiresAt <= this.now()) this.cache.delete(id);
    return n;
  }

  /** Stops every job where it is (their last stored chunk is where they resume). */
  async close(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((job) => job.stop()));
    this.jobs.clear();
  }

  get runningCount(): number {
    return this.jobs.size;
  }
}
