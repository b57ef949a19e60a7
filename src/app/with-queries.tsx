import type { ComponentType } from 'react';

/**
 * A view that reads through React Query, loaded with it and the app's query client (query-root.tsx).
 * Used by the other views' addresses (other-routes.tsx), so the shell carries neither this import
 * nor the list of files it preloads: the catalog, the first view, does without React Query.
 */
export function withQueries(load: () => Promise<ComponentType>): () => Promise<ComponentType> {
  return () =>
    Promise.all([load(), import('./query-root')]).then(
      ([Loaded, { QueryRoot }]) =>
        function WithQueries() {
          return (
            <QueryRoot>
              <Loaded />
            </QueryRoot>
          );
        },
    );
}
