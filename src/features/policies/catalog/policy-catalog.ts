import type { Policy, PolicyStamp } from '@/lib/api/guardian/policy-schema';
import { describeIssues, validate, type ResponseSchema } from '@/lib/api/parse-response';
import { capDepth } from '@/lib/json/json-depth';
import { indexSummaries, type IndexedSummary } from './filter-catalog';
import { byId, stampOf, summaryOf, type VersionStamp } from './summarize-policies';

/** A row of the list that does not match the policy schema: reported, not allowed to sink the list. */
export interface UnreadablePolicy {
  index: number;
  id?: string;
  version?: number;
  problems: string[];
}

/** An (id, version) the list held more than once: kept once (the first), and told. */
export interface DuplicateVersion {
  id: string;
  version: number;
  /** How many more times it was listed. */
  repeats: number;
  /** The copies were not the same policy: the first is the one shown. */
  differs: boolean;
}

/**
 * What the console keeps of Guardian's policy list: one summary per policy (with every version's
 * stamp), the rows it could not read, and how the server lists. Built off the page's main thread
 * from the list as it downloads; the versions themselves are not kept.
 */
export interface PolicyCatalog {
  /** In code-point order of id, with their search text folded. */
  policies: IndexedSummary[];
  /** The first UNREADABLE_LISTED of them, in list order. */
  unreadable: UnreadablePolicy[];
  unreadableCount: number;
  /** Versions listed (duplicates and unreadable rows left out). */
  versionCount: number;
  /** Rows that repeated an (id, version) already read, and were left out. */
  duplicateVersions: number;
  /** Each (id, version) listed more than once, with how often and whether the copies differ. */
  duplicates: DuplicateVersion[];
  /** The server pages its list and filters it by id (goto/guardian's `size`, `offset`, `ids`, `total`). */
  serverPages: boolean;
  /** Each policy's latest readable version in full, in the order of `policies` — only when asked for. */
  latest?: Policy[];
}

/** Unreadable rows described in full; beyond this many only counted (a broken server can send 50,000). */
const UNREADABLE_LISTED = 200;

function guessIdentity(row: unknown): Pick<UnreadablePolicy, 'id' | 'version'> {
  if (typeof row !== 'object' || row === null) return {};
  const { id, version } = row as Record<string, unknown>;
  return {
    id: typeof id === 'string' ? id.slice(0, 200) : undefined,
    version: typeof version === 'number' ? version : undefined,
  };
}

/** A version that may yet be shown: the row itself, or its text to read again if it is needed. */
interface Candidate {
  version: number;
  index: number;
  row?: unknown;
  text?: string;
}

interface Group {
  stamps: Map<number, VersionStamp>;
  best: Candidate;
  /** Older versions, read in full only if every newer one turns out unreadable. */
  older: Candidate[];
}

export interface CatalogSchemas {
  policySchema: ResponseSchema<Policy>;
  policyStampSchema: ResponseSchema<PolicyStamp>;
}

/**
 * Takes the list's rows one at a time. Every row's stamp (id, version, author, times) is checked
 * with the console's schema as it comes; the version the catalog shows for each policy — its
 * latest — is checked in full at the end. Only that version's row is kept meanwhile: the rest of a
 * 68 MB list is garbage as soon as it is read. An older version is read in full only if every newer
 * one is unreadable (and otherwise when someone opens it, as any version is).
 */
export class CatalogBuilder {
  private readonly groups = new Map<string, Group>();
  private readonly unreadable: UnreadablePolicy[] = [];
  private unreadableCount = 0;
  private duplicates = 0;
  private readonly repeated = new Map<string, DuplicateVersion>();
  private taken = 0;
  /** What each described row was checked against, to describe it again once zod's messages are there. */
  /** The comparison of policies by content, once loaded (see `compare`). */
  private sameContent?: (a: Policy, b: Policy) => boolean;
  private loadingSameContent?: Promise<void>;
  /** Copies to compare while the comparison loads. */
  private readonly toCompare: { duplicate: DuplicateVersion; a: Policy; b: Policy }[] = [];
  private readonly checked = new WeakMap<UnreadablePolicy, { schema: ResponseSchema<unknown>; row: unknown }>();

  constructor(private readonly schemas: CatalogSchemas) {}

  /** Rows taken so far, readable or not. */
  get rows(): number {
    return this.taken;
  }

  /**
   * `row`: the row, or (with `text`, the row as it was in the list) only its stamp's fields: the
   * rest is read from `text` if this version is the one shown.
   */
  add(row: unknown, index: number, text?: string): void {
    this.taken++;
    const stamp = validate(this.schemas.policyStampSchema, row);
    if (!stamp.ok) return this.reject(index, row, describeIssues(stamp, 3), this.schemas.policyStampSchema, row);
    const { id, version } = stamp.value;
    const candidate: Candidate = { version, index, row, text };
    const group = this.groups.get(id);
    if (!group) {
      this.groups.set(id, { stamps: new Map([[version, stampOf(stamp.value)]]), best: candidate, older: [] });
      return;
    }
    if (group.stamps.has(version)) {
      // A version never changes, so the list has each (id, version) once; a server that repeats one
      // would show a policy with twice its versions.
      this.duplicates++;
      const key = `${id}\u0000${version}`;
      const duplicate = this.repeated.get(key) ?? { id, version, repeats: 0, differs: false };
      duplicate.repeats += 1;
      this.compare(duplicate, group, candidate);
      this.repeated.set(key, duplicate);
      return;
    }
    group.stamps.set(version, stampOf(stamp.value));
    if (version > group.best.version) {
      group.older.push(shed(group.best));
      group.best = candidate;
    } else group.older.push(shed(candidate));
  }

