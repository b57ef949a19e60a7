import { describe, expect, it } from 'vitest';
import { isPlainObject } from './plain-object';

describe('isPlainObject', () => {
  it.each([
    [{}, true],
    [{ a: 1 }, true],
    [Object.create(null), true],
    [null, false],
    [undefined, false],
    [[], false],
    [[{}], false],
    ['{}', false],
    [0, false],
  ])('%j → %s', (value, expected) => expect(isPlainObject(value)).toBe(expected));
});
