import type { PolicySummary } from './summarize-policies';
import type { LabelFilter } from './catalog-params';

/** A summary with its searchable text folded once, so that each keystroke only scans strings. */
export interface IndexedSummary extends PolicySummary {
  haystack: string;
}

export function indexSummaries(summaries: readonly PolicySummary[]): IndexedSummary[] {
  return summaries.map((summary) => ({
    ...summary,
    haystack: [
      summary.id,
      summary.title,
      summary.description,
      ...Object.entries(summary.labels).map(([key, value]) => `${key}:${value}`),
    ]
      .join('\n')
      .toLowerCase(),
  }));
}

/** Every word of the query must appear in the id, title, description or a label (`key:value`). */
export function filterCatalog<T extends IndexedSummary>(
  rows: readonly T[],
  q: string,
  labels: readonly LabelFilter[],
): readonly T[] {
  const terms = q.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0 && labels.length === 0) return rows;
  return rows.filter(
    (row) =>
      terms.every((term) => row.haystack.includes(term)) &&
      labels.every((filter) =>
        filter.value === undefined ? filter.key in row.labels : row.labels[filter.key] === filter.value,
      ),
  );
}

export interface LabelOption {
  key: string;
  value: string;
  count: number;
}

/** Every label in use with how many policies carry it, most used first: the filter's choices. */
export function labelOptions(summaries: readonly PolicySummary[]): LabelOption[] {
  const counts = new Map<string, LabelOption>();
  for (const summary of summaries) {
    for (const [key, value] of Object.entries(summary.labels)) {
      const id = `${key}\u0000${value}`;
      const option = counts.get(id);
      if (option) option.count++;
      else counts.set(id, { key, value, count: 1 });
    }
  }
  return [...counts.values()].sort(
    (a, b) => b.count - a.count || a.key.localeCompare(b.key) || a.value.localeCompare(b.value),
  );
}
