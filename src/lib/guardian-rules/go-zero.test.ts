import { describe, expect, it } from 'vitest';
import { failsRequired, isOmittedZero } from './go-zero';

describe('Go zero values', () => {
  it.each([
    [undefined, true, true],
    [null, true, true],
    [false, true, true],
    ['', true, true],
    [0, true, true],
    [[], true, true],
    [{}, true, false],
    [true, false, false],
    [' ', false, false],
    [1, false, false],
    [-1, false, false],
    ['0', false, false],
    [[''], false, false],
    [{ a: '' }, false, false],
  ])('%j: omitted from answers %s, fails `required` %s', (value, omitted, required) => {
    expect(isOmittedZero(value)).toBe(omitted);
    expect(failsRequired(value)).toBe(required);
  });
});
