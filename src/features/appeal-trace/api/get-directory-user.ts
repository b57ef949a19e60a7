import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod/mini';
import type { IamAnswer } from '@/lib/appeal';
import { policyTestRequest } from '@/lib/api/policy-tests/policy-test-client';
import { useSettings } from '@/lib/settings';
import { directoryKeys } from './directory-keys';

/** One person of the directory, with what the IAM answers for them (their record, or a failure). */
const iamReplySchema = z.union([
  z.looseObject({ status: z.literal(200), body: z.unknown() }),
  z.looseObject({ status: z.number(), message: z._default(z.string(), 'the IAM lookup failed') }),
]);
const directoryPersonSchema = z.pipe(
  z.looseObject({
    id: z.optional(z.string()),
    email: z.string(),
    name: z._default(z.string(), ''),
    iam: iamReplySchema,
  }),
  z.transform((p) => {
    const iam: IamAnswer =
      p.iam.status === 200 && 'body' in p.iam
        ? { ok: true, body: p.iam.body }
        : { ok: false, message: 'message' in p.iam ? String(p.iam.message) : 'the IAM lookup failed' };
    return { id: p.id, email: p.email, name: p.name, iam };
  }),
);
export type DirectoryPerson = z.output<typeof directoryPersonSchema>;

function getDirectoryUser(email: string, signal?: AbortSignal): Promise<DirectoryPerson> {
  return policyTestRequest(directoryPersonSchema, {
    collection: 'policy-test-directory',
    path: `/${encodeURIComponent(email)}`,
    signal,
    what: `${email} in the test server’s directory`,
  });
}

export function useDirectoryUser(email: string | undefined) {
  const { policyTestUrl, accountId } = useSettings();
  return useQuery(
    queryOptions({
      queryKey: directoryKeys.user(policyTestUrl, accountId, email ?? ''),
      queryFn: ({ signal }) => getDirectoryUser(email!, signal),
      enabled: !!email,
      staleTime: 5 * 60_000,
      retry: false,
    }),
  );
}
