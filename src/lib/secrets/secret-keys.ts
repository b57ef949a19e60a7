/**
 * Which keys hold secrets. Guardian's IAM config carries credentials in plain text (`password`,
 * `token`, an api_key's `value`, `credentials_json*`), and forks add more (`metadata_sources`,
 * `custom_steps` headers). We mask by key name, erring towards masking: a hidden URL costs a click,
 * a shown password cannot be unshown.
 */

const SECRET_WORDS = [
  'password',
  'passwd',
  'passphrase',
  'secret',
  'token',
  'apikey',
  'accesskey',
  'privatekey',
  'credential',
  'authorization',
  'cookie',
  'signature',
] as const;

/** Keys that mention a secret word but name something about it, not the secret itself. */
const NOT_SECRET_SUFFIXES = [
  'url',
  'uri',
  'endpoint',
  'type',
  'header',
  'headername',
  'name',
  'path',
  'file',
  'expiry',
  'expiresat',
  'ttl',
];

function normalise(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export interface SecretKeyContext {
  /** Inside `iam.config`, where an api_key auth's `value` is the key itself. */
  inIamConfig?: boolean;
}

export function isSecretKey(key: string, context: SecretKeyContext = {}): boolean {
  const k = normalise(key);
  if (k === '') return false;
  if (context.inIamConfig && k === 'value') return true;
  if (k === 'pwd') return true;
  if (!SECRET_WORDS.some((word) => k.includes(word))) return false;
  return !NOT_SECRET_SUFFIXES.some((suffix) => k.endsWith(suffix) && k !== suffix);
}
