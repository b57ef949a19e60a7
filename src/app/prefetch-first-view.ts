import type { QueryClient } from '@tanstack/react-query';

/**
 * The catalog's list is requested as the app starts, not once its view's code has loaded and
 * rendered: on a phone that is the difference between the list arriving with the first paint or
 * after it. The same query the view runs, so the view finds it on its way.
 */
export function prefetchFirstView(queryClient: QueryClient, pathname = window.location.pathname): void {
  if (pathname !== '/' && pathname !== '/policies') return;
  void import('@/features/policies/api/get-policies').then(({ policiesQueryOptions }) =>
    queryClient.prefetchQuery(policiesQueryOptions()),
  );
}
