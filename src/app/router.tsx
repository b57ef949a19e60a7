import { CATALOG_PATHS } from '@/features/policies/catalog/page-started-worker';
import { Navigate, Route, Switch } from '@/lib/router';
import { lazyView } from './lazy-view';

// Every view is its own chunk: the first load carries only the shell and the route it opens.
// The catalog, the first view, keeps its list outside React Query (policyList) and does without it.
const CatalogRoute = lazyView(() => import('@/features/policies/routes/catalog-route').then((m) => m.CatalogRoute));
/** The other views' addresses: loaded when one is opened, or once the first view is idle (warm-up-views.ts). */
const OtherRoutes = lazyView(() => import('./other-routes').then((m) => m.OtherRoutes));

/** The first view's code, when `pathname` opens the catalog (undefined otherwise): see main.tsx. */
export function preloadFirstView(pathname: string): Promise<void> | undefined {
  return CATALOG_PATHS.includes(pathname) ? CatalogRoute.preload() : undefined;
}

/** The app's addresses. */
export function AppRoutes() {
  return (
    <Switch>
      <Route path="/">
        <Navigate replace to="/policies" />
      </Route>
      <Route path="/policies" component={CatalogRoute} />
      <Route component={OtherRoutes} />
    </Switch>
  );
}
