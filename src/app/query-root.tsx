import { QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import { useContext, type ReactNode } from 'react';
import { createQueryClient } from './query-client';

/** One cache for the whole app: every view that reads through React Query shares it. */
const appQueryClient = createQueryClient();

/**
 * Gives a view the app's query client. It comes with the views that use React Query, not with the
 * first load: the catalog reads its list without it. A client already provided (tests) is kept.
 */
export function QueryRoot({ children }: { children: ReactNode }) {
  const outer = useContext(QueryClientContext);
  if (outer) return children;
  return <QueryClientProvider client={appQueryClient}>{children}</QueryClientProvider>;
}
