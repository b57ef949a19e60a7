// Loaded once the catalog, the first view, has drawn its rows and the page is idle: what every other
// view reads Guardian through and the catalog does without — React Query with the app's query
// client, the Guardian client and the policy schemas (zod). A dynamic import's exports are kept, so
// this chunk carries what those views use; opening one from the catalog then fetches its own code only.
export { QueryRoot } from './query-root';
export {
  hashKey,
  keepPreviousData,
  queryOptions,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
export { guardianRequest } from '@/lib/api/guardian/guardian-client';
export { policyEnvelopeSchema, policySchema } from '@/lib/api/guardian/policy-schema';
// What the settings, the editor and the trace say about each expression target (kept out of the
// shell, which reads only the targets' ids at start-up).
export { TARGETS } from '@/lib/expr/targets';
