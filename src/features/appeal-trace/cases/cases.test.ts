import { describe, expect, it } from 'vitest';
import { defaultAppealRequest } from '@/lib/appeal';
import { policySchema, type Policy } from '@/lib/api/guardian/policy-schema';
import { casesFileName, parseCasesFile, toCasesYaml } from './cases-file';
import { runCase } from './run-case';
import type { TestCase } from './test-case';

const policy: Policy = policySchema.parse({
  id: 'team/access',
  steps: [
    { name: 'employee_check', strategy: 'auto', approve_if: '$appeal.creator.company == "Acme"' },
    { name: 'owner', strategy: 'manual', approvers: ['$appeal.resource.details.owner'] },
  ],
  iam: { provider: 'http', config: { url: 'http://iam/{user_id}', auth: { type: 'bearer', token: 't' } } },
});

const contractor: TestCase = {
  name: 'contractors are blocked',
  createdBy: 'sam@example.com',
  iam: { ok: true, body: { company: 'Agency' } },
  request: defaultAppealRequest(policy),
  at: '2026-12-01T12:00:00.000Z',
  expect: { outcome: 'blocked', step: 'employee_check' },
};

describe('running a case', () => {
  it('passes when the outcome and step match, with a one-line reason', () => {
    expect(runCase(policy, contractor, 'guardian-1.12')).toMatchObject({
      pass: true,
      reason: 'blocked at `employee_check`, as expected',
    });
  });

  it('fails with what was expected and what happened', () => {
    const approved = { ...contractor, expect: { outcome: 'approved' as const } };
    expect(runCase(policy, approved, 'guardian-1.12')).toMatchObject({
      pass: false,
      reason: 'expected approved, got blocked at `employee_check`',
    });
    const employee = {
      ...contractor,
      iam: { ok: true as const, body: { company: 'Acme' } },
      expect: { outcome: 'waits' as const, approvers: ['data-owner@example.com'] },
    };
    expect(runCase(policy, employee, 'guardian-1.12').pass).toBe(true);
    expect(
      runCase(policy, { ...employee, expect: { outcome: 'waits', approvers: ['x@example.com'] } }, 'guardian-1.12')
        .reason,
    ).toBe('expected waits for x@example.com, got waits for data-owner@example.com at `owner`');
  });

  it('says so when the step it names is gone', () => {
    const renamed = { ...policy, steps: policy.steps.map((s, i) => (i === 0 ? { ...s, name: 'staff_check' } : s)) };
    expect(runCase(renamed, contractor, 'guardian-1.12')).toMatchObject({
      pass: false,
      reason: 'expects blocked at `employee_check`, but this version has no step `employee_check`',
    });
  });
});

describe('the cases file', () => {
  it('round-trips, named after the policy', () => {
    expect(casesFileName('team/access')).toBe('team_access.cases.yaml');
    const text = toCasesYaml(policy.id, [
      contractor,
      { ...contractor, name: 'gone', iam: { ok: false, message: '404' } },
    ]);
    expect(text).toMatch(/^# Test cases of Guardian policy team\/access/);
    const parsed = parseCasesFile(text, policy);
    expect(parsed.problems).toEqual([]);
    expect(parsed.cases).toEqual([contractor, { ...contractor, name: 'gone', iam: { ok: false, message: '404' } }]);
  });

  it('loads the good cases of a bad file, with a message per bad one', () => {
    const text = [
      'policy: team/access',
      'cases:',
      '  - name: good',
      '    created_by: a@example.com',
      '    expect: { outcome: approved }',
      '  - name: typo',
      '    created_by: a@example.com',
      '    expcet: { outcome: approved }',
      '  - name: old step',
      '    created_by: a@example.com',
      '    expect: { outcome: blocked, step: security_review }',
      '  - name: no step',
      '    created_by: a@example.com',
      '    expect: { outcome: blocked }',
      '  - just text',
    ].join('\n');
    const parsed = parseCasesFile(text, policy);
    expect(parsed.cases.map((c) => c.name)).toEqual(['good', 'old step']);
    expect(parsed.problems.map((p) => `${p.index} ${p.message}`)).toEqual([
      expect.stringMatching(/^2 left out: has unknown keys: expcet/),
      '3 loaded, but this version has no step `security_review`: it fails until it does.',
      '4 left out: `expect.step` is required for `blocked`: the step that blocks.',
      expect.stringMatching(/^5 left out: a case must be a map/),
    ]);
  });

  it('refuses a file that is not YAML, or not a cases file, with one message', () => {
    expect(parseCasesFile('cases: [\n  - a', policy)).toMatchObject({
      cases: [],
      problems: [
        { message: expect.stringMatching(/^This is not a YAML cases file \(line \d+, column \d+\): [^\n]*[a-z]\.$/) },
      ],
    });
    expect(parseCasesFile('- 1\n- 2', policy).problems[0]!.message).toMatch(/a map with a `cases` list/);
  });
});
