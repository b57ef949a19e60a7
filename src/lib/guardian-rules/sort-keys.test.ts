import { describe, expect, it } from 'vitest';
import { sortKeys, stableJson } from './sort-keys';

describe('sortKeys', () => {
  it('sorts keys at every depth and keeps list order', () => {
    const value = { b: 1, a: { d: [{ z: 1, y: 2 }, 3], c: null } };
    expect(JSON.stringify(sortKeys(value))).toBe('{"a":{"c":null,"d":[{"y":2,"z":1},3]},"b":1}');
  });

  it('leaves scalars alone', () => {
    for (const value of ['x', 1, true, null]) expect(sortKeys(value)).toBe(value);
  });

  it('gives equal text exactly for equal values', () => {
    expect(stableJson({ a: 1, b: [1, 2] })).toBe(stableJson({ b: [1, 2], a: 1 }));
    expect(stableJson({ b: [1, 2] })).not.toBe(stableJson({ b: [2, 1] }));
    expect(stableJson(undefined)).toBe('null');
    expect(stableJson({ b: 1, a: 2 }, 2)).toBe('{\n  "a": 2,\n  "b": 1\n}');
  });
});
