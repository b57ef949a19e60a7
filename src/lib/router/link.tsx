import { forwardRef, type AnchorHTMLAttributes } from 'react';
import { Link as WouterLink } from 'wouter';
import { useResolvedTo } from './resolve-to';

export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  /** An absolute path (`/policies`), or a new query for this page (`?page=2`). */
  to: string;
  replace?: boolean;
  state?: unknown;
  /** Accepted for compatibility: only a new path scrolls to the top (ScrollToTop); a new query never does. */
  preventScrollReset?: boolean;
}

/** An ordinary link that navigates inside the app (modified clicks open a tab as usual). */
export const Link = forwardRef<HTMLAnchorElement, LinkProps>(function Link(
  { to, replace, state, preventScrollReset: _preventScrollReset, ...anchor },
  ref,
) {
  const href = useResolvedTo(to);
  return <WouterLink ref={ref} href={href} replace={replace} state={state} {...anchor} />;
});
