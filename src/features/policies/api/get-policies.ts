import { queryOptions, useQuery } from '@tanstack/react-query';
import { guardianRequest } from '@/lib/api/guardian/guardian-client';
import { loadPolicySchemas } from '@/lib/api/guardian/load-policy-schemas';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { describeIssues, validate } from '@/lib/api/parse-response';
import { capDepth } from '@/lib/json/json-depth';
import { forEachInSlices } from '@/lib/scheduling/in-slices';
import { policyKeys } from './policy-keys';

/** A row of the list that does not match the policy schema: reported, not allowed to sink the list. */
export interface UnreadablePolicy {
  index: number;
  id?: string;
  version?: number;
  problems: string[];
}

export interface PolicyVersionList {
  /** Every version of every policy, in the server's (unspecified) order. */
  versions: Policy[];
  unreadable: UnreadablePolicy[];
}

function guessIdentity(row: unknown): Pick<UnreadablePolicy, 'id' | 'version'> {
  if (typeof row !== 'object' || row === null) return {};
  const { id, version } = row as Record<string, unknown>;
  return {
    id: typeof id === 'string' ? id : undefined,
    version: typeof version === 'number' ? version : undefined,
  };
}

export async function getPolicies({ signal }: { signal?: AbortSignal } = {}): Promise<PolicyVersionList> {
  const schemas = loadPolicySchemas();
  const { policies } = await guardianRequest(
    schemas.then((s) => s.policyListEnvelopeSchema),
    {
      path: '/policies',
      signal,
      what: 'a policy list',
    },
  );
  const { policySchema } = await schemas;
  const list: PolicyVersionList = { versions: [], unreadable: [] };
  // Row by row, in slices: thousands of versions must not hold the page still while they validate.
  await forEachInSlices(
    policies,
    (row, index) => {
      const parsed = validate(policySchema, row);
      if (parsed.ok) list.versions.push(capDepth(parsed.value).value);
      else list.unreadable.push({ index, ...guessIdentity(row), problems: describeIssues(parsed, 3) });
    },
    { signal },
  );
  return list;
}

export const policiesQueryOptions = () =>
  queryOptions({
    queryKey: policyKeys.list(),
    queryFn: ({ signal }) => getPolicies({ signal }),
    staleTime: 30_000,
  });

export function usePolicies() {
  return useQuery(policiesQueryOptions());
}
