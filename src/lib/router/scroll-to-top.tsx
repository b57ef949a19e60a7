import { useLayoutEffect, useRef } from 'react';
import { useLocation as useWouterLocation } from 'wouter';

/** Where the last Back or Forward went: that page keeps the scroll position the browser restores. */
let poppedTo: string | undefined;
if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => {
    poppedTo = window.location.pathname;
  });
}

/**
 * A new page starts at its top. Without this the window keeps the last page's scroll position (a
 * save landed in the middle of the new version); Back and Forward are left to the browser.
 */
export function ScrollToTop() {
  const [pathname] = useWouterLocation();
  const first = useRef(true);
  useLayoutEffect(() => {
    const popped = poppedTo !== undefined && poppedTo === window.location.pathname;
    poppedTo = undefined;
    if (first.current) {
      first.current = false;
      return;
    }
    if (!popped) window.scrollTo(0, 0);
  }, [pathname]);
  return null;
}
