import { describe, expect, it } from 'vitest';
import { describeApiError } from '@/lib/api/describe-api-error';
import { MaskedValueError } from './masked-value-error';
import { refuseMaskedValues } from './masked-write';
import { SECRET_MASK } from './mask-secrets';

describe('refuseMaskedValues', () => {
  it('lets a body without masks through unchanged', () => {
    const body = { iam: { config: { auth: { password: 'real' } } } };
    expect(refuseMaskedValues(body)).toBe(body);
  });

  it('refuses a body that carries a mask, naming every place, in words for the dialog', () => {
    const body = { iam: { config: { auth: { password: SECRET_MASK } } }, custom: [{ token: `x${SECRET_MASK}` }] };
    let error: unknown;
    try {
      refuseMaskedValues(body);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MaskedValueError);
    expect((error as MaskedValueError).paths).toEqual([
      ['iam', 'config', 'auth', 'password'],
      ['custom', 0, 'token'],
    ]);
    const words = describeApiError(error);
    expect(words.title).toBe('Not sent: a masked value is not a secret');
    expect(words.message).toMatch(/not the secret: enter the real one, or leave it out.*Nothing was sent/);
  });
});
