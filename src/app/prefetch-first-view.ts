/**
 * The catalog's list is requested as the app starts, not once its view's code has loaded and
 * rendered: on a phone that is the difference between the list arriving with the first paint or
 * after it. The same request the view follows, so the view finds it on its way.
 */
export function prefetchFirstView(pathname = window.location.pathname): void {
  if (pathname !== '/' && pathname !== '/policies') return;
  void import('@/features/policies/api/get-policies').then(({ policyList }) => policyList.ensure());
}
