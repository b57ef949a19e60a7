import { forwardRef } from 'react';
import { Link, type LinkProps } from './link';
import { useLocation } from './use-location';

/** True on `to` itself and on every address below it (`/policies` is active on `/policies/x`). */
function isActivePath(to: string, pathname: string): boolean {
  const path = to.split('?')[0]!;
  return pathname === path || pathname.startsWith(path.endsWith('/') ? path : `${path}/`);
}

/** A navigation link that says where you are: class `active` and `aria-current="page"`. */
export const NavLink = forwardRef<HTMLAnchorElement, LinkProps>(function NavLink({ className, to, ...props }, ref) {
  const active = isActivePath(to, useLocation().pathname);
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
