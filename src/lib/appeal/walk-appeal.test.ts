import { describe, expect, it } from 'vitest';
import { auto, found, manual, policyWith, verdictOf, withIam } from './test-support';

const v = (outcome: number, reason: string, step?: number) => ({ outcome, reason, step });
const APPROVED = 0;
const BLOCKED = 1;
const ERRORED = 2;

describe('the steps, in order', () => {
  it('a falsy `when` skips the step; a truthy one runs it', () => {
    expect(verdictOf(policyWith([auto('false', { when: '1 == 0' })]))).toEqual(v(APPROVED, 'approved'));
    expect(verdictOf(policyWith([auto('false', { when: '1 == 1' })]))).toEqual(v(BLOCKED, 'approve_if_false', 0));
  });

  it('Go’s IsZero decides: "no", 1 and [] are truthy; "", 0 and false are falsy; nil fails', () => {
    expect(verdictOf(policyWith([auto('"no"')])).outcome).toBe(APPROVED);
    expect(verdictOf(policyWith([auto('[]')])).outcome).toBe(APPROVED);
    expect(verdictOf(policyWith([auto('""')])).outcome).toBe(BLOCKED);
    expect(verdictOf(policyWith([auto('0')])).outcome).toBe(BLOCKED);
    expect(verdictOf(policyWith([auto('nil')]))).toEqual(v(ERRORED, 'approve_if_nil', 0));
    expect(verdictOf(policyWith([auto('true', { when: 'nil' })]))).toEqual(v(ERRORED, 'when_nil', 0));
  });

  it('allow_failed turns a block into "failed but allowed" and the walk goes on', () => {
    const policy = policyWith([auto('false', { allowFailed: true }), manual(['x@example.com'], { name: 'm' })]);
    expect(verdictOf(policy)).toEqual(v(APPROVED, 'awaits_approval', 1));
  });

  it('the first block ends the walk; later steps are not reached', () => {
    expect(verdictOf(policyWith([auto('false'), auto('nil')]))).toEqual(v(BLOCKED, 'approve_if_false', 0));
  });

  it('an expression that fails, or does not compile, is an error at its step', () => {
    expect(verdictOf(policyWith([auto('true'), auto('$appeal.resource.nope.deeper == 1')]))).toEqual(
      v(ERRORED, 'approve_if_error', 1),
    );
    expect(verdictOf(policyWith([auto('((')]))).toEqual(v(ERRORED, 'approve_if_error', 0));
    expect(verdictOf(policyWith([auto('true', { when: '"a" + 1' })]))).toEqual(v(ERRORED, 'when_error', 0));
  });

  it('an auto step without approve_if, or an unknown strategy, cannot advance', () => {
    expect(verdictOf(policyWith([{ ...auto(''), approveIf: undefined }]))).toEqual(v(ERRORED, 'invalid_step', 0));
    expect(verdictOf(policyWith([{ ...manual([]), strategy: 'both' as never }]))).toEqual(
      v(ERRORED, 'invalid_step', 0),
    );
  });

  it('evaluates with the target’s semantics: lower() fails on 1.12 and runs on 1.15', () => {
    const policy = policyWith([auto('lower($appeal.resource.name) == "customers"')]);
    expect(verdictOf(policy, undefined, 'guardian-1.12').outcome).toBe(ERRORED);
    expect(verdictOf(policy, undefined, 'guardian-1.15').outcome).toBe(APPROVED);
  });
});

describe('the evaluation time', () => {
  it('is an input: now() reads it (goto’s expr), so a verdict is the same tomorrow', () => {
    const policy = policyWith([auto('now() > date("2026-11-30T00:00:00Z") && now() < date("2026-12-02T00:00:00Z")')]);
    expect(verdictOf(policy, undefined, 'guardian-1.15').outcome).toBe(APPROVED);
    expect(verdictOf(policy, undefined, 'guardian-1.12').outcome).toBe(ERRORED);
  });
});

describe('manual steps and their approvers', () => {
  it('wait for approval when every approver resolves to an email', () => {
    expect(verdictOf(policyWith([manual(['$appeal.resource.details.owner', 'lead@example.com'])]))).toEqual(
      v(APPROVED, 'awaits_approval', 0),
    );
  });

  it('a list of emails is fine; one non-email in it fails the appeal (Guardian validates every approver)', () => {
    expect(verdictOf(policyWith([manual(['["a@example.com", "b@example.com"]'])])).outcome).toBe(APPROVED);
    expect(verdictOf(policyWith([manual(['["not an email", "ok@example.com"]'])]))).toEqual(
      v(ERRORED, 'approver_not_email', 0),
    );
    expect(verdictOf(policyWith([manual(['$appeal.resource.name'])]))).toEqual(v(ERRORED, 'approver_not_email', 0));
  });

  it('nil, a number or a list with a non-string is an error; nil wins over an earlier non-email', () => {
    expect(verdictOf(policyWith([manual(['$appeal.resource.details.nobody'])]))).toEqual(v(ERRORED, 'approver_nil', 0));
    expect(verdictOf(policyWith([manual(['42'])]))).toEqual(v(ERRORED, 'approver_wrong_type', 0));
    expect(verdictOf(policyWith([manual(['["a@example.com", 1]'])]))).toEqual(v(ERRORED, 'approver_wrong_type', 0));
    expect(verdictOf(policyWith([manual(['"nobody"', '$appeal.resource.details.nobody'])]))).toEqual(
      v(ERRORED, 'approver_nil', 0),
    );
  });

  it('an empty list resolves to no approvers: the appeal would wait forever', () => {
    expect(verdictOf(policyWith([manual(['[]'])]))).toEqual(v(ERRORED, 'no_approvers', 0));
    expect(verdictOf(policyWith([manual(['[]'], { when: 'false' })]))).toEqual(v(APPROVED, 'approved'));
  });

  it('approvers of every manual step are resolved first: a failing one errors even behind a block or a false `when`', () => {
    const failing = manual(['$appeal.resource.details.nobody'], { when: 'false', name: 'later' });
    expect(verdictOf(policyWith([auto('false'), failing]))).toEqual(v(ERRORED, 'approver_nil', 1));
  });
});

