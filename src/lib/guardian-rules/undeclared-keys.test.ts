import { describe, expect, it } from 'vitest';
import { pickUndeclared, undeclaredKeys } from './undeclared-keys';

describe('undeclared keys', () => {
  const declared = ['id', 'steps'];

  it('lists and picks what the message does not declare, in the order sent', () => {
    const value = { stages: [1], id: 'p', custom_steps: { a: 1 }, steps: [] };
    expect(undeclaredKeys(value, declared)).toEqual(['stages', 'custom_steps']);
    expect(pickUndeclared(value, declared)).toEqual({ stages: [1], custom_steps: { a: 1 } });
  });

  it('keeps an undeclared key whose value is empty', () => {
    expect(pickUndeclared({ id: 'p', extra: null }, declared)).toEqual({ extra: null });
  });

  it('finds nothing in what is not an object', () => {
    for (const value of [undefined, null, 'id', ['id', 'x']]) {
      expect(undeclaredKeys(value, declared)).toEqual([]);
      expect(pickUndeclared(value, declared)).toEqual({});
    }
  });
});
