import { lazy } from 'react';
import { Navigate, Route, Switch } from '@/lib/router';
import { NotFound } from './not-found';

// Every view is its own chunk: the first load carries only the shell and the route it opens.
const CatalogRoute = lazy(() =>
  import('@/features/policies/routes/catalog-route').then((m) => ({ default: m.CatalogRoute })),
);
const NewPolicyRoute = lazy(() =>
  import('@/features/policy-editor/routes/new-policy-route').then((m) => ({ default: m.NewPolicyRoute })),
);
const LatestVersionRoute = lazy(() =>
  import('@/features/policies/routes/latest-version-route').then((m) => ({ default: m.LatestVersionRoute })),
);
const PolicyVersionRoute = lazy(() =>
  import('@/features/policies/routes/policy-version-route').then((m) => ({ default: m.PolicyVersionRoute })),
);
const EditPolicyRoute = lazy(() =>
  import('@/features/policy-editor/routes/edit-policy-route').then((m) => ({ default: m.EditPolicyRoute })),
);
const PolicyDiffRoute = lazy(() =>
  import('@/features/policy-diff/routes/policy-diff-route').then((m) => ({ default: m.PolicyDiffRoute })),
);
const RecentTestsRoute = lazy(() =>
  import('@/features/policy-tests/routes/recent-tests-route').then((m) => ({ default: m.RecentTestsRoute })),
);
const LaunchTestRoute = lazy(() =>
  import('@/features/policy-tests/routes/launch-test-route').then((m) => ({ default: m.LaunchTestRoute })),
);
const CompareTestsRoute = lazy(() =>
  import('@/features/policy-tests/routes/compare-tests-route').then((m) => ({ default: m.CompareTestsRoute })),
);
const TestProgressRoute = lazy(() =>
  import('@/features/policy-tests/routes/test-progress-route').then((m) => ({ default: m.TestProgressRoute })),
);
const SettingsRoute = lazy(() =>
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
      <Route path="/policies/:id" component={LatestVersionRoute} />
      <Route path="/policies/:id/versions/:version" component={PolicyVersionRoute} />
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
