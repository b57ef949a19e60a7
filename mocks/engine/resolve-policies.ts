import { isPlainObject } from '../../src/lib/guardian-rules/plain-object';
import type { Catalog } from '../db/catalog';
import type { TestPolicy } from './test-run';

/**
 * What a test's `policies` name. A string is a reusable policy id; the mock's account holds the
 * Guardian catalog, so `"<policy_id>:<version>"` (or a bare id, meaning its latest version) names a
 * stored version, snapshotted at start. An object is an inline Access policy (`access_policy_req`).
 */
export type Resolution = { ok: true; policies: TestPolicy[] } | { ok: false; problems: string[] };

const DECISIONS = ['allow', 'deny', 'non_identity', 'bypass'];

function parseRef(ref: string): { id: string; version: number } {
  const colon = ref.lastIndexOf(':');
  const tail = colon >= 0 ? ref.slice(colon + 1) : '';
  if (colon > 0 && /^\d+$/.test(tail)) return { id: ref.slice(0, colon), version: Number(tail) };
  return { id: ref, version: 0 };
}

export function resolvePolicies(input: unknown, catalog: Catalog): Resolution {
  if (!isPlainObject(input) || !Array.isArray(input.policies)) {
    return { ok: false, problems: ['policies: required, an array of policy ids or policy objects'] };
  }
  if (input.policies.length === 0) return { ok: false, problems: ['policies: must name at least one policy'] };
  const problems: string[] = [];
  const policies: TestPolicy[] = [];
  input.policies.forEach((item: unknown, i: number) => {
    if (typeof item === 'string') {
      if (item.trim() === '') {
        problems.push(`policies[${i}]: an empty policy id`);
        return;
      }
      const { id, version } = parseRef(item);
      const stored = catalog.get(id, version);
      if (!stored) problems.push(`policies[${i}]: policy "${item}" not found`);
      else policies.push({ kind: 'guardian', ref: `${stored.id}:${stored.version}`, policy: stored });
      return;
    }
    if (isPlainObject(item)) {
      const missing = ['name', 'decision', 'include'].filter((k) => !(k in item));
      if (missing.length > 0) problems.push(`policies[${i}]: missing ${missing.join(', ')}`);
      else if (typeof item.name !== 'string') problems.push(`policies[${i}].name: must be a string`);
      else if (!DECISIONS.includes(item.decision as string))
        problems.push(`policies[${i}].decision: must be one of ${DECISIONS.join(', ')}`);
      else if (!Array.isArray(item.include)) problems.push(`policies[${i}].include: must be an array of rules`);
      else policies.push({ kind: 'access', policy: item });
      return;
    }
    problems.push(`policies[${i}]: must be a policy id (string) or a policy object`);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, policies };
}
