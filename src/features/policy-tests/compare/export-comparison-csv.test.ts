import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { COMPARISON_CSV_HEADER, comparisonCsvParts, comparisonFileName } from './export-comparison-csv';
import type { LiveRow } from './live-comparison';

const rows: LiveRow[] = [
  {
    id: 'u1',
    email: 'a@x.co',
    name: 'A',
    a: 'approved',
    b: 'blocked',
    change: 'newly-blocked',
    whyA: { reason: 'approved' },
    whyB: { step: 'security_review', reason: 'approve_if_false' },
  },
  { id: 'u2', email: '+1 555', name: '-B', a: 'approved', b: 'approved', change: 'unchanged' },
  {
    id: 'u3',
    email: 'c@x.co',
    name: 'C',
    b: 'error',
    change: 'only-in-b',
    whyB: { step: 's', reason: 'when_error', error: 'boom' },
  },
  { id: 'u4', email: 'd@x.co', name: 'D', a: 'blocked' },
];

/** Each line as a record keyed by the file's own header, so a column written under the wrong name fails. */
const parse = (text: string) =>
  Papa.parse<Record<string, string>>(text.slice(1).trimEnd(), { newline: '\r\n', header: true }).data;

const noWhy = { step_a: '', reason_a: '', error_a: '', step_b: '', reason_b: '', error_b: '' };

describe('comparisonCsvParts', () => {
  it('writes the chosen rows with both statuses and both whys, neutralising formulas', async () => {
    const text = (await comparisonCsvParts(rows, [1, 2], () => Promise.resolve())).join('');
    expect(text.slice(1, text.indexOf('\r\n'))).toBe(COMPARISON_CSV_HEADER.join(','));
    expect(parse(text)).toEqual([
      {
        id: 'u2',
        email: "'+1 555",
        name: "'-B",
        status_a: 'approved',
        status_b: 'approved',
        change: 'unchanged',
        ...noWhy,
      },
      {
        ...noWhy,
        id: 'u3',
        email: 'c@x.co',
        name: 'C',
        status_a: '',
        status_b: 'error',
        change: 'only in b',
        step_b: 's',
        reason_b: 'when_error',
        error_b: 'boom',
      },
    ]);
  });

  it('writes every row without indexes (one still waiting for the other test says so)', async () => {
    const lines = parse((await comparisonCsvParts(rows, undefined)).join(''));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({
      change: 'newly blocked',
      step_a: '',
      reason_a: 'approved',
      error_a: '',
      step_b: 'security_review',
      reason_b: 'approve_if_false',
    });
    expect(lines[3]!.change).toBe('not in both yet');
  });

  it('names the file after both tests, the kind of change and the step', () => {
    expect(comparisonFileName('t1', 't2', 'newly-blocked')).toBe('policy-test-compare-t1-vs-t2-newly-blocked.csv');
    expect(comparisonFileName('t1', 't2', 'newly-blocked', 'security_review')).toBe(
      'policy-test-compare-t1-vs-t2-newly-blocked-at-security_review.csv',
    );
  });
});
