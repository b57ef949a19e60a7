import type { Policy } from '@/lib/api/guardian/policy-schema';

/** When and by whom one version was saved: what a timeline, a version picker and "latest" need of it. */
export interface VersionStamp {
  version: number;
  createdAt?: string;
  updatedAt?: string;
  createdBy?: string;
}

/**
 * One row of the catalog: a policy, told by its latest version. Plain data (it is built in a worker
 * and copied to the page), and only what the catalog shows: never the versions themselves.
 */
export interface PolicySummary {
  id: string;
  latestVersion: number;
  /** Every version, newest first. */
  versions: VersionStamp[];
  title: string;
  /** Clipped to SUMMARY_TEXT_LIMIT characters: a row shows one line of it, search reads that much. */
  description: string;
  stepCount: number;
  labels: Record<string, string>;
  author: string;
  /** ISO timestamp of the latest version, if the server gave one. */
  updatedAt: string;
}

/** A version's stamp: only the fields it has (a copied object carries no `undefined`s). */
export function stampOf(policy: Policy): VersionStamp {
  const stamp: VersionStamp = { version: policy.version };
  if (policy.createdAt !== undefined) stamp.createdAt = policy.createdAt;
  if (policy.updatedAt !== undefined) stamp.updatedAt = policy.updatedAt;
  if (policy.createdBy !== undefined) stamp.createdBy = policy.createdBy;
  return stamp;
}

/** How much of a title or description a row keeps: a 10 MB description costs the page 2 kB. */
export const SUMMARY_TEXT_LIMIT = 2_000;

const clip = (text: string | undefined) =>
  !text ? '' : text.length > SUMMARY_TEXT_LIMIT ? `${text.slice(0, SUMMARY_TEXT_LIMIT - 1)}…` : text;

interface Group {
  stamps: VersionStamp[];
  latest: Policy;
}

/**
 * Groups the list endpoint's rows (every version of every policy, unordered) into one row per policy,
 * one version at a time, keeping nothing of a version but its stamp and, for the latest, the row's
 * fields. A second row with an (id, version) already seen is counted and left out.
 */
export class PolicySummarizer {
  private readonly groups = new Map<string, Group>();
  private readonly seen = new Map<string, Set<number>>();
  duplicates = 0;
  versions = 0;

  add(policy: Policy): void {
    const stamp = stampOf(policy);
    const group = this.groups.get(policy.id);
    if (!group) {
      this.groups.set(policy.id, { stamps: [stamp], latest: policy });
      this.versions++;
      return;
    }
    let versions = this.seen.get(policy.id);
    if (!versions) {
      versions = new Set(group.stamps.map((s) => s.version));
      this.seen.set(policy.id, versions);
    }
    if (versions.has(policy.version)) {
      this.duplicates++;
      return;
    }
    versions.add(policy.version);
    group.stamps.push(stamp);
    this.versions++;
    if (policy.version > group.latest.version) group.latest = policy;
  }

  /** One summary per policy, in code-point order of id (stable everywhere, and fast on 10,000 ids). */
  summaries(): PolicySummary[] {
    const out: PolicySummary[] = [];
    for (const [id, { stamps, latest }] of this.groups) {
      stamps.sort((a, b) => b.version - a.version);
      out.push({
        id,
        latestVersion: latest.version,
        versions: stamps,
        title: clip(latest.title),
        description: clip(latest.description),
        stepCount: latest.steps.length,
        labels: latest.labels,
        author: latest.createdBy ?? '',
        updatedAt: latest.updatedAt ?? latest.createdAt ?? '',
      });
    }
    return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

/** The list's rows (every version of every policy) as one summary per policy. */
export function summarizePolicies(versions: readonly Policy[]): PolicySummary[] {
  const summarizer = new PolicySummarizer();
  for (const version of versions) summarizer.add(version);
  return summarizer.summaries();
}

/** The versions of one policy, newest first (the list endpoint is the only place they are listed). */
export function versionsOf(summaries: readonly PolicySummary[], id: string): VersionStamp[] {
  return summaries.find((s) => s.id === id)?.versions ?? [];
}
