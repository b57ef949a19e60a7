import type { ReactNode } from 'react';
import { Router } from 'wouter';
import { guardNavigation } from './navigation-blocker';
import { LocationStateContext } from './location-state';
import { BrowserLocationProvider, useBrowserHistoryState, useBrowserPath, useBrowserSearch } from './browser-location';
import { ScrollToTop } from './scroll-to-top';
import type { TestRouter } from './test-router';

type Navigate = (to: string, options?: { replace?: boolean; state?: unknown }) => void;

const browserHref = () => window.location.pathname + window.location.search;

/** Every navigation asks the blockers first (see navigation-blocker.ts). */
const guardedBrowserNav = (navigate: Navigate, to: string, options?: { replace?: boolean; state?: unknown }) =>
  guardNavigation(browserHref(), to, () => navigate(to, options));

/**
 * The router of the whole app: the browser's address, or — in tests — a `createTestRouter()`.
 * Features never import wouter: they use this folder, so that changing the router is one folder.
 */
export function RouterRoot({ router, children }: { router?: TestRouter; children: ReactNode }) {
  if (router) {
    return (
      <Router hook={router.hook} searchHook={router.searchHook} aroundNav={router.aroundNav}>
        <LocationStateContext.Provider value={router.useState}>{children}</LocationStateContext.Provider>
      </Router>
    );
  }
  return (
    <BrowserLocationProvider>
      <Router hook={useBrowserPath} searchHook={useBrowserSearch} aroundNav={guardedBrowserNav}>
        <ScrollToTop />
        <LocationStateContext.Provider value={useBrowserHistoryState}>{children}</LocationStateContext.Provider>
      </Router>
    </BrowserLocationProvider>
  );
}
