import { policySchema } from '../../src/lib/api/guardian/policy-schema';
import type { MockState } from '../state/mock-state';
import { validateGuardianPolicy } from '../validation/guardian-rules';
import { loosePolicy } from '../validation/loose-policy';
import { protoTimestamp, toWirePolicy, type WirePolicy } from './wire-form';

/**
 * Guardian's policy service (core/policy/service.go) behind the mock handlers: the order of checks,
 * the version numbering and the error each failure becomes. `body` is the decoded request body.
 */
export type ServiceResult =
  { ok: true; policy: WirePolicy } | { ok: false; status: number; code: number; message: string };

const GRPC = { NotFound: 5, Internal: 13 } as const;

function internal(prefix: string, message: string): ServiceResult {
  return { ok: false, status: 500, code: GRPC.Internal, message: `${prefix}: ${message}` };
}

function build(
  body: Record<string, unknown>,
  fields: { id: string; version: number; createdBy: string; at?: number },
): WirePolicy | string {
  const parsed = policySchema.safeParse({ ...body, id: fields.id });
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  const stamp =
    fields.at === undefined ? {} : { createdAt: protoTimestamp(fields.at), updatedAt: protoTimestamp(fields.at) };
  // Guardian sets the version and the author; a dry run stores nothing, so it has no timestamps.
  return toWirePolicy({
    ...parsed.data,
    version: fields.version,
    createdBy: fields.createdBy,
    createdAt: undefined,
    updatedAt: undefined,
    ...stamp,
  });
}

export function createPolicy(
  state: MockState,
  body: Record<string, unknown>,
  user: string,
  dryRun: boolean,
): ServiceResult {
  const loose = { ...loosePolicy(body), version: 1 };
  const options = { isUpdate: false, strict: state.config.validation === 'strict', target: state.config.exprTarget };
  const outcome = validateGuardianPolicy(loose, options);
  if (!outcome.ok) return internal('failed to create policy', outcome.message);
  if (!dryRun && state.catalog.has(loose.id)) {
    // The row (id, version 1) exists: Postgres refuses the insert and Guardian passes its words on.
    return internal(
      'failed to create policy',
      'ERROR: duplicate key value violates unique constraint "policies_pkey" (SQLSTATE 23505)',
    );
  }
  const policy = build(body, { id: loose.id, version: 1, createdBy: user, at: dryRun ? undefined : state.clock.now() });
  if (typeof policy === 'string') return internal('failed to create policy', policy);
  if (!dryRun) state.recordWrite(policy);
  return { ok: true, policy };
}

export function updatePolicy(
  state: MockState,
  id: string,
  body: Record<string, unknown>,
  user: string,
  dryRun: boolean,
): ServiceResult {
  // The handler takes the id from the path, whatever the body says.
  const loose = { ...loosePolicy(body), id };
  const options = { isUpdate: true, strict: state.config.validation === 'strict', target: state.config.exprTarget };
  const outcome = validateGuardianPolicy(loose, options);
  if (!outcome.ok) return internal('failed to update policy', outcome.message);
  const latest = state.catalog.latestVersion(id);
  if (latest === 0) return { ok: false, status: 404, code: GRPC.NotFound, message: 'policy not found' };
  const policy = build(body, { id, version: latest + 1, createdBy: user, at: dryRun ? undefined : state.clock.now() });
  if (typeof policy === 'string') return internal('failed to update policy', policy);
  if (!dryRun) state.recordWrite(policy);
  return { ok: true, policy };
}
