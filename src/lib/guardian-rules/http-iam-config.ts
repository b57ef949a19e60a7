/**
 * The `http` identity provider's config, as Guardian decodes `iam.config` into its Go structs
 * (plugins/identities/http.go: HTTPClientConfig and HTTPAuthConfig). Only these keys survive a save.
 */
export const HTTP_CONFIG_KEYS = ['url', 'headers', 'auth'] as const;

/** `auth.type`'s `oneof`. */
export const HTTP_AUTH_TYPES = ['basic', 'api_key', 'bearer', 'google_idtoken'] as const;
export type HttpAuthType = (typeof HTTP_AUTH_TYPES)[number];

/** The `auth` fields each type reads, in the struct's order. */
const HTTP_AUTH_KEYS_BY_TYPE: Record<HttpAuthType, readonly string[]> = {
  basic: ['username', 'password'],
  api_key: ['in', 'key', 'value'],
  bearer: ['token'],
  google_idtoken: ['audience', 'credentials_json'],
};

/** Every string field of HTTPAuthConfig, `type` first. */
export const HTTP_AUTH_KEYS: readonly string[] = ['type', ...Object.values(HTTP_AUTH_KEYS_BY_TYPE).flat()];

export const isHttpAuthType = (value: unknown): value is HttpAuthType =>
  typeof value === 'string' && (HTTP_AUTH_TYPES as readonly string[]).includes(value);
