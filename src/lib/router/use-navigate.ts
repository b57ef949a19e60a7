import { useCallback } from 'react';
import { useLocation as useWouterLocation } from 'wouter';
import { navigateUrgently } from './browser-location';
import { resolveTo } from './resolve-to';

export interface NavigateOptions {
  replace?: boolean;
  state?: unknown;
  /** Render the new view in this frame instead of at React's leisure. */
  flushSync?: boolean;
  /** Accepted for compatibility: only a new path scrolls to the top (ScrollToTop); a new query never does. */
  preventScrollReset?: boolean;
}

export type NavigateFunction = (to: string, options?: NavigateOptions) => void;

export function useNavigate(): NavigateFunction {
  const [pathname, navigate] = useWouterLocation();
  return useCallback(
    (to, { replace, state, flushSync } = {}) => {
      const go = () => navigate(resolveTo(to, pathname), { replace, state });
      if (flushSync) navigateUrgently(go);
      else go();
    },
    [navigate, pathname],
  );
}
