import { Fragment, type ReactNode } from 'react';

interface PageHeaderProps {
  title: ReactNode;
  titleId?: string;
  titleClassName?: string;
  /** The pages above this one, as links, shown before the title with slashes between. */
  crumbs?: ReactNode[];
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
            {crumbs.map((crumb, i) => (
              <Fragment key={i}>
                {crumb} <span aria-hidden="true">/</span>{' '}
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
