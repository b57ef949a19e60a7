import { describe, expect, it } from 'vitest';
import { policySchema, type Policy } from '@/lib/api/guardian/policy-schema';
import bigquery from '../../../../specs/guardian/examples/01-reference-bigquery_approval.cli-yaml.json';
import firstPolicy from '../../../../specs/guardian/examples/02-tour-my-first-policy.rest-body.json';
import myPolicy from '../../../../specs/guardian/examples/03-api-reference-my_policy.rest-body.json';
import secondPolicy from '../../../../specs/guardian/examples/04-tour-complex-my-second-policy.cli-yaml.json';
import basicAuth from '../../../../specs/guardian/examples/05-test-validPolicy-with-iam-basic-auth.rest-body.json';
import gotoStages from '../../../../specs/guardian/more-examples/14-goto-stages-parallel.json';
import { diffPolicies } from './diff-policies';
import { summaryToText } from './summarize-diff';

const parse = (raw: unknown): Policy => policySchema.parse(raw);
const EXAMPLES = { bigquery, firstPolicy, myPolicy, secondPolicy, basicAuth };

/** A deep copy to edit, so each test starts from the example as published. */
function edit(raw: unknown, change: (p: Policy) => void, version = 2): Policy {
  const policy = structuredClone(parse(raw));
  change(policy);
  policy.version = version;
  return policy;
}

const byId = (diff: ReturnType<typeof diffPolicies>, id: string) => diff.changes.find((c) => c.id === id);

describe('diffPolicies on the shared examples', () => {
  it.each(Object.entries(EXAMPLES))('%s against itself is identical', (_name, raw) => {
    const policy = parse(raw);
    const diff = diffPolicies(policy, {
      ...structuredClone(policy),
      version: 9,
      createdBy: 'someone@else',
      updatedAt: '2030-01-01T00:00:00Z',
    });
    expect(diff.identical).toBe(true);
    expect(diff.changes).toEqual([]);
    expect(summaryToText(diff.summary)).toBe('No changes.');
  });

  it('reads zero values and their absence as the same thing (Guardian omits zero values)', () => {
    const policy = parse(basicAuth);
    const explicit = parse({ ...basicAuth, appeal: { ...basicAuth.appeal, allow_on_behalf: false, questions: [] } });
    expect(diffPolicies(policy, explicit).identical).toBe(true);
  });
});

