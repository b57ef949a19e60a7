import { describe, expect, it } from 'vitest';
import { defaultAppealRequest } from './appeal-request';
import { formatValue, outcomeSentence, stepStateWords } from './describe-trace';
import { auto, found, manual, NOW, policyWith, withIam } from './test-support';
import { traceAppeal } from './trace-appeal';
import type { Policy } from '../api/guardian/policy-schema';

const sentence = (policy: Policy, body: unknown = {}) =>
  outcomeSentence(
    traceAppeal(
      policy,
      { createdBy: 'ana@example.com', iam: found(body), request: defaultAppealRequest(policy) },
      { target: 'guardian-1.12', now: NOW },
    ),
  );

describe('a trace in words', () => {
  it('says where a block happened and what the condition read', () => {
    const policy = policyWith(
      [auto('true', { name: 'basics' }), auto('$appeal.creator.department == "eng"', { name: 'security_review' })],
      withIam(),
    );
    expect(sentence(policy, { department: 'sales' })).toBe(
      'Blocked at step 2 `security_review`: `approve_if` was false — `$appeal.creator.department` was "sales".',
    );
  });

  it('explains a nil creator: no iam, or a field the schema does not map', () => {
    expect(sentence(policyWith([manual(['$appeal.creator.manager_email'], { name: 'manager' })]))).toBe(
      'Error at step 1 `manager`: approver `$appeal.creator.manager_email` failed — cannot fetch manager_email from <nil> (at 1:17); `$appeal.creator` was nil (the policy has no `iam`, so Guardian sets no creator).',
    );
    const unmapped = policyWith(
      [auto('$appeal.creator.company == "Acme"', { name: 'c' })],
      withIam({ name: 'full_name' }),
    );
    expect(sentence(unmapped, { company: 'Acme' })).toBe(
      'Blocked at step 1 `c`: `approve_if` was false — `$appeal.creator.company` was nil (the IAM `schema` does not map `company`).',
    );
  });

  it('names who an appeal waits for', () => {
    const policy = policyWith([manual(['$appeal.resource.details.owner', 'lead@example.com'], { name: 'owner' })]);
    expect(sentence(policy)).toBe(
      'Waits for approval at step 1 `owner` by data-owner@example.com, lead@example.com; approved once they approve.',
    );
  });

  it('words each state, and values as Guardian prints them', () => {
    const skipped = traceAppeal(
      policyWith([auto('true', { when: 'false' })]),
      { createdBy: 'a@example.com', iam: found({}), request: defaultAppealRequest(policyWith([])) },
      { target: 'guardian-1.12', now: NOW },
    );
    expect(stepStateWords(skipped.steps[0]!)).toBe('Skipped: `when` was false');
    expect([formatValue(null), formatValue('x'), formatValue(['a', 1]), formatValue(3n)]).toEqual([
      'nil',
      '"x"',
      '["a",1]',
      '3',
    ]);
    expect(formatValue('y'.repeat(200))).toHaveLength(80);
  });
});
