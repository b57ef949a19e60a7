import type { Policy } from '../api/guardian/policy-schema';

/**
 * What a person files: a role on a resource. The creator comes from elsewhere (the IAM answer, see
 * creator-mapping.ts). Field names are the console's camelCase; appeal-document.ts turns them into
 * the snake_case JSON Guardian's expressions read.
 */
interface AppealResource {
  id: string;
  providerType: string;
  providerUrn: string;
  type: string;
  urn: string;
  name: string;
  details: Record<string, unknown> | null;
  labels?: Record<string, string>;
}

export interface AppealRequest {
  resource: AppealResource;
  role: string;
  /** `options.duration`, e.g. "24h"; empty for none. */
  duration?: string;
  /** The appeal's own `details` (answers to the policy's questions live here). */
  details?: Record<string, unknown> | null;
  permissions?: readonly string[];
  description?: string;
  accountType?: string;
}

/** What the creator's IAM lookup answered: the decoded JSON body, or why it failed. */
export type IamAnswer = { ok: true; body: unknown } | { ok: false; message: string };

/** A requirement field is a regex; take it as a value only when it is a plain literal. */
function literal(pattern: string | undefined): string | undefined {
  if (!pattern) return undefined;
  const bare = pattern.replace(/^\^/, '').replace(/\$$/, '');
  return /^[\w\-.:/@ ]+$/.test(bare) ? bare : undefined;
}

/**
 * The appeal a test files for every user, and the trace form's defaults: the resource and role of
 * the policy's first requirement where it names literal values, a BigQuery dataset otherwise. Its
 * `details` carry every field the example policies read.
 */
export function defaultAppealRequest(policy: Pick<Policy, 'requirements'>): AppealRequest {
  const on = policy.requirements[0]?.on;
  const type = literal(on?.resourceType) ?? 'dataset';
  return {
    resource: {
      id: 'c0ffee00-0000-4000-8000-000000000001',
      providerType: literal(on?.providerType) ?? 'bigquery',
      providerUrn: literal(on?.providerUrn) ?? 'acme-analytics',
      type,
      urn: literal(on?.resourceUrn) ?? 'acme-analytics:warehouse.customers',
      name: 'customers',
      details: {
        owner: 'data-owner@example.com',
        is_pii: true,
        is_sensitive: true,
        supervisor: 'data-supervisor@example.com',
      },
      labels: { env: 'prod' },
    },
    role: literal(on?.role) ?? 'viewer',
    duration: '24h',
    details: {},
    permissions: [],
    description: 'Access for the quarterly analysis',
  };
}
