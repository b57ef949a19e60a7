import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider, useLocation, useParams } from 'react-router';
import { updateSettings } from '@/lib/settings';
import { CatalogRoute } from '../routes/catalog-route';
import { LatestVersionRoute } from '../routes/latest-version-route';
import { PolicyVersionRoute } from '../routes/policy-version-route';

export const GUARDIAN = 'http://guardian.test';

function Probe({ name }: { name: string }) {
  const params = useParams();
  const location = useLocation();
  return (
    <h1>
      {name} {JSON.stringify(params)} {location.search}
    </h1>
  );
}

/** The policies routes in a memory router, against whatever answers http://guardian.test. */
export function renderPolicyRoute(path: string) {
  updateSettings({ guardianUrl: GUARDIAN, identityEmail: 'admin@example.com' });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const router = createMemoryRouter(
    [
      { path: '/policies', element: <CatalogRoute /> },
      { path: '/policies/new', element: <Probe name="New policy page" /> },
      { path: '/policies/:id', element: <LatestVersionRoute /> },
      { path: '/policies/:id/versions/:version', element: <PolicyVersionRoute /> },
      { path: '/policies/:id/edit', element: <Probe name="Editor" /> },
      { path: '/policies/:id/diff/:range', element: <Probe name="Diff page" /> },
      { path: '/tests/new', element: <Probe name="Launch test" /> },
    ],
    { initialEntries: [path] },
  );
  const user = userEvent.setup();
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...view, router, queryClient, user };
}
