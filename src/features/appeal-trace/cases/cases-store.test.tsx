import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultAppealRequest } from '@/lib/appeal';
import { policySchema } from '@/lib/api/guardian/policy-schema';
import { casesSnapshot, resetCasesStore, saveCase } from './cases-store';
import type { TestCase } from './test-case';

const contractor: TestCase = {
  name: 'contractors are blocked',
  createdBy: 'sam@example.com',
  iam: { ok: true, body: { company: 'Agency' } },
  request: defaultAppealRequest(policySchema.parse({ id: 'p', steps: [] })),
  at: '2026-12-01T12:00:00.000Z',
  expect: { outcome: 'blocked', step: 'employee_check' },
};

describe('where cases are kept', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    resetCasesStore();
    localStorage.clear();
  });

  it('keeps them per policy in the browser', () => {
    saveCase('p1', contractor);
    resetCasesStore();
    expect(casesSnapshot('p1')).toMatchObject({ cases: [contractor], persistent: true });
    expect(casesSnapshot('p2').cases).toEqual([]);
  });

  it('says they cannot be kept when storage is denied, and keeps them for the tab', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    saveCase('p1', contractor);
    expect(casesSnapshot('p1')).toMatchObject({ cases: [contractor], persistent: false });
  });

  it('reads only whole cases from storage: an edited or foreign entry is left out, not a crash', () => {
    localStorage.setItem(
      'policy-console.cases.v1.p1',
      JSON.stringify([null, 7, { name: 'half' }, { ...contractor, expect: { outcome: 'maybe' } }, contractor]),
    );
    expect(casesSnapshot('p1').cases).toEqual([contractor]);
    localStorage.setItem('policy-console.cases.v1.p2', '{not json');
    expect(casesSnapshot('p2').cases).toEqual([]);
  });
});
