import { RouterRoot } from '@/lib/router';
import { AppLayout } from './layout/app-layout';
import { AppRoutes } from './router';
import { ThemeSync } from './theme-sync';

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
