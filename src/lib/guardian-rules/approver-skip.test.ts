import { describe, expect, it } from 'vitest';
import { skipsSaveTimeApproverCheck } from './approver-skip';

// raystack/guardian core/policy/service.go validateApprover: strings.Contains on $appeal.resource,
// $appeal.creator (and $appeal.resource.created_by); goto/guardian's adds $appeal.role,
// $appeal.permissions, $appeal.details and $appeal.labels.
describe('skipsSaveTimeApproverCheck', () => {
  it.each([
    ['$appeal.resource.details.owner', true, true],
    ['$appeal.resource.created_by', true, true],
    ['$appeal.creator.manager_email', true, true],
    ['$appeal.creator', true, true],
    ['"$appeal.creator"', true, true],
    ['$appeal.role == "admin" ? "a@x.io" : "b@x.io"', false, true],
    ['$appeal.permissions[0]', false, true],
    ['$appeal.details.owner', false, true],
    ['$appeal.labels.team', false, true],
    ['$appeal.created_by', false, false],
    ['$appeal.account_id', false, false],
    ['["a@x.io", "b@x.io"]', false, false],
    ['$appeal.Resource.details', false, false],
  ])('%s: raystack skips %s, goto skips %s', (approver, raystack, goto) => {
    expect(skipsSaveTimeApproverCheck(approver, 'guardian-1.12')).toBe(raystack);
    expect(skipsSaveTimeApproverCheck(approver, 'expr-latest')).toBe(raystack);
    expect(skipsSaveTimeApproverCheck(approver, 'guardian-1.15')).toBe(goto);
  });
});