describe('goto/guardian (guardian-1.15) evaluates later `when`s up front', () => {
  const policy = policyWith([auto('false'), auto('true', { when: '$appeal.resource.nope.deeper', name: 'b' })]);

  it('so an error in a later `when` wins over an earlier block', () => {
    expect(verdictOf(policy, undefined, 'guardian-1.12')).toEqual(v(BLOCKED, 'approve_if_false', 0));
    expect(verdictOf(policy, undefined, 'guardian-1.15')).toEqual(v(ERRORED, 'when_error', 1));
  });
});

describe('the creator, as Guardian builds it from the IAM', () => {
  const readsCompany = [auto('$appeal.creator.company == "Acme"')];

  it('no iam: no creator, so reading a creator field fails unless written with ?.', () => {
    expect(verdictOf(policyWith(readsCompany))).toEqual(v(ERRORED, 'approve_if_error', 0));
    expect(verdictOf(policyWith([auto('$appeal.creator?.company == nil')])).outcome).toBe(APPROVED);
  });

  it('iam without schema: the answer as it is', () => {
    expect(verdictOf(policyWith(readsCompany, withIam()), found({ company: 'Acme' })).outcome).toBe(APPROVED);
    expect(verdictOf(policyWith(readsCompany, withIam()), found({ companyName: 'Acme' })).outcome).toBe(BLOCKED);
  });

  it('a schema maps response fields; a field the answer lacks is nil', () => {
    const policy = policyWith(readsCompany, withIam({ company: 'companyName' }));
    expect(verdictOf(policy, found({ companyName: 'Acme' })).outcome).toBe(APPROVED);
    expect(verdictOf(policy, found({ company: 'Acme' })).outcome).toBe(BLOCKED);
    const notInSchema = policyWith([auto('$appeal.creator.department == nil')], withIam({ company: 'companyName' }));
    expect(verdictOf(notInSchema, found({ department: 'eng' })).outcome).toBe(APPROVED);
  });

  it('schema values containing $response are expressions over the answer; one that fails fails the appeal', () => {
    const policy = policyWith([manual(['$appeal.creator.boss'])], withIam({ boss: '$response.manager.email' }));
    expect(verdictOf(policy, found({ manager: { email: 'boss@example.com' } })).outcome).toBe(APPROVED);
    expect(verdictOf(policy, found({}))).toEqual(v(ERRORED, 'creator_schema_error'));
    const allowed = policyWith(policy.steps, {
      ...withIam({ boss: '$response.manager.email' }),
      appeal: { allowCreatorDetailsFailure: true } as never,
    });
    expect(verdictOf(allowed, found({}))).toEqual(v(ERRORED, 'creator_schema_error'));
  });

  it('a failed lookup fails the appeal unless allow_creator_details_failure (then the creator is nil)', () => {
    const failed = { ok: false as const, message: 'request failed: 404 Not Found' };
    expect(verdictOf(policyWith([auto('true')], withIam()), failed)).toEqual(v(ERRORED, 'creator_lookup_failed'));
    const allowed = policyWith(readsCompany, { ...withIam(), appeal: { allowCreatorDetailsFailure: true } as never });
    expect(verdictOf(allowed, failed)).toEqual(v(ERRORED, 'approve_if_error', 0));
    expect(verdictOf({ ...allowed, steps: [auto('true')] }, failed).outcome).toBe(APPROVED);
  });

  it('an answer that is not a JSON object gives a nil creator without an error', () => {
    expect(verdictOf(policyWith([auto('$appeal.creator == nil')], withIam()), found(['a'])).outcome).toBe(APPROVED);
  });

  it('an IAM provider Guardian does not know fails every appeal', () => {
    const policy = policyWith([auto('true')], { iam: { provider: 'slack', config: {}, schema: {} } });
    expect(verdictOf(policy)).toEqual(v(ERRORED, 'creator_lookup_failed'));
  });

  it('$appeal.account_id and created_by are the creator’s email', () => {
    expect(
      verdictOf(
        policyWith([auto('$appeal.account_id == "ana@example.com" && $appeal.created_by == $appeal.account_id')]),
      ).outcome,
    ).toBe(APPROVED);
  });
});
