import { useEffect, useRef, useState } from 'react';
import { registerBlocker, type BlockerArgs } from './navigation-blocker';
import { useLocation } from './use-location';

export type Blocker =
  | { state: 'unblocked'; proceed?: undefined; reset?: undefined }
  | { state: 'blocked'; proceed: () => void; reset: () => void };

/**
 * Holds in-app navigation while `shouldBlock` says so: `state` becomes `blocked` until the view
 * calls `proceed()` (go on) or `reset()` (stay).
 */
export function useBlocker(shouldBlock: (args: BlockerArgs) => boolean): Blocker {
  const latest = useRef(shouldBlock);
  // Only a view that is on the page holds a navigation: one kept hidden by Suspense while the next
  // view's chunk loads (its effects still alive) must not hold the way back to it.
  const { pathname } = useLocation();
  const where = useRef(pathname);
  useEffect(() => {
    latest.current = shouldBlock;
    where.current = pathname;
  });
  const [held, setHeld] = useState<{ go: () => void } | null>(null);
  useEffect(
    () =>
      registerBlocker({
        shouldBlock: (args) => args.currentLocation.pathname === where.current && latest.current(args),
        onBlocked: (go) => setHeld({ go }),
      }),
    [],
  );
  if (!held) return { state: 'unblocked' };
  return {
    state: 'blocked',
    proceed: () => {
      setHeld(null);
      held.go();
    },
    reset: () => setHeld(null),
  };
}
