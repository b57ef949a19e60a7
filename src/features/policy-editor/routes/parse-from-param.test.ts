import { describe, expect, it } from 'vitest';
import { parseFromParam } from './parse-from-param';

describe('parseFromParam', () => {
  it.each([
    [null, { kind: 'latest' }],
    ['', { kind: 'latest' }],
    ['0', { kind: 'latest' }],
    ['3', { kind: 'version', version: 3 }],
    ['-1', { kind: 'invalid', raw: '-1' }],
    ['1.5', { kind: 'invalid', raw: '1.5' }],
    ['abc', { kind: 'invalid', raw: 'abc' }],
    ['99999999999', { kind: 'invalid', raw: '99999999999' }],
  ])('%j → %j', (raw, expected) => expect(parseFromParam(raw)).toEqual(expected));
});
