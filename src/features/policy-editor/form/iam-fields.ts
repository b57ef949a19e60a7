import type { AuthType } from './policy-form-schema';
import { AUTH_TYPES } from './policy-form-schema';

/** The `iam.config` keys the http identity provider reads (raystack `plugins/identities/http.go`). */
export const IAM_CONFIG_KEYS = ['url', 'headers', 'auth'] as const;

/** `auth` keys per type; the rest of a type's fields do not apply and are not sent. */
export const AUTH_KEYS_BY_TYPE: Record<AuthType, readonly string[]> = {
  basic: ['username', 'password'],
  api_key: ['in', 'key', 'value'],
  bearer: ['token'],
  google_idtoken: ['audience', 'credentials_json'],
};

export const ALL_AUTH_KEYS = ['type', ...new Set(Object.values(AUTH_KEYS_BY_TYPE).flat())];

export function isAuthType(value: unknown): value is AuthType {
  return typeof value === 'string' && (AUTH_TYPES as readonly string[]).includes(value);
}

export const AUTH_TYPE_LABELS: Record<AuthType, string> = {
  basic: 'Basic (username and password)',
  api_key: 'API key (header or query parameter)',
  bearer: 'Bearer token',
  google_idtoken: 'Google ID token (service account)',
};
