// Loaded once the catalog, the first view, has drawn its rows and the page is idle: React Query and
// the app's query client, which every other view reads through. A dynamic import's exports are kept,
// so this chunk carries what those views use, and opening one of them fetches only its own code.
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
