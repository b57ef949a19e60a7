import type { QueryClient } from '@tanstack/react-query';
import { policyList } from './get-policies';
import { policyKeys } from './policy-keys';

/** After writes whose results are not known one by one: everything read from Guardian's policies is read again. */
export async function invalidatePolicies(queryClient: QueryClient): Promise<void> {
  policyList.invalidate();
  await queryClient.invalidateQueries({ queryKey: policyKeys.all });
}
