import { forwardRef } from 'react';
import { Link, type LinkProps } from './link';
import { useLocation } from './use-location';

/** True on `to` itself and on every address below it (`/policies` is active on `/policies/x`). */
function isActivePath(to: string, pathname: string): boolean {
  const path = to.split('?')[0]!;
  return pathname === path || pathname.startsWith(path.endsWith('/') ? path : `${path}/`);
}

export interface NavLinkProps extends LinkProps {
  /** Addresses below `to` that belong to another entry of the navigation. */
  except?: readonly string[];
}

/** A navigation link that says where you are: class `active` and `aria-current="page"`. */
export const NavLink = forwardRef<HTMLAnchorElement, NavLinkProps>(function NavLink(
  { className, to, except, ...props },
  ref,
) {
  const pathname = useLocation().pathname;
  const active = isActivePath(to, pathname) && !except?.some((other) => isActivePath(other, pathname));
  return (
    <Link
      ref={ref}
      to={to}
      className={active ? [className, 'active'].filter(Boolean).join(' ') : className}
      aria-current={active ? 'page' : undefined}
      {...props}
    />
  );
});
