import { CSV_BOM, csvRow } from '@/lib/csv/write-csv';
import { safeFileName } from '@/lib/csv/download-file';
import type { UserWhy } from '@/lib/api/policy-tests/policy-test-schema';
import { yieldToMain } from '@/lib/scheduling/in-slices';
import { CHANGE_LABELS } from './compare-outcomes';
import type { ChangeView } from './compare-params';
import type { LiveRow } from './live-comparison';

/** The comparison file's columns, in order (the e2e download check reads them from here). */
export const COMPARISON_CSV_HEADER = [
  'id',
  'email',
  'name',
  'status_a',
  'status_b',
  'change',
  'step_a',
  'reason_a',
  'error_a',
  'step_b',
  'reason_b',
  'error_b',
] as const;

export function comparisonFileName(a: string, b: string, view: ChangeView, step?: string): string {
  return `${safeFileName('policy-test-compare', a, 'vs', b, view, ...(step === undefined ? [] : ['at', step]))}.csv`;
}

const why = (w: UserWhy | undefined) => [w?.step ?? '', w?.reason ?? '', w?.error ?? ''];

/** The chosen rows as CSV parts, 10,000 rows a part, giving the browser a turn between parts. */
export async function comparisonCsvParts(
  rows: readonly LiveRow[],
  indexes: readonly number[] | undefined,
  yieldFn: () => Promise<void> = yieldToMain,
): Promise<string[]> {
  const parts = [CSV_BOM + csvRow(COMPARISON_CSV_HEADER)];
  const count = indexes ? indexes.length : rows.length;
  for (let start = 0; start < count; start += 10_000) {
    if (start > 0) await yieldFn();
    let chunk = '';
    for (let i = start; i < Math.min(count, start + 10_000); i += 1) {
      const row = rows[indexes ? indexes[i]! : i]!;
      const change = row.change ? CHANGE_LABELS[row.change].toLowerCase() : 'not in both yet';
      chunk += csvRow([
        row.id,
        row.email,
        row.name,
        row.a ?? '',
        row.b ?? '',
        change,
        ...why(row.whyA),
        ...why(row.whyB),
      ]);
    }
    parts.push(chunk);
  }
  return parts;
}
