import type { Policy } from '../../src/lib/api/guardian/policy-schema';
import type { CreatorProfile } from '../directory/directory';

/**
 * The appeal every user of a test is simulated with: the same resource and role (taken from the
 * policy's first requirement when it names literal values, a default dataset otherwise), and the
 * user's own profile as `$appeal.creator`. Its `details` carry every field the examples read.
 */
interface SampleResource {
  id: string;
  provider_type: string;
  provider_urn: string;
  type: string;
  urn: string;
  name: string;
  details: { owner: string; is_pii: boolean; is_sensitive: boolean; supervisor: string };
  labels: Record<string, string>;
  created_at: string;
  updated_at: string;
}

/** A requirement field is a regex; use it only when it is a plain literal. */
function literal(pattern: string | undefined): string | undefined {
  if (!pattern) return undefined;
  const bare = pattern.replace(/^\^/, '').replace(/\$$/, '');
  return /^[\w\-.:/@ ]+$/.test(bare) ? bare : undefined;
}

function sampleResource(policy: Pick<Policy, 'requirements'>): { resource: SampleResource; role: string } {
  const on = policy.requirements[0]?.on;
  const type = literal(on?.resourceType) ?? 'dataset';
  return {
    resource: {
      id: 'c0ffee00-0000-4000-8000-000000000001',
      provider_type: literal(on?.providerType) ?? 'bigquery',
      provider_urn: literal(on?.providerUrn) ?? 'acme-analytics',
      type,
      urn: literal(on?.resourceUrn) ?? `acme-analytics:warehouse.customers`,
      name: 'customers',
      details: {
        owner: 'data-owner@example.com',
        is_pii: true,
        is_sensitive: true,
        supervisor: 'data-supervisor@example.com',
      },
      labels: { env: 'prod' },
      created_at: '2026-01-05T10:00:00Z',
      updated_at: '2026-01-05T10:00:00Z',
    },
    role: literal(on?.role) ?? 'viewer',
  };
}

export interface SampleAppeal {
  id: string;
  resource_id: string;
  resource: SampleResource;
  policy_id: string;
  policy_version: number;
  status: string;
  account_id: string;
  account_type: string;
  created_by: string;
  creator: CreatorProfile | null;
  role: string;
  options: { duration: string };
  details: Record<string, unknown>;
  labels: Record<string, string>;
  description: string;
  created_at: string;
  updated_at: string;
}

/** One appeal object per test, re-pointed at each user (evaluation is synchronous and keeps nothing). */
export function sampleAppeal(policy: Pick<Policy, 'id' | 'version' | 'requirements'>): SampleAppeal {
  const { resource, role } = sampleResource(policy);
  return {
    id: 'a9917e57-0000-4000-8000-000000000001',
    resource_id: resource.id,
    resource,
    policy_id: policy.id,
    policy_version: policy.version,
    status: 'pending',
    account_id: '',
    account_type: 'user',
    created_by: '',
    creator: null,
    role,
    options: { duration: '24h' },
    details: {},
    labels: {},
    description: 'Access for the quarterly analysis',
    created_at: '2026-11-25T09:00:00Z',
    updated_at: '2026-11-25T09:00:00Z',
  };
}

export function pointAppealAt(appeal: SampleAppeal, creator: CreatorProfile): void {
  appeal.creator = creator;
  appeal.account_id = creator.email;
  appeal.created_by = creator.email;
}
