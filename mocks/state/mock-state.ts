import { Catalog, type CatalogWrites } from '../db/catalog';
import type { WirePolicy } from '../db/wire-form';
import { TestRegistry } from '../engine/test-registry';
import type { TestPolicy, TestRecord } from '../engine/test-run';
import { FaultStore } from '../faults/fault-store';
import { systemClock, type Clock } from '../lib/clock';
import { DEFAULT_CONFIG, effectiveRate, type MockConfig } from './config';
import { memoryPersistence, type MockPersistence } from './persistence';

export interface MockStateOptions {
  clock?: Clock;
  persistence?: MockPersistence;
  /** Defaults for this transport (e.g. the demo's latency); persisted choices win over them. */
  config?: Partial<MockConfig>;
}

const CATALOG_KEYS = ['seed', 'policyCount', 'maxVersions', 'versionsPerPolicy', 'includeForkExamples'] as const;

/**
 * The whole mock backend's state behind one object: config, policy catalog, tests, faults. Every
 * transport (service worker, msw/node, the HTTP server) serves handlers built on one of these.
 */
export class MockState {
  readonly clock: Clock;
  readonly faults: FaultStore;
  readonly tests: TestRegistry;
  config: MockConfig;
  catalog: Catalog;
  private readonly persistence: MockPersistence;
  private readonly defaults: MockConfig;
  private readonly configListeners = new Set<(config: MockConfig) => void>();

  constructor(options: MockStateOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.persistence = options.persistence ?? memoryPersistence();
    this.defaults = { ...DEFAULT_CONFIG, ...options.config };
    const saved = this.persistence.load();
    this.config = { ...this.defaults, ...saved?.config };
    this.faults = new FaultStore(this.config.seed);
    if (saved?.faults) this.faults.replace(saved.faults);
    this.tests = new TestRegistry(this.clock);
    for (const record of saved?.tests ?? []) this.tests.add(record);
    this.catalog = this.buildCatalog(this.writesFrom(saved?.writes ?? []));
  }

  private writesFrom(list: readonly WirePolicy[]): CatalogWrites {
    const writes: CatalogWrites = new Map();
    for (const p of list) writes.set(p.id, [...(writes.get(p.id) ?? []), p]);
    return writes;
  }

  private buildCatalog(writes: CatalogWrites): Catalog {
    const c = this.config;
    return new Catalog(
      {
        seed: c.seed,
        policyCount: c.policyCount,
        maxVersions: c.maxVersions,
        versionsPerPolicy: c.versionsPerPolicy,
        includeForkExamples: c.includeForkExamples,
      },
      writes,
    );
  }

  /** Applies a validated config; the catalog is rebuilt (keeping written versions) when its shape changed. */
  setConfig(next: MockConfig): void {
    const rebuild = CATALOG_KEYS.some((k) => next[k] !== this.config[k]);
    this.config = next;
    if (rebuild) this.catalog = this.buildCatalog(this.writesFrom(this.catalog.writtenVersions()));
    this.faults.reseed(next.seed);
    this.persist();
    this.notifyConfig();
  }

  /** Calls `listener` after every config change (set or reset); returns the unsubscribe. */
  onConfigChange(listener: (config: MockConfig) => void): () => void {
    this.configListeners.add(listener);
    return () => void this.configListeners.delete(listener);
  }

  private notifyConfig(): void {
    for (const listener of this.configListeners) listener(this.config);
  }

  /** A policy version written through the API. */
  recordWrite(policy: WirePolicy): void {
    this.catalog.append(policy);
    this.persist();
  }

  startTest(accountId: string, policies: TestPolicy[]): TestRecord {
    const c = this.config;
    const record: TestRecord = {
      id: this.tests.newId(c.seed),
      accountId,
      policies,
      startedAt: this.clock.now(),
      userCount: c.userCount,
      usersPerSecond: effectiveRate(c, c.userCount),
      timeBudgetMs: c.timeBudgetMs,
      seed: c.seed,
      exprTarget: c.exprTarget,
      hostileNames: c.hostileNames,
      blocked: this.tests.processingCount(accountId) >= c.concurrencyLimit,
    };
    this.tests.add(record);
    this.persist();
    return record;
  }

  persistFaults(): void {
    this.persist();
  }

  /** Back to the seeded data and default settings: written policies, tests and faults are gone. */
  reset(): void {
    this.faults.clear();
    this.tests.clear();
    this.config = { ...this.defaults };
    this.faults.reseed(this.config.seed);
    this.catalog = this.buildCatalog(new Map());
    this.persistence.clear();
    this.notifyConfig();
  }

  private persist(): void {
    const changed: Partial<MockConfig> = {};
    for (const key of Object.keys(this.config) as (keyof MockConfig)[]) {
      if (this.config[key] !== this.defaults[key]) (changed as Record<string, unknown>)[key] = this.config[key];
    }
    this.persistence.save({
      version: 1,
      config: changed,
      faults: this.faults.state,
      writes: this.catalog.writtenVersions(),
      tests: this.tests.records(),
    });
  }
}
