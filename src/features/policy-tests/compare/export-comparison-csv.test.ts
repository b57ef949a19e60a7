import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { comparisonCsvParts, comparisonFileName } from './export-comparison-csv';
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

const parse = (text: string) => Papa.parse<string[]>(text.slice(1).trimEnd(), { newline: '\r\n' }).data;

describe('comparisonCsvParts', () => {
  it('writes the chosen rows with both statuses and both whys, neutralising formulas', async () => {
    const text = (await comparisonCsvParts(rows, [1, 2], () => Promise.resolve())).join('');
    expect(parse(text)).toEqual([
      [
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
      ],
      ['u2', "'+1 555", "'-B", 'approved', 'approved', 'unchanged', '', '', '', '', '', ''],
      ['u3', 'c@x.co', 'C', '', 'error', 'only in b', '', '', '', 's', 'when_error', 'boom'],
    ]);
  });

  it('writes every row without indexes (one still waiting for the other test says so)', async () => {
    const lines = parse((await comparisonCsvParts(rows, undefined)).join(''));
    expect(lines).toHaveLength(5);
    expect(lines[1]!.slice(5, 11)).toEqual([
      'newly blocked',
      '',
      'approved',
      '',
      'security_review',
      'approve_if_false',
    ]);
    expect(lines[4]![5]).toBe('not in both yet');
  });

  it('names the file after both tests, the kind of change and the step', () => {
    expect(comparisonFileName('t1', 't2', 'newly-blocked')).toBe('policy-test-compare-t1-vs-t2-newly-blocked.csv');
    expect(comparisonFileName('t1', 't2', 'newly-blocked', 'security_review')).toBe(
      'policy-test-compare-t1-vs-t2-newly-blocked-at-security_review.csv',
    );
  });
});
