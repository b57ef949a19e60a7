import { isPlainObject } from '@/lib/guardian-rules/plain-object';
import { iamSchema, type Iam } from '@/lib/api/guardian/policy-schema';
import { HTTP_AUTH_KEYS, HTTP_CONFIG_KEYS, isHttpAuthType } from '@/lib/guardian-rules/http-iam-config';
import { pickUndeclared } from '@/lib/guardian-rules/undeclared-keys';
import { emptyIam } from './empty-values';
import { toRecord, toRows } from './key-value-rows';
import type { IamValues } from './policy-form-schema';

const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';

function isStringRecord(value: unknown): value is Record<string, string> {
  return isPlainObject(value) && Object.values(value).every((v) => typeof v === 'string');
}

/** A policy's `iam` as the form's IAM section: one field per auth field of the known auth types. */
export function iamValues(iam: Iam | undefined): IamValues {
  if (!iam) return emptyIam();
  const config = iam.config;
  const configExtras = pickUndeclared(config, HTTP_CONFIG_KEYS);
  // A config part the form cannot show as fields stays an extra, sent back as it came.
  if (config.headers !== undefined && !isStringRecord(config.headers)) configExtras.headers = config.headers;
  if (config.auth !== undefined && !isPlainObject(config.auth)) configExtras.auth = config.auth;
  const auth = isPlainObject(config.auth) ? config.auth : {};
  const knownType = isHttpAuthType(auth.type);
  const authType = typeof auth.type === 'string' ? auth.type : '';
  const credentials = auth.credentials_json;
  return {
    enabled: true,
    provider: iam.provider,
    url: text(config.url),
    headers: isStringRecord(config.headers) ? toRows(config.headers) : [],
    authType,
    username: text(auth.username),
    password: text(auth.password),
    apiKeyIn: auth.type === 'api_key' ? text(auth.in) : 'header',
    apiKeyName: text(auth.key),
    apiKeyValue: text(auth.value),
    token: text(auth.token),
    audience: text(auth.audience),
    credentialsJson: isPlainObject(credentials) ? JSON.stringify(credentials, null, 2) : text(credentials),
    schema: toRows(iam.schema),
    extras: pickUndeclared(iam, iamSchema.declaredKeys),
    configExtras,
    // An auth of a type the console does not know keeps all its fields (the form refuses the type).
    authExtras: knownType ? pickUndeclared(auth, HTTP_AUTH_KEYS) : pickUndeclared(auth, ['type']),
  };
}

/** Only the `auth` fields of the chosen type are sent; an unknown type the policy had is kept whole. */
function toAuth(iam: IamValues): Record<string, unknown> | undefined {
  const extras = iam.authExtras;
  switch (iam.authType) {
    case 'basic':
      return { ...extras, type: 'basic', username: iam.username, password: iam.password };
    case 'api_key':
      return { ...extras, type: 'api_key', in: iam.apiKeyIn, key: iam.apiKeyName, value: iam.apiKeyValue };
    case 'bearer':
      return { ...extras, type: 'bearer', token: iam.token };
    case 'google_idtoken':
      return { ...extras, type: 'google_idtoken', audience: iam.audience, credentials_json: iam.credentialsJson };
    case '':
      return undefined;
    default:
      return { ...extras, type: iam.authType };
  }
}

/** The form's IAM section back as the `iam` to send (undefined when the section is off). */
export function toIam(iam: IamValues): Iam | undefined {
  if (!iam.enabled) return undefined;
  const auth = toAuth(iam);
  // A provider other than http keeps its own config whole (in configExtras); it has no url field.
  const config: Record<string, unknown> =
    iam.url === '' ? { ...iam.configExtras } : { url: iam.url, ...iam.configExtras };
  if (iam.headers.length > 0) config.headers = toRecord(iam.headers);
  if (auth) config.auth = auth;
  return { ...iam.extras, provider: iam.provider, config, schema: toRecord(iam.schema) };
}
