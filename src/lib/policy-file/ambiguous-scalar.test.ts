import { describe, expect, it } from 'vitest';
import { isAmbiguousScalar } from './ambiguous-scalar';

describe('isAmbiguousScalar', () => {
  it.each([
    'yes',
    'No',
    'ON',
    'off',
    'y',
    '~',
    'null',
    '017',
    '0o17',
    '0x1F',
    '0b101',
    '1_000',
    '1:30',
    '1.5',
    '.5',
    '1e3',
    '.inf',
    '.NaN',
    '<<',
    '42',
    '-7',
  ])('%s must be quoted', (text) => expect(isAmbiguousScalar(text)).toBe(true));
  it.each([
    '24h',
    '0h',
    '1h30m',
    'manual',
    '$appeal.creator.email',
    'user@example.com',
    '2024-01-01',
    'v1.2',
    'yess',
    'one',
  ])('%s can stay plain', (text) => expect(isAmbiguousScalar(text)).toBe(false));
});
