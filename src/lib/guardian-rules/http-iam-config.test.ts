import { describe, expect, it } from 'vitest';
import { HTTP_AUTH_KEYS, isHttpAuthType } from './http-iam-config';

// raystack plugins/identities/http.go: HTTPAuthConfig's string fields and the `oneof` on Type.
describe('http IAM config', () => {
  it('lists every auth field once, type first', () => {
    expect(HTTP_AUTH_KEYS).toEqual([
      'type',
      'username',
      'password',
      'in',
      'key',
      'value',
      'token',
      'audience',
      'credentials_json',
    ]);
  });

  it.each([
    ['basic', true],
    ['api_key', true],
    ['bearer', true],
    ['google_idtoken', true],
    ['Basic', false],
    ['oauth', false],
    ['', false],
    [undefined, false],
  ])('%j is an auth type: %s', (value, expected) => expect(isHttpAuthType(value)).toBe(expected));
});
