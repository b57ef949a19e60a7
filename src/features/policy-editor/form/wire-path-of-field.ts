import { toSnakeCase } from '@/lib/api/casing';

/** The editor's IAM fields and where each sits in the policy (`iam.config.…`). */
const IAM_FIELDS: Record<string, string> = {
  provider: 'iam.provider',
  url: 'iam.config.url',
  headers: 'iam.config.headers',
  authType: 'iam.config.auth.type',
  username: 'iam.config.auth.username',
  password: 'iam.config.auth.password',
  apiKeyIn: 'iam.config.auth.in',
  apiKeyName: 'iam.config.auth.key',
  apiKeyValue: 'iam.config.auth.value',
  token: 'iam.config.auth.token',
  audience: 'iam.config.auth.audience',
  credentialsJson: 'iam.config.auth.credentials_json',
  schema: 'iam.schema',
};

/** An additional appeal's fields and where each sits under `appeals[n]`. */
const APPEAL_FIELDS: Record<string, string> = {
  resourceId: 'resource.id',
  providerType: 'resource.provider_type',
  providerUrn: 'resource.provider_urn',
  type: 'resource.type',
  urn: 'resource.urn',
  role: 'role',
  duration: 'options.duration',
  expirationDate: 'options.expiration_date',
  policyId: 'policy.id',
  policyVersion: 'policy.version',
};

/**
 * A form field's path (`steps.0.approveIf`, `iam.password`) as the place in a policy file a person
 * reads (`steps[0].approve_if`, `iam.config.auth.password`): for problems found outside the form.
 */
export function wirePathOfField(formPath: string): string {
  const parts = formPath.split('.');
  const [root, ...rest] = parts;
  if (root === 'iam') return IAM_FIELDS[rest[0] ?? ''] ?? 'iam';
  if (root === 'labels') return 'labels';
  if (root === 'requirements' && rest[1] === 'appeals' && rest[2] !== undefined && rest[3] !== undefined) {
    return `requirements[${rest[0]}].appeals[${rest[2]}].${APPEAL_FIELDS[rest[3]] ?? toSnakeCase(rest[3])}`;
  }
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (/^\d+$/.test(part)) out += `[${part}]`;
    // An approver row is `{ value }` in the form and a plain string in the policy.
    else if (part === 'value' && parts[i - 2] === 'approvers') continue;
    else out += `${out === '' ? '' : '.'}${toSnakeCase(part)}`;
  }
  return out;
}
