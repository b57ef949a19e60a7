import { useEffect } from 'react';
import { useBlocker } from '@/lib/router/use-blocker';

/**
 * Unsaved changes are not lost by a click or a closed tab: in-app navigation is held for a
 * decision (`blocker`), and the browser asks before unloading.
 */
export function useLeaveGuard(shouldGuard: () => boolean, active: boolean) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => shouldGuard() && currentLocation.pathname !== nextLocation.pathname,
  );

  useEffect(() => {
    if (!active) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!shouldGuard()) return;
      event.preventDefault();
      // Older browsers need returnValue set to show the prompt.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [active, shouldGuard]);

  return blocker;
}
