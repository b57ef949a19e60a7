import { useEffect, useRef, useState } from 'react';
import { registerBlocker, type BlockerArgs } from './navigation-blocker';

export type Blocker =
  | { state: 'unblocked'; proceed?: undefined; reset?: undefined }
  | { state: 'blocked'; proceed: () => void; reset: () => void };

/**
 * Holds in-app navigation while `shouldBlock` says so: `state` becomes `blocked` until the view
 * calls `proceed()` (go on) or `reset()` (stay).
 */
export function useBlocker(shouldBlock: (args: BlockerArgs) => boolean): Blocker {
  const latest = useRef(shouldBlock);
  useEffect(() => {
    latest.current = shouldBlock;
  });
  const [held, setHeld] = useState<{ go: () => void } | null>(null);
  useEffect(
    () =>
      registerBlocker({
        shouldBlock: (args) => latest.current(args),
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
