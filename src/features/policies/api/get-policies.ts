import { queryOptions, useQuery } from '@tanstack/react-query';
import { guardianRequest } from '@/lib/api/guardian/guardian-client';
import { loadPolicySchemas } from '@/lib/api/guardian/load-policy-schemas';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { describeIssues, validate } from '@/lib/api/parse-response';
import { capDepth } from '@/lib/json/json-depth';
import { sameContent } from '@/lib/policy-document/policy-content';
import { forEachInSlices } from '@/lib/scheduling/in-slices';
import { policyKeys } from './policy-keys';

/** A row of the list that does not match the policy schema: reported, not allowed to sink the list. */
export interface UnreadablePolicy {
  index: number;
  id?: string;
  version?: number;
  problems: string[];
}

/** An (id, version) the list held more than once: kept once (the first), and told. */
export interface DuplicateVersion {
  id: string;
  version: number;
  /** How many more times it was listed. */
  repeats: number;
  /** The copies were not the same policy: the first is the one shown. */
  differs: boolean;
}

export interface PolicyVersionList {
  /** Every version of every policy, in the server's (unspecified) order, each (id, version) once. */
  versions: Policy[];
  unreadable: UnreadablePolicy[];
  duplicates: DuplicateVersion[];
}

function guessIdentity(row: unknown): Pick<UnreadablePolicy, 'id' | 'version'> {
  if (typeof row !== 'object' || row === null) return {};
  const { id, version } = row as Record<string, unknown>;
  return {
    id: typeof id === 'string' ? id : undefined,
    version: typeof version === 'number' ? version : undefined,
  };
}

async function getPolicies({ signal }: { signal?: AbortSignal } = {}): Promise<PolicyVersionList> {
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
  const list: PolicyVersionList = { versions: [], unreadable: [], duplicates: [] };
  const seen = new Map<string, Policy>();
  const repeated = new Map<string, DuplicateVersion>();
  // Row by row, in slices: thousands of versions must not hold the page still while they validate.
  await forEachInSlices(
    policies,
    (row, index) => {
      const parsed = validate(policySchema, row);
      if (parsed.ok) {
        const policy = capDepth(parsed.value).value;
        // A version never changes, so the list has each (id, version) once; a server that repeats one
        // would show a policy with twice its versions.
        const key = `${policy.id}\u0000${policy.version}`;
        const first = seen.get(key);
        if (first) {
          const duplicate = repeated.get(key) ?? { id: policy.id, version: policy.version, repeats: 0, differs: false };
          duplicate.repeats += 1;
          duplicate.differs ||= !sameContent(first, policy);
          repeated.set(key, duplicate);
          return;
        }
        seen.set(key, policy);
        list.versions.push(policy);
      } else list.unreadable.push({ index, ...guessIdentity(row), problems: describeIssues(parsed, 3) });
    },
    { signal },
  );
  list.duplicates = [...repeated.values()];
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
