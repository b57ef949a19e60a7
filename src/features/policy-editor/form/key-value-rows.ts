import type { KeyValueRow } from './policy-form-schema';

/** A string map (labels, IAM headers, IAM schema) as the form's editable rows, in the map's order. */
export const toRows = (record: Record<string, string>): KeyValueRow[] =>
  Object.entries(record).map(([key, value]) => ({ key, value }));

/** The rows back as a map; a later row with the same key wins. */
export const toRecord = (rows: KeyValueRow[]): Record<string, string> =>
  Object.fromEntries(rows.map((row) => [row.key, row.value]));
