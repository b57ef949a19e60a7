import { lazy, Suspense, type ComponentType } from 'react';
import { Navigate, Route, Switch } from '@/lib/router';
import { RouteLoading } from './layout/route-loading';
import { NotFound } from './not-found';

/**
 * A view in its own chunk, behind its own Suspense boundary. Under one boundary shared by all views,
 * React would keep the view being left mounted but hidden (its effects running) until the next
 * view's chunk arrives, and Back meanwhile would show that same instance again: an editor left with
 * "keep the draft" would not offer it, one whose changes were discarded would show them again. With
 * a boundary per view, the view left unmounts at once, and coming back mounts it afresh.
 */
function lazyView(load: () => Promise<ComponentType>, { queries = true }: { queries?: boolean } = {}): ComponentType {
  // A view that reads through React Query loads it (and the app's query client) with its own code.
  const View = lazy<ComponentType>(() =>
    queries
      ? Promise.all([load(), import('./query-root')]).then(([Loaded, { QueryRoot }]) => ({
          default: function WithQueries() {
            return (
              <QueryRoot>
                <Loaded />
              </QueryRoot>
            );
          },
        }))
      : load().then((Loaded) => ({ default: Loaded })),
  );
  return function LazyView() {
    return (
      <Suspense fallback={<RouteLoading />}>
        <View />
      </Suspense>
    );
  };
}

// The app's addresses; the first that matches wins, so fixed words come before `:params`.
// Every view is its own chunk: the first load carries only the shell and the route it opens.
// The catalog, the first view, keeps its list outside React Query (policyList) and does without it.
const VIEWS: { path: string; view: ComponentType }[] = [
  {
    path: '/policies',
    view: lazyView(() => import('@/features/policies/routes/catalog-route').then((m) => m.CatalogRoute), {
      queries: false,
    }),
  },
  {
    path: '/policies/new',
    view: lazyView(() => import('@/features/policy-editor/routes/new-policy-route').then((m) => m.NewPolicyRoute)),
  },
  {
    path: '/policies/apply',
    view: lazyView(() => import('@/features/policies-as-code/routes/apply-route').then((m) => m.ApplyRoute)),
  },
  {
    path: '/policies/:id',
    view: lazyView(() => import('@/features/policies/routes/latest-version-route').then((m) => m.LatestVersionRoute)),
  },
  {
    path: '/policies/:id/versions/:version',
    view: lazyView(() => import('@/features/policies/routes/policy-version-route').then((m) => m.PolicyVersionRoute)),
  },
  {
    path: '/policies/:id/versions/:version/trace',
    view: lazyView(() => import('@/features/appeal-trace/routes/trace-route').then((m) => m.TraceRoute)),
  },
  {
    path: '/policies/:id/edit',
    view: lazyView(() => import('@/features/policy-editor/routes/edit-policy-route').then((m) => m.EditPolicyRoute)),
  },
  {
    path: '/policies/:id/diff/:range',
    view: lazyView(() => import('@/features/policy-diff/routes/policy-diff-route').then((m) => m.PolicyDiffRoute)),
  },
  {
    path: '/tests',
    view: lazyView(() => import('@/features/policy-tests/routes/recent-tests-route').then((m) => m.RecentTestsRoute)),
  },
  {
    path: '/tests/new',
    view: lazyView(() => import('@/features/policy-tests/routes/launch-test-route').then((m) => m.LaunchTestRoute)),
  },
  {
    path: '/tests/compare',
    view: lazyView(() => import('@/features/policy-tests/routes/compare-tests-route').then((m) => m.CompareTestsRoute)),
  },
  {
    path: '/tests/:id',
    view: lazyView(() => import('@/features/policy-tests/routes/test-progress-route').then((m) => m.TestProgressRoute)),
  },
  {
    path: '/settings',
    view: lazyView(() => import('@/features/settings/routes/settings-route').then((m) => m.SettingsRoute)),
  },
];

export function AppRoutes() {
  return (
    <Switch>
      <Route path="/">
        <Navigate replace to="/policies" />
      </Route>
      {VIEWS.map(({ path, view }) => (
        <Route key={path} path={path} component={view} />
      ))}
      <Route>
        <NotFound />
      </Route>
    </Switch>
  );
}
