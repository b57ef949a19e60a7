import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { policyTestRequest } from '@/lib/api/policy-tests/policy-test-client';
import { useSettings } from '@/lib/settings';
import { directoryKeys } from './directory-keys';

/** Our test servers' directory extension (README): people matching a text, up to `perPage`. */
const directoryUserSchema = z.looseObject({
  id: z.optional(z.string()),
  email: z.string(),
  name: z._default(z.string(), ''),
});
export type DirectoryUser = z.output<typeof directoryUserSchema>;

function searchDirectory(text: string, signal?: AbortSignal): Promise<DirectoryUser[]> {
  return policyTestRequest(z.array(directoryUserSchema), {
    collection: 'policy-test-directory',
    path: '',
    query: { search: text, per_page: 8 },
    signal,
    what: 'the test server’s directory',
  });
}

export function useDirectorySearch(text: string) {
  const { policyTestUrl, accountId } = useSettings();
  return useQuery(
    queryOptions({
      queryKey: directoryKeys.search(policyTestUrl, accountId, text),
      queryFn: ({ signal }) => searchDirectory(text, signal),
      placeholderData: keepPreviousData,
      staleTime: 5 * 60_000,
      // A server without the extension answers 400/404 at once: asking again will not change that.
      retry: false,
    }),
  );
}
