import { useState, type FormEvent, type MouseEvent } from 'react';
import { useNavigate } from '@/lib/router/use-navigate';
import type { IconName } from '@/components/icon/icon';
import { PagerLink } from '@/components/pager-link/pager-link';
import { formatCount } from '@/lib/format/format-number';

interface PagerProps {
  /** e.g. "Pages of users" — names the navigation landmark. */
  label: string;
  page: number;
  pageCount: number;
  /** The address of a page, so every page is a real link (open in a tab, copy, reload). */
  hrefFor: (page: number) => string;
  onJump: (page: number) => void;
  /** "Users 51–75 of 1,000" */
  rangeText: string;
}

function NowPagerLink({ to, label, icon, disabled }: { to: string; label: string; icon: IconName; disabled: boolean }) {
  const navigate = useNavigate();
  // The next page is usually prefetched: render it in this frame (flushSync) instead of as a
  // low-priority transition that yields to the browser between slices. Modified clicks (new tab)
  // stay ordinary links.
  const navigateNow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void navigate(to, { flushSync: true, preventScrollReset: true });
  };
  return (
    <PagerLink to={to} label={label} icon={icon} disabled={disabled} className="pager__link" onClick={navigateNow} />
  );
}

/** First / previous / "page N of M" / next / last, plus a jump box; every step is a link. */
export function Pager({ label, page, pageCount, hrefFor, onJump, rangeText }: PagerProps) {
  const [draft, setDraft] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const target = Number(draft);
    if (Number.isInteger(target) && target >= 1) onJump(Math.min(target, pageCount));
    setDraft(undefined);
  };
  return (
    <nav className="pager" aria-label={label}>
      <span className="pager__range muted">{rangeText}</span>
      <div className="pager__controls">
        <NowPagerLink to={hrefFor(1)} label="First" icon="chevronsLeft" disabled={page <= 1} />
        <NowPagerLink
          to={hrefFor(Math.min(page - 1, pageCount))}
          label="Previous"
          icon="chevronLeft"
          disabled={page <= 1}
        />
        <form className="pager__jump" onSubmit={submit}>
          <label>
            Page{' '}
            <input
              className="input pager__input"
              inputMode="numeric"
              pattern="[0-9]*"
              aria-label={`Page number, 1 to ${pageCount}`}
              value={draft ?? String(page)}
              onChange={(event) => setDraft(event.target.value)}
              onBlur={() => setDraft(undefined)}
            />
          </label>{' '}
          <span>of {formatCount(pageCount)}</span>
        </form>
        <NowPagerLink to={hrefFor(page + 1)} label="Next" icon="chevronRight" disabled={page >= pageCount} />
        <NowPagerLink to={hrefFor(pageCount)} label="Last" icon="chevronsRight" disabled={page >= pageCount} />
      </div>
    </nav>
  );
}
