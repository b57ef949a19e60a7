import type { AppealRequest } from './appeal-request';
import { resourceWire } from './resource-wire';

/**
 * `$appeal` as Guardian builds it: `utils.StructToMap(appeal)`, the domain.Appeal marshalled to JSON
 * (snake_case keys, nil slices and maps as null, `omitempty` fields left out) and decoded again.
 *
 * Guardian reads it at two moments of creating an appeal (core/appeal/service.go): approver
 * expressions of every manual step are resolved first (`ApplyPolicy`), before `Init` has set the
 * policy and the status; `when` and `approve_if` run afterwards (`AdvanceApproval`). Hence two
 * documents. Neither has an `id` or timestamps yet: the store assigns them after the walk.
 * Left out: `approvals`, which Guardian includes while advancing (step statuses so far).
 */
export interface AppealDocuments {
  /** What approver expressions read. */
  resolving: Record<string, unknown>;
  /** What `when` and `approve_if` read. */
  advancing: Record<string, unknown>;
}

const GO_ZERO_TIME = '0001-01-01T00:00:00Z';
/** When the sample resource was synced into Guardian; any fixed instant would do. */
const RESOURCE_SYNCED_AT = '2026-01-05T10:00:00Z';

function resourceJson(request: AppealRequest): Record<string, unknown> {
  // Guardian sends a resource without details as `"details": null`.
  const json: Record<string, unknown> = {
    ...resourceWire(request.resource),
    details: request.resource.details ?? null,
  };
  json.created_at = RESOURCE_SYNCED_AT;
  json.updated_at = RESOURCE_SYNCED_AT;
  return json;
}

export function appealDocuments(policy: { id: string; version: number }, request: AppealRequest): AppealDocuments {
  const resource = resourceJson(request);
  const base = (policyId: string, policyVersion: number, status: string): Record<string, unknown> => ({
    id: '',
    resource_id: request.resource.id,
    policy_id: policyId,
    policy_version: policyVersion,
    status,
    account_id: '',
    account_type: request.accountType || 'user',
    created_by: '',
    creator: null,
    role: request.role,
    permissions: request.permissions ? [...request.permissions] : null,
    options: { duration: request.duration ?? '' },
    details: request.details ?? null,
    labels: null,
    description: request.description ?? '',
    resource,
    created_at: GO_ZERO_TIME,
    updated_at: GO_ZERO_TIME,
  });
  return { resolving: base('', 0, ''), advancing: base(policy.id, policy.version, 'pending') };
}