describe('steps', () => {
  it('reports a renamed step as renamed, not as removed + added', () => {
    const after = edit(secondPolicy, (p) => {
      p.steps[0]!.name = 'is_employee';
    });
    const diff = diffPolicies(parse(secondPolicy), after);
    expect(diff.changes).toHaveLength(1);
    expect(diff.changes[0]).toMatchObject({
      kind: 'renamed',
      key: 'is_employee',
      renamedFrom: 'employee_check',
      fields: [],
    });
    expect(summaryToText(diff.summary)).toBe('Step `is_employee`: renamed from employee_check');
  });

  it('reports a reordering as a move of the one step that changed place', () => {
    const after = edit(secondPolicy, (p) => {
      p.steps.reverse();
    });
    const diff = diffPolicies(parse(secondPolicy), after);
    expect(diff.changes).toHaveLength(1);
    expect(diff.changes[0]).toMatchObject({ kind: 'moved', entity: 'step', move: expect.any(Object) });
  });

  it('does not call every later step "moved" when one is inserted at the top', () => {
    const after = edit(bigquery, (p) => {
      p.steps.unshift({ name: 'gate', strategy: 'auto', approveIf: 'true', approvers: [], allowFailed: false });
    });
    const diff = diffPolicies(parse(bigquery), after);
    expect(diff.changes.map((c) => [c.kind, c.key])).toEqual([['added', 'gate']]);
    expect(diff.changes[0]!.fields.map((f) => [f.field, f.kind, f.after])).toEqual([
      ['strategy', 'added', 'auto'],
      ['approve_if', 'added', 'true'],
    ]);
  });

  it('reports a removed step with what it held', () => {
    const after = edit(secondPolicy, (p) => {
      p.steps.pop();
    });
    const change = diffPolicies(parse(secondPolicy), after).changes[0]!;
    expect(change).toMatchObject({ kind: 'removed', key: 'resource_owner_approval' });
    expect(change.fields.find((f) => f.field === 'approvers')?.list?.items).toEqual([
      { value: '$appeal.resource.details.owner', change: 'removed' },
    ]);
  });

  it('compares approvers as a set, and tells a pure reordering apart', () => {
    const before = parse({
      id: 'p',
      steps: [{ name: 's', strategy: 'manual', approvers: ['a@x.io', 'b@x.io', 'c@x.io'] }],
    });
    const swapped = parse({
      id: 'p',
      steps: [{ name: 's', strategy: 'manual', approvers: ['c@x.io', 'a@x.io', 'b@x.io'] }],
    });
    const replaced = parse({
      id: 'p',
      steps: [{ name: 's', strategy: 'manual', approvers: ['a@x.io', 'd@x.io', 'b@x.io'] }],
    });
    const reorder = diffPolicies(before, swapped).changes[0]!.fields[0]!;
    expect(reorder.list).toEqual({
      reordered: true,
      items: expect.arrayContaining([{ value: 'c@x.io', change: 'same' }]),
    });
    expect(summaryToText(diffPolicies(before, swapped).summary)).toBe('Step `s`: approvers reordered');
    const replace = diffPolicies(before, replaced).changes[0]!.fields[0]!;
    expect(replace.list?.reordered).toBe(false);
    expect(replace.list?.items.filter((i) => i.change !== 'same')).toEqual([
      { value: 'd@x.io', change: 'added' },
      { value: 'c@x.io', change: 'removed' },
    ]);
    expect(summaryToText(diffPolicies(before, replaced).summary)).toBe(
      'Risky: Step `s`: approvers changed (1 added, 1 removed) (approvers removed)',
    );
  });

  it('shows an expression change as a word-level text diff', () => {
    const after = edit(secondPolicy, (p) => {
      p.steps[0]!.approveIf = '$appeal.creator.company == "Other Name"';
    });
    const field = diffPolicies(parse(secondPolicy), after).changes[0]!.fields[0]!;
    expect(field).toMatchObject({ field: 'approve_if', kind: 'changed', format: 'expression' });
    expect(field.parts?.filter((p) => p.removed).map((p) => p.value.trim())).toContain('Company');
    expect(field.parts?.filter((p) => p.added).map((p) => p.value.trim())).toContain('Other');
    expect(
      field.parts
        ?.filter((p) => !p.added)
        .map((p) => p.value)
        .join(''),
    ).toBe(parse(secondPolicy).steps[0]!.approveIf);
  });

  it('tells allow-failed and strategy changes in plain words', () => {
    const after = edit(secondPolicy, (p) => {
      p.steps[0]!.allowFailed = true;
      p.steps[1]!.strategy = 'auto';
      p.steps[1]!.approveIf = 'true';
    });
    expect(summaryToText(diffPolicies(parse(secondPolicy), after).summary)).toBe(
      'Risky: Step `employee_check`: allow failed turned on (a failing step no longer stops the appeal); Risky: Step `resource_owner_approval`: strategy changed from manual to auto, approval condition set to true (auto-approval added)',
    );
  });

  it('keeps duplicate step names apart by occurrence', () => {
    const before = parse({
      id: 'p',
      steps: [
        { name: 'a', strategy: 'auto', approve_if: '1' },
        { name: 'a', strategy: 'auto', approve_if: '2' },
      ],
    });
    const after = parse({
      id: 'p',
      steps: [
        { name: 'a', strategy: 'auto', approve_if: '1' },
        { name: 'a', strategy: 'auto', approve_if: '3' },
      ],
    });
    const diff = diffPolicies(before, after);
    expect(diff.changes.map((c) => c.id)).toEqual(['step:a#2']);
  });
});

