import { describe, expect, it } from 'vitest';
import { findPolicyRisks, placeWords } from './policy-risks';
import { auto, manual, policyWith, withIam } from './test-support';

const risks = (
  policy: Parameters<typeof findPolicyRisks>[0],
  target: 'guardian-1.12' | 'guardian-1.15' = 'guardian-1.12',
) => findPolicyRisks(policy, { target, now: 0 }).map((r) => `${r.kind} @ ${placeWords(r)}: ${r.message}`);

describe('what a save must not hide', () => {
  it('a function the target cannot run (lower on expr 1.12), but not on 1.15', () => {
    const policy = policyWith([auto('lower($appeal.resource.name) == "customers"', { name: 'check' })]);
    expect(risks(policy)).toEqual([
      expect.stringMatching(
        /^unsupported @ step 1 `check`, `approve_if`: `lower` is not available on this Guardian server \(expr 1\.12\)/,
      ),
    ]);
    expect(risks(policy, 'guardian-1.15')).toEqual([]);
  });

  it('creator fields read by a policy with no IAM, or missing from its schema', () => {
    expect(risks(policyWith([manual(['$appeal.creator.manager_email'], { name: 'mgr' })]))).toEqual([
      'no-iam @ step 1 `mgr`, approver 1: reads `$appeal.creator.manager_email`, but the policy has no `iam`: Guardian sets no creator, so this fails (or is nil with `?.`)',
    ]);
    const schema = policyWith(
      [auto('$appeal.creator.department == "eng"', { name: 'team' })],
      withIam({ name: 'full_name' }),
    );
    expect(risks(schema)).toEqual([
      'not-in-schema @ step 1 `team`, `approve_if`: reads `$appeal.creator.department`, which the IAM `schema` does not map: it is always nil (the schema maps `name`)',
    ]);
  });

  it('an expression that fails, or gives nil or a non-email, on the sample appeal', () => {
    const policy = policyWith(
      [
        auto('$appeal.resource.details.nope.deeper', { name: 'a' }),
        auto('$appeal.resource.details.nope', { name: 'b' }),
        manual(['$appeal.resource.name'], { name: 'c' }),
        manual(['$appeal.creator.managers'], { name: 'd' }),
      ],
      withIam(),
    );
    expect(risks(policy)).toEqual([
      'fails-on-sample @ step 1 `a`, `approve_if`: fails on the sample appeal: cannot fetch deeper from <nil>',
      'fails-on-sample @ step 2 `b`, `approve_if`: gives nil on the sample appeal, and Guardian fails an appeal it cannot decide',
      'fails-on-sample @ step 3 `c`, approver 1: gives "customers" on the sample appeal, not an email address: Guardian fails the appeal',
    ]);
  });

  it('nothing for a healthy policy', () => {
    const policy = policyWith(
      [auto('$appeal.creator.company == "Company Name"'), manual(['$appeal.creator.userManager', 'lead@example.com'])],
      withIam({ company: 'companyName', userManager: 'manager_email' }),
    );
    expect(risks(policy)).toEqual([]);
  });
});
