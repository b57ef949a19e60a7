import { describe, expect, it } from 'vitest';
import { policySchema, type Policy } from '@/lib/api/guardian/policy-schema';
import example1 from '../../../../specs/guardian/examples/01-reference-bigquery_approval.cli-yaml.json';
import { mergePolicies } from './merge-policies';

const base = policySchema.parse({ ...example1, appeal: example1.appeal_config, appeal_config: undefined });
const edit = (change: (p: Policy) => void): Policy => {
  const copy = structuredClone(base);
  change(copy);
  return copy;
};

describe('mergePolicies', () => {
  it('applies this edit’s changes on top of theirs when they touch different things', () => {
    const mine = edit((p) => {
      p.steps[0]!.description = 'mine';
      p.steps.push({ name: 'security_review', strategy: 'manual', approvers: ['sec@example.com'], allowFailed: false });
    });
    const theirs = edit((p) => {
      p.steps[1]!.approvers = ['$appeal.resource.details.owner', 'admin@example.com'];
      p.appeal!.durationOptions.push({ name: '1 week', value: '168h' });
    });
    const { policy, conflicts } = mergePolicies(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(policy.steps.map((s) => s.name)).toEqual(['supervisor_approval', 'admin_approval', 'security_review']);
    expect(policy.steps[0]?.description).toBe('mine');
    expect(policy.steps[1]?.approvers).toEqual(['$appeal.resource.details.owner', 'admin@example.com']);
    expect(policy.appeal?.durationOptions.map((d) => d.value)).toEqual(['24h', '72h', '0h', '168h']);
  });

  it('keeps this edit’s value where both changed the same field, and says where', () => {
    const mine = edit((p) => (p.steps[1]!.description = 'mine'));
    const theirs = edit((p) => (p.steps[1]!.description = 'theirs'));
    expect(mergePolicies(base, mine, theirs)).toMatchObject({
      policy: { steps: [{}, { description: 'mine' }] },
      conflicts: ['steps › admin_approval › description'],
    });
  });

  it('merges approver lists as sets, and honours removals and reorders of steps', () => {
    const mine = edit((p) => {
      p.steps[1]!.approvers = ['owner@example.com'];
      p.steps.reverse();
    });
    const theirs = edit((p) => {
      p.steps[1]!.approvers.push('admin@example.com');
      p.steps.push({ name: 'late', strategy: 'auto', approveIf: 'true', approvers: [], allowFailed: false });
    });
    const { policy, conflicts } = mergePolicies(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(policy.steps.map((s) => s.name)).toEqual(['admin_approval', 'supervisor_approval', 'late']);
    expect(policy.steps[0]?.approvers).toEqual(['admin@example.com', 'owner@example.com']);

    const removed = edit((p) => p.steps.splice(0, 1));
    expect(mergePolicies(base, removed, theirs).policy.steps.map((s) => s.name)).toEqual(['admin_approval', 'late']);
  });
});
