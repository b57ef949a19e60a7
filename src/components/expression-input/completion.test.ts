import { describe, expect, it } from 'vitest';
import { applyCompletion, completionCandidates, completionContext } from './completion';

describe('completion', () => {
  it('finds the $appeal path before the caret', () => {
    expect(completionContext('x == $appeal.creator.de', 23)).toEqual({ from: 5, to: 23, prefix: '$appeal.creator.de' });
    expect(completionContext('$appeal.', 8)?.prefix).toBe('$appeal.');
    expect(completionContext('"abc"', 3)).toBeNull();
    expect(completionContext('$appeal.creator.department', 10)).toBeNull();
  });

  it('offers known fields and replaces the typed prefix', () => {
    expect(completionCandidates('$appeal.resource.details.is_')).toEqual([
      '$appeal.resource.details.is_pii',
      '$appeal.resource.details.is_sensitive',
    ]);
    const context = completionContext('$appeal.creator.ti && true', 18);
    expect(context).not.toBeNull();
    if (context)
      expect(applyCompletion('$appeal.creator.ti && true', context, '$appeal.creator.title')).toEqual({
        text: '$appeal.creator.title && true',
        caret: 21,
      });
  });
});
