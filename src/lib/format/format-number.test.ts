import { describe, expect, it } from 'vitest';
import { formatPercent } from './format-number';

describe('formatPercent', () => {
  it('never rounds a non-zero share to 0% or an incomplete one to 100%', () => {
    expect(formatPercent(1, 1000)).toBe('<1%');
    expect(formatPercent(999, 1000)).toBe('>99%');
    expect(formatPercent(0, 1000)).toBe('0%');
    expect(formatPercent(1000, 1000)).toBe('100%');
    expect(formatPercent(1, 3)).toBe('33%');
    expect(formatPercent(5, 0)).toBe('0%');
  });
});
