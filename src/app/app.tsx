import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterRoot } from '@/lib/router';
import { AppLayout } from './layout/app-layout';
import { prefetchFirstView } from './prefetch-first-view';
import { createQueryClient } from './query-client';
import { AppRoutes } from './router';
import { ThemeSync } from './theme-sync';

export function App() {
  const [queryClient] = useState(() => {
    const client = createQueryClient();
    prefetchFirstView();
    return client;
  });
  return (
    <QueryClientProvider client={queryClient}>
      <ThemeSync />
      <RouterRoot>
        <AppLayout>
          <AppRoutes />
        </AppLayout>
      </RouterRoot>
    </QueryClientProvider>
  );
}
