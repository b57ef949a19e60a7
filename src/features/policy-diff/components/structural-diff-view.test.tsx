import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { policySchema } from '@/lib/api/guardian/policy-schema';
import basicAuth from '../../../../specs/guardian/examples/05-test-validPolicy-with-iam-basic-auth.rest-body.json';
import { diffPolicies } from '../structural/diff-policies';
import { ChangeSummary } from './change-summary';
import { StructuralDiffView } from './structural-diff-view';

const before = policySchema.parse(basicAuth);
const after = policySchema.parse({
  ...basicAuth,
  version: 2,
  steps: [
    { name: 'test', strategy: 'manual', approvers: ['user@email.com', 'boss@email.com'] },
    { name: 'auto', strategy: 'auto', approve_if: '$appeal.x == "<b>y</b>"' },
  ],
  iam: {
    ...basicAuth.iam,
    config: { ...basicAuth.iam.config, auth: { ...basicAuth.iam.config.auth, password: 'brand-new-secret' } },
  },
});

describe('StructuralDiffView', () => {
  const diff = diffPolicies(before, after);

  it('says each kind of change in words, not only colour', () => {
    render(<StructuralDiffView diff={diff} />);
    const steps = screen.getByRole('region', { name: /Steps/ });
    expect(within(steps).getByText('Added')).toBeInTheDocument();
    expect(within(steps).getByText('Changed')).toBeInTheDocument();
    expect(within(steps).getByText('added:')).toBeInTheDocument();
    expect(within(steps).getByText('boss@email.com')).toBeInTheDocument();
    expect(within(steps).getByText('$appeal.x == "<b>y</b>"')).toBeInTheDocument();
    expect(document.querySelector('b')).toBeNull();
  });

  it('shows a changed secret as changed, never either value', () => {
    render(<StructuralDiffView diff={diff} />);
    const iam = screen.getByRole('region', { name: /IAM/ });
    expect(within(iam).getByText(/secret value, not shown/)).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('test-password');
    expect(document.body).not.toHaveTextContent('brand-new-secret');
  });

  it('says when two versions have the same content', () => {
    render(<StructuralDiffView diff={diffPolicies(before, { ...before, version: 7 })} />);
    expect(screen.getByText('These two versions have the same content.')).toBeInTheDocument();
  });
});

describe('ChangeSummary', () => {
  it('folds a long summary behind a button', async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      changeId: `c${i}`,
      subject: 'Step',
      name: `s${i}`,
      phrases: ['added'],
    }));
    render(<ChangeSummary items={many} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(12);
    await userEvent.click(screen.getByRole('button', { name: 'Show all 40 changes' }));
    expect(screen.getAllByRole('listitem')).toHaveLength(40);
  });

  it('reads as plain words with names in code', () => {
    render(<ChangeSummary items={diffPolicies(before, after).summary} />);
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'Risky Step auto added as step 2 of 2 — auto-approval added',
      'Step test: approvers changed (1 added)',
      'IAM: config.auth.password changed (secret, not shown)',
    ]);
  });
});
