import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Fragment, isValidElement, type ReactNode } from 'react';
import { resetCachedRequests } from '@/lib/api/cached-request';
import { RouterRoot, Switch } from '@/lib/router';
import { createTestRouter } from '@/lib/router/test-router';
import { updateSettings, type Settings } from '@/lib/settings';

/** Where component tests' Guardian lives: msw answers it (src/test/guardian-handlers.ts or the node mock). */
export const TEST_GUARDIAN_URL = 'http://guardian.test';

/**
 * Routes as the app mounts them, at `path` in a memory router, with a fresh query client and no cached requests (no retries)
 * and settings pointing at the test Guardian. Returns the render result, the router (to read or
 * change the location), the query client and a user-event instance.
 */
export function renderRoutes(path: string, routes: ReactNode, settings: Partial<Settings> = {}) {
  updateSettings({ guardianUrl: TEST_GUARDIAN_URL, identityEmail: 'admin@example.com', ...settings });
  resetCachedRequests({ retry: false });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const router = createTestRouter(path);
  const user = userEvent.setup();
  // wouter's Switch looks into fragments only among several children: a lone fragment would be one
  // route without a path, matching every address, and every route inside it would render at once.
  const children =
    isValidElement<{ children?: ReactNode }>(routes) && routes.type === Fragment ? routes.props.children : routes;
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterRoot router={router}>
        <Switch>{children}</Switch>
      </RouterRoot>
    </QueryClientProvider>,
  );
  return { ...view, router, queryClient, user };
}
