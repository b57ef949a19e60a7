import type { ComponentType } from 'react';
import { provideMoreIcons } from '@/components/icon/icon';
import { Route, Switch } from '@/lib/router';
import { lazyView } from './lazy-view';
import { withQueries } from './with-queries';
import { NotFound } from './not-found';

/**
 * Every address but the first view's, in a chunk of its own (with the file lists its views' chunks
 * are preloaded by): the first load carries only the catalog's route. The first that matches wins,
 * so fixed words come before `:params`.
 */
// The icons the catalog does not draw, for the views behind these addresses.
void import('@/components/icon/more-icon-paths').then(
  (module) => provideMoreIcons(module.MORE_PATHS),
  () => undefined, // an icon of that set stays empty; its words beside it still say what it is
);

const VIEWS: { path: string; view: ComponentType }[] = [
  {
    path: '/policies/new',
    view: lazyView(
      withQueries(() => import('@/features/policy-editor/routes/new-policy-route').then((m) => m.NewPolicyRoute)),
    ),
  },
  {
    path: '/policies/apply',
    view: lazyView(
      withQueries(() => import('@/features/policies-as-code/routes/apply-route').then((m) => m.ApplyRoute)),
    ),
  },
  {
    path: '/policies/:id',
    view: lazyView(
      withQueries(() => import('@/features/policies/routes/latest-version-route').then((m) => m.LatestVersionRoute)),
    ),
  },
  {
    path: '/policies/:id/versions/:version',
    view: lazyView(
      withQueries(() => import('@/features/policies/routes/policy-version-route').then((m) => m.PolicyVersionRoute)),
    ),
  },
  {
    path: '/policies/:id/versions/:version/trace',
    view: lazyView(withQueries(() => import('@/features/appeal-trace/routes/trace-route').then((m) => m.TraceRoute))),
  },
  {
    path: '/policies/:id/edit',
    view: lazyView(
      withQueries(() => import('@/features/policy-editor/routes/edit-policy-route').then((m) => m.EditPolicyRoute)),
    ),
  },
  {
    path: '/policies/:id/diff/:range',
    view: lazyView(
      withQueries(() => import('@/features/policy-diff/routes/policy-diff-route').then((m) => m.PolicyDiffRoute)),
    ),
  },
  {
    path: '/tests',
    view: lazyView(
      withQueries(() => import('@/features/policy-tests/routes/recent-tests-route').then((m) => m.RecentTestsRoute)),
    ),
  },
  {
    path: '/tests/new',
    view: lazyView(
      withQueries(() => import('@/features/policy-tests/routes/launch-test-route').then((m) => m.LaunchTestRoute)),
    ),
  },
  {
    path: '/tests/compare',
    view: lazyView(
      withQueries(() => import('@/features/policy-tests/routes/compare-tests-route').then((m) => m.CompareTestsRoute)),
    ),
  },
  {
    path: '/tests/:id',
    view: lazyView(
      withQueries(() => import('@/features/policy-tests/routes/test-progress-route').then((m) => m.TestProgressRoute)),
    ),
  },
  {
    path: '/settings',
    view: lazyView(withQueries(() => import('@/features/settings/routes/settings-route').then((m) => m.SettingsRoute))),
  },
];

export function OtherRoutes() {
  return (
    <Switch>
      {VIEWS.map(({ path, view }) => (
        <Route key={path} path={path} component={view} />
      ))}
      <Route>
        <NotFound />
      </Route>
    </Switch>
  );
}
