import type { MouseEvent } from 'react';
import { Icon, type IconName } from '@/components/icon/icon';
import { Link } from '@/lib/router';

interface PagerLinkProps {
  to: string;
  label: string;
  /** A left-pointing icon goes before the label, any other after it. */
  icon: IconName;
  /** No such page: a disabled button, since a link cannot be disabled. */
  disabled?: boolean;
  className?: string;
  onClick?: (event: MouseEvent<HTMLAnchorElement>) => void;
}

/** One step of a pager ("Previous", "Next"…) as a real link to that page. */
export function PagerLink({ to, label, icon, disabled = false, className, onClick }: PagerLinkProps) {
  const classes = className ? `button button--small ${className}` : 'button button--small';
  const content = icon.endsWith('Left') ? (
    <>
      <Icon name={icon} />
      {label}
    </>
  ) : (
    <>
      {label}
      <Icon name={icon} />
    </>
  );
  if (disabled) {
    return (
      <button type="button" className={classes} disabled>
        {content}
      </button>
    );
  }
  return (
    <Link className={classes} to={to} onClick={onClick}>
      {content}
    </Link>
  );
}
