import { useLayoutEffect } from 'react';
import { useNavigate } from './use-navigate';

/** Navigates as soon as it is rendered (a redirect). */
export function Navigate({ to, replace, state }: { to: string; replace?: boolean; state?: unknown }) {
  const navigate = useNavigate();
  useLayoutEffect(() => {
    navigate(to, { replace, state });
    // Once, like a redirect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return null;
}
