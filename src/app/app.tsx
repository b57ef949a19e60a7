import { RouterRoot } from '@/lib/router';
import { AppLayout } from './layout/app-layout';
import { prefetchFirstView } from './prefetch-first-view';
import { AppRoutes } from './router';
import { ThemeSync } from './theme-sync';

// Before the first render: the catalog's list is on its way while React and the view's code load.
prefetchFirstView();

/** The shell; each view brings React Query with its own code when it reads through it (src/app/query-root.tsx). */
export function App() {
  return (
    <>
      <ThemeSync />
      <RouterRoot>
        <AppLayout>
          <AppRoutes />
        </AppLayout>
      </RouterRoot>
    </>
  );
}
