import { describe, expect, it } from 'vitest';
import { policySchema } from '@/lib/api/guardian/policy-schema';
import { describeNewPolicy } from './describe-new-policy';
import { summaryToText } from './summarize-diff';

describe('describeNewPolicy', () => {
  it('tells every part of a new policy as added, the title and appeal settings included', () => {
    const policy = policySchema.parse({
      id: 'new_one',
      title: 'A title',
      steps: [{ name: 'owner', strategy: 'manual', approvers: ['a@example.com', '$appeal.resource.details.owner'] }],
      appeal: { allow_permanent_access: true, duration_options: [{ name: 'Permanent', value: '0h' }] },
      labels: { team: 'data' },
    });
    const diff = describeNewPolicy(policy);
    expect(diff.changes.map((c) => [c.id, c.kind])).toEqual([
      ['policy', 'added'],
      ['step:owner', 'added'],
      ['appeal', 'added'],
      ['duration option:0h', 'added'],
      ['label:team', 'added'],
    ]);
    const details = diff.changes[0]!;
    expect(details.fields).toEqual([expect.objectContaining({ field: 'title', kind: 'added', after: 'A title' })]);
    expect(details.fields[0]).not.toHaveProperty('before');
    expect(details.fields[0]).not.toHaveProperty('parts');
    expect(diff.changes[2]!.fields).toEqual([
      expect.objectContaining({ field: 'allow_permanent_access', kind: 'added', after: 'on' }),
    ]);
    const approvers = diff.changes[1]!.fields.find((f) => f.field === 'approvers');
    expect(approvers?.list?.items.every((item) => item.change === 'added')).toBe(true);
    expect(summaryToText(diff.summary)).not.toMatch(/changed/i);
  });
});
