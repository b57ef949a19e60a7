import { useQuery } from '@tanstack/react-query';
import { policyVersionQueryOptions } from '@/features/policies';

/**
 * The policy's latest version, polled lightly and re-read when the tab regains focus, so that a
 * version someone else saves during a long edit is noticed before this one is saved over it.
 */
export function useLatestVersion(policyId: string | undefined) {
  return useQuery({
    ...policyVersionQueryOptions(policyId ?? '', 0),
    enabled: policyId !== undefined,
    staleTime: 5_000,
    refetchInterval: 30_000,
    refetchOnWindowFocus: 'always',
  });
}
