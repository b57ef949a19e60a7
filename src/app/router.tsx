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
function lazyView(
  load: () => Promise<{ default: ComponentType }>,
  { queries = true }: { queries?: boolean } = {},
): ComponentType {
  // A view that reads through React Query loads it (and the app's query client) with its own code.
  const View = lazy(
    queries
      ? () =>
          Promise.all([load(), import('./query-root')]).then(([view, { QueryRoot }]) => ({
            default: function WithQueries() {
              return (
                <QueryRoot>
                  <view.default />
                </QueryRoot>
              );
            },
          }))
      : load,
  );
  return function LazyView() {
    return (
      <Suspense fallback={<RouteLoading />}>
        <View />
      </Suspense>
    );
  };
}

// Every view is its own chunk: the first load carries only the shell and the route it opens.
// The catalog, the first view, keeps its list outside React Query (policyList) and does without it.
const CatalogRoute = lazyView(
  () => import('@/features/policies/routes/catalog-route').then((m) => ({ default: m.CatalogRoute })),
  { queries: false },
);
const NewPolicyRoute = lazyView(() =>
  import('@/features/policy-editor/routes/new-policy-route').then((m) => ({ default: m.NewPolicyRoute })),
);
const ApplyRoute = lazyView(() =>
  import('@/features/policies-as-code/routes/apply-route').then((m) => ({ default: m.ApplyRoute })),
);
const LatestVersionRoute = lazyView(() =>
  import('@/features/policies/routes/latest-version-route').then((m) => ({ default: m.LatestVersionRoute })),
);
const PolicyVersionRoute = lazyView(() =>
  import('@/features/policies/routes/policy-version-route').then((m) => ({ default: m.PolicyVersionRoute })),
);
const TraceRoute = lazyView(() =>
  import('@/features/appeal-trace/routes/trace-route').then((m) => ({ default: m.TraceRoute })),
);
const EditPolicyRoute = lazyView(() =>
  import('@/features/policy-editor/routes/edit-policy-route').then((m) => ({ default: m.EditPolicyRoute })),
);
const PolicyDiffRoute = lazyView(() =>
  import('@/features/policy-diff/routes/policy-diff-route').then((m) => ({ default: m.PolicyDiffRoute })),
);
const RecentTestsRoute = lazyView(() =>
  import('@/features/policy-tests/routes/recent-tests-route').then((m) => ({ default: m.RecentTestsRoute })),
);
const LaunchTestRoute = lazyView(() =>
  import('@/features/policy-tests/routes/launch-test-route').then((m) => ({ default: m.LaunchTestRoute })),
);
const CompareTestsRoute = lazyView(() =>
  import('@/features/policy-tests/routes/compare-tests-route').then((m) => ({ default: m.CompareTestsRoute })),
);
const TestProgressRoute = lazyView(() =>
  import('@/features/policy-tests/routes/test-progress-route').then((m) => ({ default: m.TestProgressRoute })),
);
const SettingsRoute = lazyView(() =>
  import('@/features/settings/routes/settings-route').then((m) => ({ default: m.SettingsRoute })),
);

/** The app's addresses; the first that matches wins, so fixed words come before `:params`. */
export function AppRoutes() {
  return (
    <Switch>
      <Route path="/">
        <Navigate replace to="/policies" />
      </Route>
      <Route path="/policies" component={CatalogRoute} />
      <Route path="/policies/new" component={NewPolicyRoute} />
      <Route path="/policies/apply" component={ApplyRoute} />
      <Route path="/policies/:id" component={LatestVersionRoute} />
      <Route path="/policies/:id/versions/:version" component={PolicyVersionRoute} />
      <Route path="/policies/:id/versions/:version/trace" component={TraceRoute} />
      <Route path="/policies/:id/edit" component={EditPolicyRoute} />
      <Route path="/policies/:id/diff/:range" component={PolicyDiffRoute} />
      <Route path="/tests" component={RecentTestsRoute} />
      <Route path="/tests/new" component={LaunchTestRoute} />
      <Route path="/tests/compare" component={CompareTestsRoute} />
      <Route path="/tests/:id" component={TestProgressRoute} />
      <Route path="/settings" component={SettingsRoute} />
      <Route>
        <NotFound />
      </Route>
    </Switch>
  );
}
