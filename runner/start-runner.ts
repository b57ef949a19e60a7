import { createPolicyTestsApi, indexedDirectorySource, type PolicySource } from '../server/policy-tests-api';
import { Catalog } from '../mocks/db/catalog';
import { catalogPolicySource } from '../mocks/db/catalog-policy-source';
import { DEFAULT_CONFIG } from '../mocks/state/config';
import type { RunnerConfig } from './config/read-config';
import { CurrentDirectory, loadDirectory } from './directory/directory-loader';
import { directoryPeople } from './directory/directory-people';
import { IamFetcher } from './directory/iam-fetcher';
import { describeReport } from './directory/load-report';
import { RunnerTestStore } from './engine/runner-test-store';
import { guardianPolicySource } from './guardian/guardian-policy-source';
import { startRunnerServer, type RunnerServer } from './http/runner-server';
import { openDatabase, type Database } from './storage/database';
import { TestRepository } from './storage/test-repository';

export interface Runner {
  server: RunnerServer;
  store: RunnerTestStore;
  directory: CurrentDirectory;
  database: Database;
  close(): Promise<void>;
}

const EXPIRY_SWEEP_MS = 60 * 60 * 1000;

function policySource(config: RunnerConfig): PolicySource {
  if (config.guardian) return guardianPolicySource(config.guardian);
  const c = DEFAULT_CONFIG;
  const catalog = new Catalog({
    seed: c.seed,
    policyCount: c.policyCount,
    maxVersions: c.maxVersions,
    versionsPerPolicy: c.versionsPerPolicy,
    includeForkExamples: c.includeForkExamples,
  });
  return catalogPolicySource(() => catalog, 404);
}

/** Everything the runner is, started from a checked config: directory, database, store, server. */
export async function startRunner(config: RunnerConfig, log: (line: string) => void = console.log): Promise<Runner> {
  const { directory: first, report } = await loadDirectory(config.directory);
  if (report) for (const line of describeReport(report)) log(line);
  if (!first)
    throw new Error(
      `the directory ${config.directory.kind === 'synthetic' ? '' : config.directory.path} cannot be used`,
    );
  const directory = new CurrentDirectory(first, config.directory, log);
  directory.lastReport = report;

  const database = await openDatabase(config.storage);
  const repository = new TestRepository(database);
  await repository.migrate();
  const store = new RunnerTestStore({
    repository,
    directory: () => directory.get(),
    exprTarget: config.exprTarget,
    timeBudgetMs: config.timeBudgetMs,
    testExpiryMs: config.testExpiryMs,
    concurrencyLimit: config.concurrencyLimit,
    iam: new IamFetcher(config.iam),
    log,
  });
  const expired = await store.expire();
  const { resumed, ended } = await store.resume();
  if (expired + resumed + ended > 0)
    log(`Tests: ${resumed} resumed, ${ended} ended as "exceeded time" (their directory changed), ${expired} expired.`);
  const sweep = setInterval(() => void store.expire().catch(() => undefined), EXPIRY_SWEEP_MS);
  sweep.unref();
  directory.watch();

  const tokens = new Set(config.tokens);
  const api = createPolicyTestsApi({
    policies: policySource(config),
    tests: store,
    accepts: (c) => tokens.size === 0 || (c.kind === 'token' && tokens.has(c.token)),
    // Drafts are checked with raystack Guardian's own rules (no stricter ones) for the runner's target.
    draftRules: () => ({ target: config.exprTarget, strict: false }),
    directory: indexedDirectorySource(() => directoryPeople(directory.get())),
  });
  const server = await startRunnerServer({
    api,
    host: config.host,
    port: config.port,
    health: () => ({
      ok: true,
      directory: {
        label: directory.get().label,
        users: directory.get().size,
        skipped: directory.lastReport?.skipped ?? 0,
      },
      database: database.kind,
      running: store.runningCount,
    }),
  });
  return {
    server,
    store,
    directory,
    database,
    async close() {
      clearInterval(sweep);
      directory.close();
      await server.close();
      await store.close();
      await database.close();
    },
  };
}
