import { describe, expect, it } from 'vitest';
import { carryOverSecrets } from './carry-over-secrets';
import { formatJsonPath } from './json-path';
import { SECRET_MASK, SECRET_MASK_CHANGED, findSecrets, omitSecrets } from './mask-secrets';
import { findMaskedValues, isMaskedValue } from './masked-values';

const server = {
  iam: { config: { url: 'u', auth: { type: 'basic', username: 'x', password: 'real-password' } } },
  custom_steps: { config: { headers: { Authorization: 'Bearer real' } } },
};

describe('secrets in policy files', () => {
  it('finds every masked placeholder, whichever mask it is', () => {
    expect(isMaskedValue(SECRET_MASK)).toBe(true);
    expect(isMaskedValue('••')).toBe(false);
    expect(findMaskedValues({ a: [{ b: SECRET_MASK_CHANGED }], c: 'fine', d: { e: `prefix ${SECRET_MASK}` } })).toEqual(
      [
        ['a', 0, 'b'],
        ['d', 'e'],
      ],
    );
  });

  it('leaves secrets out, key and all, and says where they were', () => {
    const { value, omitted } = omitSecrets(server);
    expect(value.iam.config.auth).toEqual({ type: 'basic', username: 'x' });
    expect(value.custom_steps.config.headers).toEqual({});
    expect(omitted.map(formatJsonPath)).toEqual([
      'iam.config.auth.password',
      'custom_steps.config.headers.Authorization',
    ]);
    expect(findSecrets(server).map((s) => s.value)).toEqual(['real-password', 'Bearer real']);
  });

  it('keeps the server’s secrets a file leaves out, unless the file changed what they belong to', () => {
    const file = omitSecrets(server).value;
    const kept = carryOverSecrets(file, server);
    expect(kept.value).toEqual(server);
    expect(kept.kept.map(formatJsonPath)).toEqual([
      'iam.config.auth.password',
      'custom_steps.config.headers.Authorization',
    ]);

    const bearer = { iam: { config: { url: 'u', auth: { type: 'bearer' } } } };
    expect(carryOverSecrets(bearer, server)).toEqual({ value: bearer, kept: [] });
    const ownPassword = { iam: { config: { url: 'u', auth: { type: 'basic', password: 'new' } } } };
    expect(carryOverSecrets(ownPassword, server).value.iam.config.auth.password).toBe('new');
    const noIam = { id: 'p' };
    expect(carryOverSecrets(noIam, server).kept).toEqual([]);
  });

  it('writes paths as people read them', () => {
    expect(formatJsonPath(['steps', 0, 'approvers', 1])).toBe('steps[0].approvers[1]');
  });
});
