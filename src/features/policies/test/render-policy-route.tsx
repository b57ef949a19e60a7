import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, RouterRoot, Switch, useLocation, useParams } from '@/lib/router';
import { createTestRouter } from '@/lib/router/test-router';
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
  const router = createTestRouter(path);
  const user = userEvent.setup();
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterRoot router={router}>
        <Switch>
          <Route path="/policies" component={CatalogRoute} />
          <Route path="/policies/new">
            <Probe name="New policy page" />
          </Route>
          <Route path="/policies/:id" component={LatestVersionRoute} />
          <Route path="/policies/:id/versions/:version" component={PolicyVersionRoute} />
          <Route path="/policies/:id/edit">
            <Probe name="Editor" />
          </Route>
          <Route path="/policies/:id/diff/:range">
            <Probe name="Diff page" />
          </Route>
          <Route path="/tests/new">
            <Probe name="Launch test" />
          </Route>
        </Switch>
      </RouterRoot>
    </QueryClientProvider>,
  );
  return { ...view, router, queryClient, user };
}
