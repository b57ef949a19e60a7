import { describe, expect, it } from 'vitest';
import { emptyStep } from '../../form/empty-values';
import { stepSummary } from './step-summary';

describe('stepSummary', () => {
  it('tells who approves a manual step, and when it runs', () => {
    const step = {
      ...emptyStep(),
      name: 'owner',
      approvers: [{ value: '$appeal.resource.details.owner' }],
      when: '$appeal.resource.details.is_pii',
    };
    expect(stepSummary(step)).toEqual({
      name: 'owner',
      detail: 'manual · $appeal.resource.details.owner · when $appeal.resource.details.is_pii',
    });
    step.approvers.push({ value: 'a@example.com' });
    expect(stepSummary(step).detail).toMatch(/^manual · 2 approvers/);
  });

  it('tells the condition of an auto step, clipped, and says what is missing', () => {
    const step = { ...emptyStep(), strategy: 'auto' as const, approveIf: 'x'.repeat(100), allowFailed: true };
    expect(stepSummary(step)).toEqual({
      name: 'Unnamed step',
      detail: `auto · approve if ${'x'.repeat(59)}… · may fail`,
    });
    expect(stepSummary({ ...step, approveIf: '' }).detail).toBe('auto · no condition yet · may fail');
  });
});
