import { describe, expect, it } from 'vitest';
import { changeKind } from './compare-outcomes';

describe('changeKind', () => {
  it.each([
    ['approved', 'blocked', 'newly-blocked'],
    ['error', 'blocked', 'newly-blocked'],
    ['blocked', 'approved', 'newly-approved'],
    ['error', 'approved', 'newly-approved'],
    ['approved', 'error', 'newly-errored'],
    ['blocked', 'error', 'newly-errored'],
    ['blocked', 'blocked', 'unchanged'],
    ['approved', undefined, 'only-in-a'],
    [undefined, 'error', 'only-in-b'],
  ] as const)('%s → %s is %s', (a, b, kind) => expect(changeKind(a, b)).toBe(kind));
});
