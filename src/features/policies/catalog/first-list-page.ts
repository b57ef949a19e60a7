// Relative, not '@/': the build's HTML script (scripts/vite-plugins.ts) is made with this module in Node.
import type { QueryValues } from '../../../lib/api/build-url.ts';
import { GUARDIAN_PREFIX } from '../../../lib/api/guardian/guardian-prefix.ts';

/** Guardian's policy list. */
export const LIST_PATH = `${GUARDIAN_PREFIX}/policies`;

/** Rows per request where the server pages: ~7 MB each at 10,000 policies × 5 versions. */
export const LIST_PAGE_SIZE = 5_000;

/**
 * A catalog load's first request: those policies (goto/guardian filters by `ids`) or one page. The
 * page's HTML sends the catalog's as the page starts (page-started-worker.ts, built with this), and
 * the worker takes that answer as its own, so both must ask the very same.
 */
export function firstListPageQuery(ids: string[] | undefined, pageSize = LIST_PAGE_SIZE): QueryValues {
  return ids ? { ids } : { size: pageSize };
}
