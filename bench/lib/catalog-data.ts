// What the catalog should show for the mock's list, computed here with the console's own functions:
// the benchmark waits for exactly that on screen (the first row after a sort, the count after a keystroke).
import '../../src/lib/csp/zod-jitless';
import { policySchema } from '../../src/lib/api/guardian/policy-schema';
import { filterCatalog, indexSummaries, type IndexedSummary } from '../../src/features/policies/catalog/filter-catalog';
import { sortCatalog } from '../../src/features/policies/catalog/sort-catalog';
import { summarizePolicies } from '../../src/features/policies/catalog/summarize-policies';
import type { Policy } from '../../src/lib/api/guardian/policy-schema';
import type { CatalogSortKey, SortDirection } from '../../src/features/policies/catalog/catalog-params';

export interface CatalogExpectations {
  rows: IndexedSummary[];
  versions: number;
  firstIdSortedBy(sort: CatalogSortKey, dir: SortDirection): string;
  matchCount(q: string): number;
  /** A search the bench types: each keystroke changes how many policies match. */
  query(keystrokes: number): string;
}

export async function catalogExpectations(mock: string): Promise<CatalogExpectations> {
  const text = await (await fetch(`${mock}/api/v1beta1/policies`)).text();
  const { policies } = JSON.parse(text) as { policies: unknown[] };
  const readable: Policy[] = [];
  for (const row of policies) {
    const parsed = policySchema.safeParse(row);
    if (parsed.success) readable.push(parsed.data);
  }
  const rows = indexSummaries(summarizePolicies(readable));
  const counts = new Map<string, number>();
  const matchCount = (q: string) => {
    if (!counts.has(q)) counts.set(q, filterCatalog(rows, q, []).length);
    return counts.get(q)!;
  };
  return {
    rows,
    versions: rows.reduce((n, r) => n + r.versions.length, 0),
    firstIdSortedBy: (sort, dir) => sortCatalog(rows, sort, dir)[0]!.id,
    matchCount,
    query(keystrokes) {
      // The id of a generated policy, typed letter by letter; the one whose prefixes narrow the list most often.
      let best = { id: '', narrowing: -1 };
      for (const row of rows.slice(0, 500)) {
        if (row.id.length < keystrokes) continue;
        let narrowing = 0;
        for (let k = 2; k <= keystrokes; k++) {
          if (matchCount(row.id.slice(0, k)) < matchCount(row.id.slice(0, k - 1))) narrowing++;
        }
        if (narrowing > best.narrowing) best = { id: row.id, narrowing };
      }
      if (!best.id) throw new Error(`no policy id has ${keystrokes} characters`);
      return best.id.slice(0, keystrokes);
    },
  };
}
