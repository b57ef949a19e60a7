import { Route, Switch } from '@/lib/router';
import { lazyView } from './lazy-view';
import { NotFound } from './not-found';

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

/**
 * Every address but the first view's, in a chunk of its own (with the file lists its views' chunks
 * are preloaded by): the first load carries only the catalog's route. The first that matches wins,
 * so fixed words come before `:params`.
 */
export function OtherRoutes() {
  return (
    <Switch>
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
