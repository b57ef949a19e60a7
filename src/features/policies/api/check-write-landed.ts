import type { QueryClient } from '@tanstack/react-query';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { sameContent } from '@/lib/policy-document/policy-content';
import { fetchLatestPolicy, policyVersionQueryOptions } from './get-policy-version';
import { rememberSavedPolicy } from './save-policy-cache';

/** What the server holds after a write whose answer was lost. */
export type WriteCheck =
  /** The write was stored: `saved` is the version it made (someone may have saved after it). */
  | { kind: 'stored'; saved: Policy; latest: Policy }
  /** Nothing new since the write was sent: it was not stored, and sending it again is safe. */
  | { kind: 'not-stored'; latest: Policy | undefined }
  /** Newer versions exist, none of them what was sent: someone else saved meanwhile. */
  | { kind: 'someone-else'; latest: Policy };

/** How many versions saved since the write are read, looking for it under someone else's. */
const MAX_VERSIONS_LOOKED_AT = 5;

/**
 * Looks at the server after a create or update whose answer never came: did it store what was sent?
 * `latestBefore` is the latest version when the write was sent (null: a new policy). A version after
 * it with the same content (server-set fields aside) is the write; none means it was not stored.
 */
export async function checkWriteLanded(
  queryClient: QueryClient,
  { sent, latestBefore }: { sent: Policy; latestBefore: number | null },
): Promise<WriteCheck> {
  const latest = await fetchLatestPolicy(queryClient, sent.id);
  if (!latest || (latestBefore !== null && latest.version <= latestBefore)) return { kind: 'not-stored', latest };
  const first = latestBefore ?? 0;
  for (let version = latest.version; version > first && latest.version - version < MAX_VERSIONS_LOOKED_AT; version--) {
    const candidate =
      version === latest.version ? latest : await queryClient.fetchQuery(policyVersionQueryOptions(sent.id, version));
    if (sameContent(candidate, sent)) {
      if (candidate === latest) await rememberSavedPolicy(queryClient, latest);
      return { kind: 'stored', saved: candidate, latest };
    }
  }
  return { kind: 'someone-else', latest };
}
