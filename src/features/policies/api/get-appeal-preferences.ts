import { queryOptions, useQuery } from '@tanstack/react-query';
import { guardianRequest } from '@/lib/api/guardian/guardian-client';
import { loadPolicySchemas } from '@/lib/api/guardian/load-policy-schemas';
import type { AppealConfig } from '@/lib/api/guardian/policy-schema';
import { policyKeys } from './policy-keys';

/** The appeal form settings of one policy version (what an appeal creator is asked). */
export async function getAppealPreferences(
  { id, version }: { id: string; version: number },
  { signal }: { signal?: AbortSignal } = {},
): Promise<AppealConfig> {
  const { appeal } = await guardianRequest(
    loadPolicySchemas().then((s) => s.preferencesEnvelopeSchema),
    {
      path: `/policies/${encodeURIComponent(id)}/versions/${version}/preferences`,
      signal,
      what: 'appeal preferences',
    },
  );
  return appeal;
}

export const appealPreferencesQueryOptions = (id: string, version: number) =>
  queryOptions({
    queryKey: policyKeys.preferences(id, version),
    queryFn: ({ signal }) => getAppealPreferences({ id, version }, { signal }),
    staleTime: version === 0 ? 30_000 : Infinity,
  });

export function useAppealPreferences(id: string, version: number) {
  return useQuery(appealPreferencesQueryOptions(id, version));
}
