import { useEffect, useState } from 'react';
import type { Policy } from '@/lib/api/guardian/policy-schema';

/** What one version changed from the one before it, in a few words. */
export interface VersionChanges {
  /** Things changed (0: the same content saved again); undefined for the first version. */
  count?: number;
  /** The first line of the plain-words summary (risky changes come first). */
  first?: string;
  risky: boolean;
}

/**
 * Each version's change from the previous one (versions newest first), for the timeline. The
 * structural diff is loaded after the view has shown, and a policy's versions are all in the list
 * already: no request is made.
 */
export function useVersionChanges(versions: readonly Policy[]): ReadonlyMap<number, VersionChanges> | undefined {
  const [changes, setChanges] = useState<{ of: readonly Policy[]; map: Map<number, VersionChanges> }>();
  useEffect(() => {
    let live = true;
    import('@/features/policy-diff').then(
      ({ diffPolicies, summaryToText }) => {
        if (!live) return;
        const map = new Map<number, VersionChanges>();
        versions.forEach((version, i) => {
          const previous = versions[i + 1];
          if (!previous) return map.set(version.version, { risky: false });
          const { summary } = diffPolicies(previous, version);
          const head = summary[0];
          map.set(version.version, {
            count: summary.length,
            first: head && summaryToText([{ ...head, risk: undefined }]).replaceAll('`', ''),
            risky: summary.some((item) => item.risk !== undefined),
          });
        });
        setChanges({ of: versions, map });
      },
      () => undefined, // no chunk (offline): the timeline still lists the versions
    );
    return () => {
      live = false;
    };
  }, [versions]);
  return changes?.of === versions ? changes.map : undefined;
}
