import { Fragment, type ReactNode } from 'react';
import { Link } from '@/lib/router';

interface Crumb {
  to: string;
  label: string;
  /** An id, shown in monospace. */
  mono?: boolean;
}

interface PageHeaderProps {
  title: ReactNode;
  titleId?: string;
  titleClassName?: string;
  /** The pages above this one, shown as links before the title with slashes between. */
  crumbs?: readonly Crumb[];
  subtitle?: ReactNode;
  /** More lines under the title (after the subtitle). */
  children?: ReactNode;
  /** Buttons and links for the whole page, at the right. */
  actions?: ReactNode;
}

/** The top of every view: where it sits, its one h1, what it is for, and what can be done on it. */
export function PageHeader({ title, titleId, titleClassName, crumbs, subtitle, children, actions }: PageHeaderProps) {
  return (
    <header className="page__header">
      <div className="page__heading">
        {crumbs && crumbs.length > 0 && (
          <p className="page__crumbs">
            {crumbs.map((crumb) => (
              <Fragment key={crumb.to}>
                <Link to={crumb.to} className={crumb.mono ? 'mono' : undefined}>
                  {crumb.label}
                </Link>{' '}
                <span aria-hidden="true">/</span>{' '}
              </Fragment>
            ))}
          </p>
        )}
        <h1 id={titleId} className={titleClassName}>
          {title}
        </h1>
        {subtitle && <p className="page__subtitle">{subtitle}</p>}
        {children}
      </div>
      {actions && <div className="page__actions">{actions}</div>}
    </header>
  );
}
