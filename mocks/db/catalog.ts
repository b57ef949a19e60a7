import type { Policy } from '../../src/lib/api/guardian/policy-schema';
import { Prng, hash32, hashString } from '../lib/random';
import { evolvePolicy } from './evolve-policy';
import { generateFirstVersion, policyWords, versionCount } from './generate-policy';
import { SEED_POLICIES, seedVersions } from './seed-policies';
import { POLICY_AUTHORS } from './vocabulary';
import { protoTimestamp, toWirePolicy, type WirePolicy } from './wire-form';

export interface CatalogOptions {
  seed: number;
  /** Generated policies beside the shared examples. */
  policyCount: number;
  maxVersions: number;
  /** Every generated policy gets exactly this many versions (for perf runs); 0 = 1..maxVersions, mostly few. */
  versionsPerPolicy: number;
  includeForkExamples: boolean;
}

/** The generated history ends here, so that data is the same on every run and every machine. */
const CATALOG_EPOCH = Date.UTC(2026, 10, 20, 12, 0, 0);
const DAY = 86_400_000;
const HISTORY_CACHE_LIMIT = 256;

/**
 * Policy versions as list entries: each one's JSON text, its place in the (shuffled) list, and what
 * goto/guardian's paged list filters and orders by — `keys[i]`, `ids[i]`… all describe `texts[i]`.
 */
export interface ListEntries {
  keys: number[];
  texts: string[];
  ids: string[];
  versions: number[];
  createdAt: string[];
}

/** goto/guardian's list query: `ids` (`id`, `id:0` = latest, `id:n`), `offset`, `size` (0 = all). */
export interface ListQuery {
  ids: readonly string[];
  offset: number;
  size: number;
}

interface Entry {
  k: number;
  text: string;
  id: string;
  version: number;
  createdAt: string;
}

/** Tells one catalog's bodies from another's (a config change builds a new catalog at revision 0). */
let catalogsMade = 0;
const PROCESS_TAG = Date.now().toString(36);

/** Versions written through the API, appended after a policy's generated ones. */
export type CatalogWrites = Map<string, WirePolicy[]>;

interface BaseEntry {
  kind: 'seed' | 'generated';
  index: number;
  versions: number;
}

/**
 * Every policy version the mock Guardian knows: the seeds and the generated catalog are computed on
 * demand from (seed, index, version) — 10,000 policies cost nothing until read — and API writes are
 * kept beside them. Old versions never change.
 */
export class Catalog {
  private readonly seedCache = new Map<number, WirePolicy[]>();
  /** Recently read generated histories (a version view, then its diff, read the same policy again). */
  private readonly historyCache = new Map<number, WirePolicy[]>();
  private idIndex: Map<string, BaseEntry> | undefined;
  private base: ListEntries | undefined;
  private entryCache: { revision: number; shuffled: Entry[]; byCreation?: Entry[] } | undefined;
  private listCache: { revision: number; body: string } | undefined;
  private revision = 0;
  private readonly tag = `${PROCESS_TAG}.${++catalogsMade}`;
  /** `baseEntries()` computed elsewhere (the demo's catalog worker), from the same options. */
  private warming: Promise<void> | undefined;

  constructor(
    readonly options: CatalogOptions,
    private readonly writes: CatalogWrites = new Map(),
  ) {}

  private seeds() {
    return SEED_POLICIES.filter((s) => this.options.includeForkExamples || !s.fork);
  }

  private index(): Map<string, BaseEntry> {
    if (this.idIndex) return this.idIndex;
    const index = new Map<string, BaseEntry>();
    this.seeds().forEach((seed, i) => {
      const id = (seed.source as { id: string }).id;
      index.set(id, { kind: 'seed', index: i, versions: seed.versions });
    });
    for (let i = 0; i < this.options.policyCount; i++) {
      const { id } = policyWords(this.options.seed, i);
      if (!index.has(id))
        index.set(id, {
          kind: 'generated',
          index: i,
          versions: this.options.versionsPerPolicy || versionCount(this.options.seed, i, this.options.maxVersions),
        });
    }
    this.idIndex = index;
    return index;
  }

  /** When each version of a policy was written: spread over the months before the epoch. */
  private stamp(id: string, policy: Policy, version: number, versions: number): WirePolicy {
    const h = hashString(id) ^ this.options.seed;
    const span = 20 + (hash32(h, 1) % 520);
    const start = CATALOG_EPOCH - span * DAY - (hash32(h, 2) % DAY);
    const at =
      start + Math.floor(((version - 1) / Math.max(1, versions)) * span * DAY) + (hash32(h, version, 3) % (DAY / 2));
    const wire = toWirePolicy({ ...policy, version });
    wire.created_at = protoTimestamp(at);
    wire.updated_at = protoTimestamp(at);
    return wire;
  }