describe('appeal settings, questions, durations, labels', () => {
  it('says "permanent access turned on" and quotes short values', () => {
    const after = edit(basicAuth, (p) => {
      p.appeal!.allowPermanentAccess = true;
      p.appeal!.allowActiveAccessExtensionIn = '48h';
    });
    expect(summaryToText(diffPolicies(parse(basicAuth), after).summary)).toBe(
      'Risky: permanent access turned on; extension window changed from 24h to 48h',
    );
  });

  it('matches duration options by value and questions by key', () => {
    const after = edit(basicAuth, (p) => {
      p.appeal!.durationOptions[0]!.name = 'One day';
      p.appeal!.durationOptions.push({ name: '1 week', value: '168h' });
      p.appeal!.questions.push({ key: 'team', question: 'Which team?', required: true });
    });
    const diff = diffPolicies(parse(basicAuth), after);
    expect(diff.changes.map((c) => [c.entity, c.key, c.kind])).toEqual([
      ['duration option', '24h', 'changed'],
      ['duration option', '168h', 'added'],
      ['question', 'team', 'added'],
    ]);
    expect(summaryToText(diff.summary)).toBe(
      'Duration option 1 day (`24h`): name changed from 1 day to One day; Duration option 7 days (`168h`) added; Question `team` added',
    );
  });

  it('treats a policy without appeal settings as having the defaults', () => {
    const after = edit(secondPolicy, (p) => {
      p.appeal = {
        durationOptions: [],
        questions: [],
        allowOnBehalf: true,
        allowPermanentAccess: false,
        allowCreatorDetailsFailure: false,
      };
    });
    expect(summaryToText(diffPolicies(parse(secondPolicy), after).summary)).toBe(
      'appeals on behalf of others turned on',
    );
  });

  it('matches labels by key', () => {
    const before = parse({ id: 'p', steps: [], labels: { team: 'data', tier: '1' } });
    const after = parse({ id: 'p', steps: [], labels: { team: 'platform', env: 'prod' } });
    expect(summaryToText(diffPolicies(before, after).summary)).toBe(
      'Label `env` added; Label `team`: value changed from data to platform; Label `tier` removed',
    );
  });

  it('matches requirements by their trigger', () => {
    const before = parse(bigquery);
    const after = edit(bigquery, (p) => {
      p.requirements[0]!.appeals.push({ resource: { urn: 'extra-urn', type: 'table' }, role: 'viewer' });
    });
    const diff = diffPolicies(before, after);
    expect(diff.changes).toHaveLength(1);
    expect(diff.changes[0]).toMatchObject({ entity: 'requirement', kind: 'changed' });
    expect(diff.changes[0]!.fields[0]!.list?.items.filter((i) => i.change === 'added')).toEqual([
      { value: 'viewer on table extra-urn', change: 'added' },
    ]);
  });
});

describe('secrets', () => {
  it('shows a changed IAM password as "changed", never either value', () => {
    const after = edit(basicAuth, (p) => {
      (p.iam!.config.auth as Record<string, unknown>).password = 'new-password';
    });
    const diff = diffPolicies(parse(basicAuth), after);
    expect(diff.changes).toHaveLength(1);
    expect(diff.changes[0]!.fields).toEqual([
      expect.objectContaining({ field: 'config.auth.password', kind: 'changed', secret: true }),
    ]);
    const everything = JSON.stringify(diff);
    expect(everything).not.toContain('test-password');
    expect(everything).not.toContain('new-password');
    expect(summaryToText(diff.summary)).toBe('IAM: config.auth.password changed (secret, not shown)');
  });

  it('masks secrets inside a fork’s extras shown as JSON', () => {
    const before = parse({
      id: 'p',
      steps: [],
      custom_steps: { config: { headers: { Authorization: 'Bearer old' } } },
    });
    const after = parse({
      id: 'p',
      steps: [],
      custom_steps: { config: { headers: { Authorization: 'Bearer new' }, url: 'u' } },
    });
    const diff = diffPolicies(before, after);
    expect(diff.changes[0]).toMatchObject({ section: 'other', key: 'custom_steps', kind: 'changed' });
    expect(JSON.stringify(diff)).not.toMatch(/Bearer (old|new)/);
    expect(diff.changes[0]!.fields[0]!.after).toContain('(changed)');
  });

  it('masks the secrets of an IAM config that was added as a whole', () => {
    const before = parse(secondPolicy);
    const after = edit(secondPolicy, (p) => {
      p.iam = parse(basicAuth).iam;
    });
    const change = diffPolicies(before, after).changes.find((c) => c.entity === 'iam')!;
    expect(change.kind).toBe('changed');
    expect(JSON.stringify(change)).not.toContain('test-password');
  });
});

describe('a fork’s extra parts', () => {
  it('reports a change to `stages` under other settings', () => {
    const after = edit(gotoStages, (p) => {
      (p as Record<string, unknown>).stages = ['review'];
    });
    const diff = diffPolicies(parse(gotoStages), after);
    expect(byId(diff, 'setting:stages')).toMatchObject({ section: 'other', kind: 'changed' });
  });
});
