import { useLayoutEffect } from 'react';
import { LoadingState } from '@/components/states/loading-state';

/**
 * Shown while a view's chunk loads: the progress bar, a spinner, and `aria-busy` on the main region
 * for assistive technology.
 */
export function RouteLoading() {
  useLayoutEffect(() => {
    const main = document.getElementById('main');
    main?.setAttribute('aria-busy', 'true');
    return () => main?.setAttribute('aria-busy', 'false');
  }, []);
  return (
    <>
      <div className="shell__route-progress" aria-hidden="true" />
      <LoadingState label="Loading…" />
    </>
  );
}