  private seedHistory(entry: BaseEntry): WirePolicy[] {
    let history = this.seedCache.get(entry.index);
    if (!history) {
      const versions = seedVersions(this.options.seed, this.seeds()[entry.index]!);
      history = versions.map((p, i) => this.stamp(p.id, p, i + 1, versions.length));
      this.seedCache.set(entry.index, history);
    }
    return history;
  }

  /** Versions 1..upTo of a generated policy (each version is an edit of the one before). */
  private generatedHistory(entry: BaseEntry, upTo = entry.versions): WirePolicy[] {
    const { policy } = generateFirstVersion(this.options.seed, entry.index);
    const out: WirePolicy[] = [this.stamp(policy.id, policy, 1, entry.versions)];
    let current = policy;
    for (let v = 2; v <= upTo; v++) {
      const rng = new Prng(hash32(this.options.seed, entry.index, 1000 + v));
      current = evolvePolicy(current, rng);
      if (rng.chance(0.35)) current.createdBy = rng.pick(POLICY_AUTHORS);
      out.push(this.stamp(policy.id, current, v, entry.versions));
    }
    return out;
  }

  private baseEntry(id: string): BaseEntry | undefined {
    return this.index().get(id);
  }

  /** The highest version of a policy, 0 when there is no such policy. */
  latestVersion(id: string): number {
    const base = this.baseEntry(id)?.versions ?? 0;
    return base + (this.writes.get(id)?.length ?? 0);
  }

  /** One version (`0` = latest), or undefined. */
  get(id: string, version: number): WirePolicy | undefined {
    const latest = this.latestVersion(id);
    const v = version === 0 ? latest : version;
    if (v < 1 || v > latest) return undefined;
    const entry = this.baseEntry(id);
    const base = entry?.versions ?? 0;
    if (v > base) return this.writes.get(id)?.[v - base - 1];
    if (entry!.kind === 'seed') return this.seedHistory(entry!)[v - 1];
    let history = this.historyCache.get(entry!.index);
    if (!history) {
      history = this.generatedHistory(entry!);
      if (this.historyCache.size >= HISTORY_CACHE_LIMIT)
        this.historyCache.delete(this.historyCache.keys().next().value!);
      this.historyCache.set(entry!.index, history);
    }
    return history[v - 1];
  }

  has(id: string): boolean {
    return this.latestVersion(id) > 0;
  }

  /** Appends a version written through the API (version numbers are the caller's job). */
  append(policy: WirePolicy): void {
    const list = this.writes.get(policy.id) ?? [];
    list.push(policy);
    this.writes.set(policy.id, list);
    this.revision++;
  }

  writtenVersions(): WirePolicy[] {
    return [...this.writes.values()].flat();
  }

  /** Every seeded and generated version (no API writes), policy by policy. */
  private baseVersions(): WirePolicy[] {
    const out: WirePolicy[] = [];
    for (const entry of this.index().values()) {
      out.push(...(entry.kind === 'seed' ? this.seedHistory(entry) : this.generatedHistory(entry)));
    }
    return out;
  }

  /** Where a version goes in the list: Guardian's list is unordered, the mock's is shuffled by this. */
  private listKey(p: WirePolicy): number {
    return hash32(this.options.seed, hashString(p.id), p.version);
  }

  /** The seeded and generated versions as list entries (what the demo's worker sends). */
  baseEntries(): ListEntries {
    const versions = this.baseVersions();
    return {
      keys: versions.map((p) => this.listKey(p)),
      texts: versions.map((p) => JSON.stringify(p)),
      ids: versions.map((p) => p.id),
      versions: versions.map((p) => p.version),
      createdAt: versions.map((p) => (typeof p.created_at === 'string' ? p.created_at : '')),
    };
  }

  /**
   * Lets `baseEntries()` be computed off this thread (the demo computes them in a Web Worker while
   * the page starts): `ready()` waits for them, and `undefined` (the worker failed) just means they
   * are computed here, as without a warm-up. They must come from a catalog with these same options.
   */
  warmUp(entries: Promise<ListEntries | undefined>): void {
    this.warming = entries.then(
      (answer) => {
        if (answer && !this.base && answer.keys.length === answer.texts.length) this.base = answer;
      },
      () => undefined,
    );
  }

