import { CATALOG_PATHS } from '@/features/policies/catalog/page-started-worker';
import { keepPageStartedLoad } from '@/features/policies/catalog/keep-page-started-load';
import { firstViewDrawn } from '@/lib/scheduling/first-view-drawn';

/**
 * The catalog's list is requested as the app starts, not once its view's code has loaded and
 * rendered: on a phone that is the difference between the list arriving with the first paint or
 * after it. The same request the view follows, so the view finds it on its way. Imported on demand
 * (a static import would make the bundler put the catalog's chunk in every first load). Once the
 * catalog has drawn its rows and the page is idle, what the other views read Guardian through
 * (React Query, the Guardian client, the policy schemas) is loaded for the next view.
 */
export function prefetchFirstView(pathname = window.location.pathname): Promise<unknown> | undefined {
  if (!CATALOG_PATHS.includes(pathname)) return undefined;
  // The list request and the worker that reads it, started by the HTML, are kept for the catalog's loader.
  keepPageStartedLoad();
  void firstViewDrawn.then(warmUpViews);
  return import('@/features/policies/api/get-policies').then(({ policyList }) => policyList.fetch());
}

function warmUpViews(): void {
  const load = () => {
    void import('./warm-up-loads').then(
      ({ loadOtherViews }) => loadOtherViews(),
      () => undefined,
    );
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 2_000 });
  else setTimeout(load, 200);
}
