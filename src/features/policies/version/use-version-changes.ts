import { useQueries } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { diffPolicies, summaryToText } from '@/features/policy-diff';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { policyVersionQueryOptions } from '../api/get-policy-version';
import type { VersionStamp } from '../catalog/summarize-policies';

/** What one version changed from the one before it, in a few words. */
export interface VersionChanges {
  /** Things changed (0: the same content saved again); undefined for the first version. */
  count?: number;
  /** The first line of the plain-words summary (risky changes come first). */
  first?: string;
  risky: boolean;
}

interface DiffCode {
  diffPolicies: typeof diffPolicies;
  summaryToText: typeof summaryToText;
}

/**
 * How many of the newest versions say what they changed. Each costs a request for its content (the
 * catalog keeps only stamps), so a policy with thousands of versions does not send thousands; older
 * ones are a "Compare" away.
 */
const HINTED_VERSIONS = 10;

/** One diff per pair of versions: saved versions never change, and the queries hand back the same objects. */
const described = new WeakMap<Policy, { previous: Policy; changes: VersionChanges }>();

function describeChange(code: DiffCode, previous: Policy, version: Policy): VersionChanges {
  const known = described.get(version);
  if (known?.previous === previous) return known.changes;
  const { summary } = code.diffPolicies(previous, version);
  const head = summary[0];
  const changes: VersionChanges = {
    count: summary.length,
    first: head && code.summaryToText([{ ...head, risk: undefined }]).replaceAll('`', ''),
    risky: summary.some((item) => item.risk !== undefined),
  };
  described.set(version, { previous, changes });
  return changes;
}

/**
 * Each of the newest versions' change from the one before it (versions newest first), for the
 * timeline. The diff code loads after the view has shown, then each version is read on its own
 * (the one on screen is already cached, and a read version also opens at once when clicked).
 */
export function useVersionChanges(
  id: string,
  versions: readonly VersionStamp[],
): ReadonlyMap<number, VersionChanges> | undefined {
  const [code, setCode] = useState<DiffCode>();
  useEffect(() => {
    let live = true;
    import('@/features/policy-diff').then(
      (loaded) => {
        if (live) setCode(loaded);
      },
      () => undefined, // no chunk (offline): the timeline still lists the versions
    );
    return () => {
      live = false;
    };
  }, []);

  // The hinted versions and the one before the last of them.
  const read = versions.slice(0, HINTED_VERSIONS + 1);
  const contents = useQueries({
    queries: read.map((stamp) => ({ ...policyVersionQueryOptions(id, stamp.version), enabled: code !== undefined })),
    combine: (results) => results.map((result) => result.data),
  });

  if (!code) return undefined;
  // Cheap on every render: each pair is diffed once (`described`).
  const map = new Map<number, VersionChanges>();
  read.slice(0, HINTED_VERSIONS).forEach((stamp, i) => {
    if (i === versions.length - 1) return map.set(stamp.version, { risky: false });
    const version = contents[i];
    const previous = contents[i + 1];
    if (version && previous) map.set(stamp.version, describeChange(code, previous, version));
  });
  return map;
}
