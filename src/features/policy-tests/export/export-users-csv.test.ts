import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import type { PolicyTestUser } from '@/lib/api/policy-tests/policy-test-schema';
import type { UsersPageParams } from '../api/get-policy-test-users';
import { exportUsersCsv, usersCsvFileName } from './export-users-csv';

const people: PolicyTestUser[] = [
  { id: 'u1', email: 'ada@example.com', name: 'Ada', status: 'blocked' },
  { id: 'u2', email: '=HYPERLINK("http://x")', name: 'Eve, "the" attacker', status: 'blocked' },
  {
    id: 'u3',
    email: 'bob@example.com',
    name: '@bob',
    status: 'blocked',
    why: { step: 'security_review', reason: 'approve_if_false' },
  },
];

describe('exportUsersCsv', () => {
  it('walks the filtered pages and writes neutralised CSV with progress', async () => {
    const fetchPage = vi.fn((p: UsersPageParams) => Promise.resolve(p.page === 1 ? people : []));
    const progress = vi.fn();
    const result = await exportUsersCsv({
      testId: 't/1',
      view: 'blocked',
      expected: 3,
      settled: true,
      fetchPage,
      onProgress: progress,
    });
    expect(fetchPage.mock.calls[0]![0]).toMatchObject({ testId: 't/1', status: 'fail', perPage: 1000 });
    expect(result.users).toBe(3);
    expect(result.fileName).toBe('policy-test-t_1-blocked-users.csv');
    expect(progress).toHaveBeenLastCalledWith({ users: 3, expected: 3 });
    const text = result.parts.join('');
    expect(text.startsWith('\uFEFFid,email,name,status,step,reason,error\r\n')).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1).trimEnd(), { newline: '\r\n' }).data;
    expect(rows[2]).toEqual(['u2', `'=HYPERLINK("http://x")`, 'Eve, "the" attacker', 'blocked', '', '', '']);
    expect(rows[3]).toEqual(['u3', 'bob@example.com', "'@bob", 'blocked', 'security_review', 'approve_if_false', '']);
  });

  it('drops users seen twice while a running test shifts its pages', async () => {
    const pages = [people.slice(0, 2), people.slice(1, 3)];
    const fetchPage = vi.fn((p: UsersPageParams) => Promise.resolve(pages[p.page - 1] ?? []));
    const result = await exportUsersCsv({ testId: 't', view: 'all', expected: 3, settled: false, fetchPage });
    expect(result.users).toBe(3);
    expect(fetchPage.mock.calls[0]![0].status).toBeUndefined();
  });

  it('follows the search and the step filter (our servers) page by page', async () => {
    const fetchPage = vi.fn((_p: UsersPageParams) => Promise.resolve([] as PolicyTestUser[]));
    const filters = { search: '.*(', step: 'security_review' };
    await exportUsersCsv({ testId: 't', view: 'blocked', expected: 0, settled: true, fetchPage, filters });
    expect(fetchPage.mock.calls[0]![0]).toMatchObject({ search: '.*(', step: 'security_review', status: 'fail' });
  });

  it('names the file after the test and the filter', () => {
    expect(usersCsvFileName('abc-123', 'all')).toBe('policy-test-abc-123-all-users.csv');
    expect(usersCsvFileName('abc', 'error')).toBe('policy-test-abc-error-users.csv');
    expect(usersCsvFileName('abc', 'error', { step: 's1', search: 'ana' })).toBe(
      'policy-test-abc-error-users-at-s1-matching-ana.csv',
    );
  });
});
