import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { CompareRow } from './compare-outcomes';
import { comparisonCsvParts, comparisonFileName } from './export-comparison-csv';

const rows: CompareRow[] = [
  { id: 'u1', email: 'a@x.co', name: 'A', a: 'approved', b: 'blocked', change: 'newly-blocked' },
  { id: 'u2', email: '+1 555', name: '-B', a: 'approved', b: 'approved', change: 'unchanged' },
  { id: 'u3', email: 'c@x.co', name: 'C', b: 'error', change: 'only-in-b' },
];

describe('comparisonCsvParts', () => {
  it('writes the chosen rows with both statuses, neutralising formulas', async () => {
    const text = (await comparisonCsvParts(rows, [1, 2], () => Promise.resolve())).join('');
    const parsed = Papa.parse<string[]>(text.slice(1).trimEnd(), { newline: '\r\n' }).data;
    expect(parsed).toEqual([
      ['id', 'email', 'name', 'status_a', 'status_b', 'change'],
      ['u2', "'+1 555", "'-B", 'approved', 'approved', 'unchanged'],
      ['u3', 'c@x.co', 'C', '', 'error', 'only in b'],
    ]);
  });

  it('writes every row without indexes, and names the file after both tests', async () => {
    expect((await comparisonCsvParts(rows, undefined)).join('').split('\r\n')).toHaveLength(5);
    expect(comparisonFileName('t1', 't2', 'newly-blocked')).toBe('policy-test-compare-t1-vs-t2-newly-blocked.csv');
  });
});
