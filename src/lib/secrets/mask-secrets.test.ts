import { describe, expect, it } from 'vitest';
import example5 from '../../../specs/guardian/examples/05-test-validPolicy-with-iam-basic-auth.rest-body.json';
import goto13 from '../../../specs/guardian/more-examples/13-goto-metadata-static-http-custom-steps-basic-auth.json';
import { SECRET_MASK, SECRET_MASK_CHANGED, containsSecrets, isSecretPath, maskSecrets } from './mask-secrets';
import { isSecretKey } from './secret-keys';

describe('isSecretKey', () => {
  it.each([
    'password',
    'token',
    'api_key',
    'apiKey',
    'client_secret',
    'credentials_json',
    'credentials_json_base64',
    'Authorization',
    'private-key',
    'pwd',
  ])('%s is secret', (key) => expect(isSecretKey(key)).toBe(true));
  it.each(['url', 'username', 'type', 'value', 'key', 'token_url', 'secret_name', 'auth', 'headers'])(
    '%s is not',
    (key) => expect(isSecretKey(key)).toBe(false),
  );
  it('treats `value` as secret only inside iam.config', () => {
    expect(isSecretKey('value', { inIamConfig: true })).toBe(true);
    expect(isSecretPath(['iam', 'config', 'auth', 'value'])).toBe(true);
    expect(isSecretPath(['appeal', 'duration_options', 0, 'value'])).toBe(false);
    expect(isSecretPath(['appeal', 'metadata_sources', 'src', 'value'])).toBe(false);
  });
});

describe('maskSecrets', () => {
  it('masks the basic-auth password of the shared example, and nothing else', () => {
    const masked = maskSecrets(example5);
    expect(masked.iam.config.auth).toEqual({ type: 'basic', username: 'test-user', password: SECRET_MASK });
    expect(masked.iam.config.url).toBe('http://test-localhost:8080');
    expect(masked.appeal).toEqual(example5.appeal);
    expect(JSON.stringify(masked)).not.toContain('test-password');
    expect(example5.iam.config.auth.password).toBe('test-password');
  });

  it('masks secret-looking keys outside IAM too (a fork’s custom step headers)', () => {
    const masked = maskSecrets(goto13);
    expect(masked.custom_steps.config.headers.Authorization).toBe(SECRET_MASK);
    expect(masked.appeal.metadata_sources['test-static-source'].value).toBe('test value');
  });

  it('masks a whole structured secret (credentials_json as an object) as one value', () => {
    const policy = { iam: { config: { credentials_json: { private_key: 'k', client_email: 'e' } } } };
    expect(maskSecrets(policy).iam.config.credentials_json).toBe(SECRET_MASK);
  });

  it('applies iam.config rules to a sub-tree when told where it sits', () => {
    expect(maskSecrets({ auth: { type: 'api_key', key: 'X-Key', value: 'abc' } }, { at: ['iam', 'config'] })).toEqual({
      auth: { type: 'api_key', key: 'X-Key', value: SECRET_MASK },
    });
  });

  it('keeps empty secrets visible: an unset password is worth seeing', () => {
    expect(maskSecrets({ iam: { config: { password: '' } } }).iam.config.password).toBe('');
  });

  it('says "changed" for a secret that differs from the other side, without showing either', () => {
    const before = { iam: { config: { token: 'old-token', password: 'same' } } };
    const after = { iam: { config: { token: 'new-token', password: 'same' } } };
    const masked = maskSecrets(after, { compareTo: before });
    expect(masked.iam.config).toEqual({ token: SECRET_MASK_CHANGED, password: SECRET_MASK });
    expect(JSON.stringify(masked)).not.toMatch(/token"?:"?(old|new)/);
  });

  it('reports whether there is anything to mask', () => {
    expect(containsSecrets(example5)).toBe(true);
    expect(containsSecrets({ id: 'p', steps: [] })).toBe(false);
  });
});
