import { CSV_BOM, csvRow } from '@/lib/csv/write-csv';
import { safeFileName } from '@/lib/csv/download-file';
import { CHANGE_LABELS, yieldToMain, type CompareRow, type YieldFn } from './compare-outcomes';
import type { ChangeView } from './compare-params';

const COMPARISON_CSV_HEADER = ['id', 'email', 'name', 'status_a', 'status_b', 'change'] as const;

export function comparisonFileName(a: string, b: string, view: ChangeView): string {
  return `${safeFileName('policy-test-compare', a, 'vs', b, view)}.csv`;
}

/** The chosen rows as CSV parts, 10,000 rows a part, giving the browser a turn between parts. */
export async function comparisonCsvParts(
  rows: readonly CompareRow[],
  indexes: readonly number[] | undefined,
  yieldFn: YieldFn = yieldToMain,
): Promise<string[]> {
  const parts = [CSV_BOM + csvRow(COMPARISON_CSV_HEADER)];
  const count = indexes ? indexes.length : rows.length;
  for (let start = 0; start < count; start += 10_000) {
    if (start > 0) await yieldFn();
    let chunk = '';
    for (let i = start; i < Math.min(count, start + 10_000); i += 1) {
      const row = rows[indexes ? indexes[i]! : i]!;
      chunk += csvRow([row.id, row.email, row.name, row.a ?? '', row.b ?? '', CHANGE_LABELS[row.change].toLowerCase()]);
    }
    parts.push(chunk);
  }
  return parts;
}
