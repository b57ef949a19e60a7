import { createBrowserRouter, redirect } from 'react-router';
import { AppLayout } from './layout/app-layout';
import { RouteError } from './route-error';
import { NotFound } from './not-found';

/** Every view is its own chunk: the first load carries only the shell and the route it opens. */
export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, loader: () => redirect('/policies') },
          {
            path: 'policies',
            lazy: async () => ({ Component: (await import('@/features/policies/routes/catalog-route')).CatalogRoute }),
          },
          {
            path: 'policies/new',
            lazy: async () => ({
              Component: (await import('@/features/policy-editor/routes/new-policy-route')).NewPolicyRoute,
            }),
          },
          {
            path: 'policies/:id',
            lazy: async () => ({
              Component: (await import('@/features/policies/routes/latest-version-route')).LatestVersionRoute,
            }),
          },
          {
            path: 'policies/:id/versions/:version',
            lazy: async () => ({
              Component: (await import('@/features/policies/routes/policy-version-route')).PolicyVersionRoute,
            }),
          },
          {
            path: 'policies/:id/edit',
            lazy: async () => ({
              Component: (await import('@/features/policy-editor/routes/edit-policy-route')).EditPolicyRoute,
            }),
          },
          {
            path: 'policies/:id/diff/:range',
            lazy: async () => ({
              Component: (await import('@/features/policy-diff/routes/policy-diff-route')).PolicyDiffRoute,
            }),
          },
          {
            path: 'tests',
            lazy: async () => ({
              Component: (await import('@/features/policy-tests/routes/recent-tests-route')).RecentTestsRoute,
            }),
          },
          {
            path: 'tests/new',
            lazy: async () => ({
              Component: (await import('@/features/policy-tests/routes/launch-test-route')).LaunchTestRoute,
            }),
          },
          {
            path: 'tests/compare',
            lazy: async () => ({
              Component: (await import('@/features/policy-tests/routes/compare-tests-route')).CompareTestsRoute,
            }),
          },
          {
            path: 'tests/:id',
            lazy: async () => ({
              Component: (await import('@/features/policy-tests/routes/test-progress-route')).TestProgressRoute,
            }),
          },
          {
            path: 'settings',
            lazy: async () => ({
              Component: (await import('@/features/settings/routes/settings-route')).SettingsRoute,
            }),
          },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
