import type { Policy } from '@/lib/api/guardian/policy-schema';
import { describeIssues, validate, type ResponseSchema } from '@/lib/api/parse-response';
import { indexSummaries, type IndexedSummary } from './filter-catalog';
import { PolicySummarizer } from './summarize-policies';

/** A row of the list that does not match the policy schema: reported, not allowed to sink the list. */
export interface UnreadablePolicy {
  index: number;
  id?: string;
  version?: number;
  problems: string[];
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
  /** Versions read (duplicates left out). */
  versionCount: number;
  /** Rows that repeated an (id, version) already read, and were left out. */
  duplicateVersions: number;
  /** The server pages its list and filters it by id (goto/guardian's `size`, `offset`, `ids`, `total`). */
  serverPages: boolean;
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

/** Takes the list's rows one at a time: validates each with the console's schema, summarises the good ones. */
export class CatalogBuilder {
  private readonly summarizer = new PolicySummarizer();
  private readonly unreadable: UnreadablePolicy[] = [];
  private unreadableCount = 0;

  constructor(private readonly policySchema: ResponseSchema<Policy>) {}

  add(row: unknown, index: number): void {
    const parsed = validate(this.policySchema, row);
    if (parsed.ok) {
      this.summarizer.add(parsed.value);
      return;
    }
    this.unreadableCount++;
    const entry = { index, ...guessIdentity(row), problems: describeIssues(parsed, 3) };
    // Pages can arrive in any order: keep the first rows of the list, not the first to arrive.
    if (this.unreadable.length < UNREADABLE_LISTED) this.unreadable.push(entry);
    else {
      const last = this.unreadable.reduce((a, b) => (b.index > a.index ? b : a));
      if (index < last.index) this.unreadable[this.unreadable.indexOf(last)] = entry;
    }
  }

  /** Rows taken so far, readable or not. */
  get rows(): number {
    return this.summarizer.versions + this.summarizer.duplicates + this.unreadableCount;
  }

  finish(serverPages: boolean): PolicyCatalog {
    return {
      policies: indexSummaries(this.summarizer.summaries()),
      unreadable: this.unreadable.sort((a, b) => a.index - b.index),
      unreadableCount: this.unreadableCount,
      versionCount: this.summarizer.versions,
      duplicateVersions: this.summarizer.duplicates,
      serverPages,
    };
  }
}

/**
 * The catalog with one more version written by this console: the list it came from would now
 * include it, so the catalog shows it without downloading the whole list again.
 */
export function withSavedVersion(catalog: PolicyCatalog, policy: Policy): PolicyCatalog {
  const at = catalog.policies.findIndex((p) => p.id >= policy.id);
  const current = at !== -1 && catalog.policies[at]!.id === policy.id ? catalog.policies[at] : undefined;
  if (current?.versions.some((v) => v.version === policy.version)) return catalog;
  const summarizer = new PolicySummarizer();
  summarizer.add(policy);
  const [saved] = summarizer.summaries();
  const merged = current
    ? policy.version > current.latestVersion
      ? { ...saved!, versions: [...saved!.versions, ...current.versions] }
      : { ...current, versions: [...current.versions, ...saved!.versions].sort((a, b) => b.version - a.version) }
    : saved!;
  const [indexed] = indexSummaries([merged]);
  const policies = [...catalog.policies];
  if (current) policies[at] = indexed!;
  else policies.splice(at === -1 ? policies.length : at, 0, indexed!);
  return { ...catalog, policies, versionCount: catalog.versionCount + 1 };
}