  /**
   * Whether a repeated version's copy is another policy than the first copy (the one kept). Two
   * policies are compared by content, with the comparison loaded the first time it is needed: the
   * catalog's worker does without it until a list repeats a version.
   */
  private compare(duplicate: DuplicateVersion, group: Group, copy: Candidate): void {
    if (duplicate.differs) return;
    const first =
      group.best.version === copy.version ? group.best : group.older.find((c) => c.version === copy.version);
    if (!first) return;
    if (first.text !== undefined && first.text === copy.text) return;
    const a = this.readFully(first);
    const b = this.readFully(copy);
    if (!a || !b) {
      duplicate.differs = (first.text ?? JSON.stringify(first.row)) !== (copy.text ?? JSON.stringify(copy.row));
    } else if (this.sameContent) duplicate.differs = !this.sameContent(a, b);
    else {
      this.toCompare.push({ duplicate, a, b });
      this.loadingSameContent ??= import('@/lib/policy-document/policy-content').then(({ sameContent }) => {
        this.sameContent = sameContent;
        for (const item of this.toCompare.splice(0)) item.duplicate.differs ||= !sameContent(item.a, item.b);
      });
    }
  }

  /** Waits for the comparisons of repeated versions still under way (see `compare`). */
  async compared(): Promise<void> {
    await this.loadingSameContent;
  }

  private readFully(candidate: Candidate): Policy | undefined {
    const row = candidate.text !== undefined ? parse(candidate.text) : candidate.row;
    if (row === NOT_JSON) return undefined;
    const full = validate(this.schemas.policySchema, row);
    return full.ok ? full.value : undefined;
  }

  private reject(
    index: number,
    row: unknown,
    problems: string[],
    schema?: ResponseSchema<unknown>,
    checkedRow?: unknown,
  ): void {
    this.unreadableCount++;
    const entry = { index, ...guessIdentity(row), problems };
    if (schema) this.checked.set(entry, { schema, row: checkedRow });
    // Pages can arrive in any order: keep the first rows of the list, not the first to arrive.
    if (this.unreadable.length < UNREADABLE_LISTED) this.unreadable.push(entry);
    else {
      const last = this.unreadable.reduce((a, b) => (b.index > a.index ? b : a));
      if (index < last.index) this.unreadable[this.unreadable.indexOf(last)] = entry;
    }
  }

  /** `withLatest`: keep each policy's latest version in full too (for exports, not for the catalog). */
  finish(serverPages: boolean, withLatest = false): PolicyCatalog {
    const shown: { summary: ReturnType<typeof summaryOf>; latest: Policy }[] = [];
    let versions = 0;
    for (const group of this.groups.values()) {
      const latest = this.readableLatest(group);
      if (!latest) continue;
      const stamps = [...group.stamps.values()];
      versions += stamps.length;
      shown.push({ summary: summaryOf(latest, stamps), latest });
    }
    shown.sort((a, b) => byId(a.summary, b.summary));
    return {
      ...(withLatest ? { latest: shown.map((s) => s.latest) } : {}),
      policies: indexSummaries(shown.map((s) => s.summary)),
      unreadable: this.unreadable.sort((a, b) => a.index - b.index),
      unreadableCount: this.unreadableCount,
      versionCount: versions,
      duplicateVersions: this.duplicates,
      duplicates: [...this.repeated.values()],
      serverPages,
    };
  }

  /**
   * Describes the catalog's unreadable rows again after `loadMessages`: where zod's English messages
   * load only when needed (the catalog's worker), the rows were first checked without them.
   */
  async describeAgain(catalog: PolicyCatalog, loadMessages: () => Promise<unknown>): Promise<void> {
    const entries = catalog.unreadable.filter((entry) => this.checked.has(entry));
    if (entries.length === 0) return;
    await loadMessages();
    for (const entry of entries) {
      const { schema, row } = this.checked.get(entry)!;
      const result = validate(schema, row);
      if (!result.ok) entry.problems = describeIssues(result, 3);
    }
  }

  /** The newest version that reads in full; the unreadable ones above it are reported and unlisted. */
  private readableLatest(group: Group): Policy | undefined {
    let candidate: Candidate | undefined = group.best;
    let sorted = false;
    while (candidate) {
      const row = candidate.text !== undefined ? parse(candidate.text) : candidate.row;
      const full = row === NOT_JSON ? undefined : validate(this.schemas.policySchema, row);
      // Parts nested deeper than the app reads become their text (as at every API boundary).
      if (full?.ok) return capDepth(full.value).value;
      if (full) this.reject(candidate.index, candidate.row, describeIssues(full, 3), this.schemas.policySchema, row);
      else this.reject(candidate.index, candidate.row, ['This row is not valid JSON.']);
      group.stamps.delete(candidate.version);
      if (!sorted) {
        group.older.sort((a, b) => b.version - a.version);
        sorted = true;
      }
      candidate = group.older.shift();
    }
    return undefined;
  }
}

/** An older version keeps its text, not its parsed row, when the text is there. */
function shed(candidate: Candidate): Candidate {
  return candidate.text === undefined
    ? candidate
    : { version: candidate.version, index: candidate.index, text: candidate.text };
}

const NOT_JSON = Symbol('not JSON');

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_JSON;
  }
}
