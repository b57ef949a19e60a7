import type { AuthType } from './policy-form-schema';

export const AUTH_TYPE_LABELS: Record<AuthType, string> = {
  basic: 'Basic (username and password)',
  api_key: 'API key (header or query parameter)',
  bearer: 'Bearer token',
  google_idtoken: 'Google ID token (service account)',
};
