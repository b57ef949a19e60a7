import { describe, expect, it } from 'vitest';
import { safeFileName } from './download-file';

describe('safeFileName', () => {
  it('keeps word characters and drops path tricks and control characters', () => {
    expect(safeFileName('policy-test', '../../etc/passwd', 'blocked')).toBe('policy-test-etc_passwd-blocked');
    expect(safeFileName('t', 'a b\u202Ec', '')).toBe('t-a_b_c');
  });
});
