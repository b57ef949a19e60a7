import { describe, expect, it } from 'vitest';
import { policySchema } from '@/lib/api/guardian/policy-schema';
import example1 from '../../../../specs/guardian/examples/01-reference-bigquery_approval.cli-yaml.json';
import { toFormValues } from '../form/to-form-values';
import { comparePaths, describePath, listErrors } from './error-list';

describe('error list', () => {
  it('orders paths the way the page shows the fields', () => {
    const paths = [
      'iam.url',
      'appeal.questions.0.key',
      'steps.10.name',
      'steps.2.approvers',
      'steps.2.approvers.0.value',
      'steps.2.name',
      'id',
      'appeal.durationOptions.1.value',
      'requirements.0.appeals.0.role',
      'requirements.0.on.role',
    ];
    expect([...paths].sort(comparePaths)).toEqual([
      'id',
      'steps.2.name',
      'steps.2.approvers',
      'steps.2.approvers.0.value',
      'steps.10.name',
      'requirements.0.on.role',
      'requirements.0.appeals.0.role',
      'appeal.durationOptions.1.value',
      'appeal.questions.0.key',
      'iam.url',
    ]);
  });

  it('flattens react-hook-form’s errors, list errors included, without DOM refs', () => {
    const errors = {
      steps: {
        root: { type: 'custom', message: 'A policy needs at least one step' },
        1: {
          approvers: { type: 'custom', message: 'needs an approver' },
          name: { type: 'custom', message: 'name it', ref: { name: 'x' } },
        },
      },
      id: { type: 'custom', message: 'give an id' },
    };
    expect(listErrors(errors as never)).toEqual([
      { path: 'id', message: 'give an id' },
      { path: 'steps', message: 'A policy needs at least one step' },
      { path: 'steps.1.name', message: 'name it' },
      { path: 'steps.1.approvers', message: 'needs an approver' },
    ]);
  });

  it('says where a field is in words', () => {
    const values = toFormValues(policySchema.parse(example1));
    expect(describePath('steps.1.approvers.0.value', values)).toBe('Step 2 (admin_approval) › Approver 1');
    expect(describePath('appeal.durationOptions.2.value', values)).toBe('Duration option 3 › Duration');
    expect(describePath('requirements.0.appeals.0.role', values)).toBe('Requirement 1 › Appeal 1 › Role');
    expect(describePath('iam.password', values)).toBe('Password');
  });
});
