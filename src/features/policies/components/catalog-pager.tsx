import { PagerLink } from '@/components/pager-link/pager-link';
import { formatCount } from '@/lib/format/format-number';

interface CatalogPagerProps {
  page: number;
  pageCount: number;
  /** Rows shown, e.g. 101–200, and how many there are in all. */
  first: number;
  last: number;
  total: number;
  /** The address of a page: every page is a real link (open in a tab, copy, reload). */
  hrefFor: (page: number) => string;
}

/** "1–100 of 10,000" with Previous / Next, under the table. */
export function CatalogPager({ page, pageCount, first, last, total, hrefFor }: CatalogPagerProps) {
  return (
    <nav className="catalog-pager" aria-label="Pages of policies">
      <p className="catalog-pager__range">
        {formatCount(first)}–{formatCount(last)} of {formatCount(total)}
      </p>
      {pageCount > 1 && (
        <div className="catalog-pager__links">
          <PagerLink to={hrefFor(page - 1)} disabled={page <= 1} label="Previous" icon="chevronLeft" />
          <span className="catalog-pager__page">
            Page {formatCount(page)} of {formatCount(pageCount)}
          </span>
          <PagerLink to={hrefFor(page + 1)} disabled={page >= pageCount} label="Next" icon="chevronRight" />
        </div>
      )}
    </nav>
  );
}