  /** Settles once a warm-up (if any) has answered; reads never need it, it only saves work here. */
  ready(): Promise<void> {
    return this.warming ?? Promise.resolve();
  }

  /** Every version of every policy, in a stable order that is not sorted (Guardian's list is unordered). */
  list(): WirePolicy[] {
    const out: WirePolicy[] = this.baseVersions();
    for (const written of this.writes.values()) out.push(...written);
    return out
      .map((p) => ({ p, k: this.listKey(p) }))
      .sort((a, b) => a.k - b.k)
      .map((x) => x.p);
  }

  /**
   * Every version as a list entry, in the list's shuffled order: the seeded and generated ones are
   * computed (or adopted from a warm-up) once; a write only adds its own and sorts again.
   */
  private entries(): { shuffled: Entry[]; byCreation: () => Entry[] } {
    if (this.entryCache?.revision !== this.revision) {
      const base = (this.base ??= this.baseEntries());
      const shuffled: Entry[] = base.texts.map((text, i) => ({
        k: base.keys[i]!,
        text,
        id: base.ids[i]!,
        version: base.versions[i]!,
        createdAt: base.createdAt[i]!,
      }));
      for (const written of this.writes.values()) {
        for (const p of written) {
          const createdAt = typeof p.created_at === 'string' ? p.created_at : '';
          shuffled.push({ k: this.listKey(p), text: JSON.stringify(p), id: p.id, version: p.version, createdAt });
        }
      }
      // Array.prototype.sort is stable: equal keys keep the order list() gives them.
      shuffled.sort((a, b) => a.k - b.k);
      this.entryCache = { revision: this.revision, shuffled };
    }
    const cache = this.entryCache;
    return {
      shuffled: cache.shuffled,
      // goto/guardian orders its list by created_at (RFC 3339 in UTC: text order is time order).
      byCreation: () =>
        (cache.byCreation ??= [...cache.shuffled].sort((a, b) =>
          a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0,
        )),
    };
  }

  /** raystack's list response body: every version, shuffled; cached until the next write. */
  listBody(): string {
    if (this.listCache?.revision !== this.revision) {
      const { shuffled } = this.entries();
      this.listCache = { revision: this.revision, body: `{"policies":[${shuffled.map((e) => e.text).join(',')}]}` };
    }
    return this.listCache.body;
  }

  /**
   * goto/guardian's list response body: the versions `ids` names (all when none), oldest first, from
   * `offset`, at most `size` (0 = no limit), and `total` = how many match. Zero values are left out.
   */
  listPage(query: ListQuery): string {
    const matching = this.matching(query.ids);
    const page =
      query.size > 0 ? matching.slice(query.offset, query.offset + query.size) : matching.slice(query.offset);
    const parts: string[] = [];
    if (page.length > 0) parts.push(`"policies":[${page.map((e) => e.text).join(',')}]`);
    if (matching.length > 0) parts.push(`"total":${matching.length}`);
    return `{${parts.join(',')}}`;
  }

  private matching(ids: readonly string[]): Entry[] {
    const all = this.entries().byCreation();
    const wanted = new Map<string, { all: boolean; latest: boolean; versions: Set<number> }>();
    for (const raw of ids) {
      const parts = raw.trim().split(':');
      const id = parts[0]?.trim() ?? '';
      if (parts.length > 2 || id === '') continue;
      const intent = wanted.get(id) ?? { all: false, latest: false, versions: new Set<number>() };
      wanted.set(id, intent);
      if (parts.length === 1) intent.all = true;
      else if (/^\s*\d+\s*$/.test(parts[1]!)) {
        const v = Number(parts[1]);
        if (v === 0) intent.latest = true;
        else intent.versions.add(v);
      }
    }
    if (wanted.size === 0) return all;
    return all.filter((e) => {
      const intent = wanted.get(e.id);
      if (!intent) return false;
      return intent.all || intent.versions.has(e.version) || (intent.latest && e.version === this.latestVersion(e.id));
    });
  }

  /** Names one list body exactly (its catalog, its revision and the query): the HTTP server caches by it. */
  bodyTag(query?: ListQuery): string {
    const what = query ? `${query.ids.join('\u0000')}|${query.offset}|${query.size}` : 'all';
    return `"${this.tag}-${this.revision}-${hashString(what).toString(36)}"`;
  }

  /** Policy ids (for the engine and the panel). */
  ids(): string[] {
    return [...new Set([...this.index().keys(), ...this.writes.keys()])];
  }
}
