import { useMemo } from 'react';
import { Link, useNavigate } from '@/lib/router';
import { Icon } from '@/components/icon/icon';
import { EmptyState } from '@/components/states/empty-state';
import { formatCount } from '@/lib/format/format-number';
import { CHANGE_LABELS, type Comparison } from '../compare/compare-outcomes';
import { CHANGE_VIEWS, writeCompareView, type ChangeView, type CompareView } from '../compare/compare-params';
import { comparisonCsvParts, comparisonFileName } from '../compare/export-comparison-csv';
import { pageCount } from '../users/users-url-params';
import { changeIcon, compareColumns, compareRowId, type NumberedCompareRow } from './compare-columns';
import { CsvExport } from './csv-export';
import { PageSizeSelect, pageForSize } from './page-size-select';
import { PagedTable } from './paged-table';
import { Pager } from './pager';
import { SegmentedControl } from '@/components/segmented-control/segmented-control';

function indexesFor(comparison: Comparison, change: ChangeView): number[] | undefined {
  if (change === 'all') return undefined;
  if (change === 'changed') return comparison.changed;
  return comparison.byKind[change];
}

/** The per-user changes: a filter by kind of change, a page of users, export. */
export function CompareResults({
  comparison,
  view,
  go,
  search,
}: {
  comparison: Comparison;
  view: CompareView & { notices: string[] };
  go: (patch: Partial<CompareView>) => void;
  search: URLSearchParams;
}) {
  const navigate = useNavigate();
  const indexes = indexesFor(comparison, view.change);
  const total = indexes ? indexes.length : comparison.rows.length;
  const pages = pageCount(total, view.perPage);
  const firstRow = (view.page - 1) * view.perPage + 1;
  const rows = useMemo<NumberedCompareRow[]>(() => {
    const out: NumberedCompareRow[] = [];
    for (let i = firstRow - 1; i < Math.min(total, firstRow - 1 + view.perPage); i += 1) {
      out.push({ ...comparison.rows[indexes ? indexes[i]! : i]!, n: i + 1 });
    }
    return out;
  }, [comparison, indexes, firstRow, total, view.perPage]);

  const counts = comparison.counts;
  const changedCount = comparison.changed.length;
  const options = CHANGE_VIEWS.filter((v) => !(v === 'only-in-a' || v === 'only-in-b') || counts[v] > 0).map((v) => ({
    value: v,
    label: v === 'all' ? 'Everyone' : v === 'changed' ? 'Changed' : CHANGE_LABELS[v],
    count: v === 'all' ? comparison.rows.length : v === 'changed' ? changedCount : counts[v],
    icon: v === 'all' || v === 'changed' ? undefined : changeIcon(v),
  }));
  const hrefFor = (page: number) => `?${writeCompareView(search, { ...view, page }).toString()}`;
  const label =
    view.change === 'all' ? 'Everyone' : view.change === 'changed' ? 'Changed users' : CHANGE_LABELS[view.change];

  return (
    <section className="card test-users" aria-labelledby="compare-users-heading">
      <div className="compare-summary">
        <h2 id="compare-users-heading">Per-user changes</h2>
        <p>
          Of {formatCount(comparison.rows.length)} users, <strong>{formatCount(counts['newly-blocked'])}</strong> are
          newly blocked, <strong>{formatCount(counts['newly-approved'])}</strong> newly approved,{' '}
          <strong>{formatCount(counts['newly-errored'])}</strong> newly errored and {formatCount(counts.unchanged)}{' '}
          unchanged
          {counts['only-in-a'] + counts['only-in-b'] > 0
            ? `; ${formatCount(counts['only-in-a'] + counts['only-in-b'])} were evaluated by only one test (it stopped early)`
            : ''}
          .
        </p>
      </div>
      <div className="test-users__toolbar">
        <SegmentedControl<ChangeView>
          legend="Show"
          options={options}
          value={view.change}
          onChange={(change) => go({ change, page: 1 })}
        />
        <PageSizeSelect
          value={view.perPage}
          onChange={(perPage) => go({ perPage, page: pageForSize(view.page, view.perPage, perPage) })}
        />
        <CsvExport
          describe={`${label.toLowerCase()}, ${formatCount(total)} rows`}
          expected={total}
          what="the comparison"
          build={async () => ({
            parts: await comparisonCsvParts(comparison.rows, indexes),
            fileName: comparisonFileName(view.a, view.b, view.change),
            rows: total,
          })}
        />
      </div>
      {view.notices.map((notice) => (
        <p key={notice} className="notice" role="status">
          <Icon name="info" /> {notice}
        </p>
      ))}
      {total === 0 ? (
        <EmptyState title={`No users in “${label}”`}>
          {view.change === 'changed'
            ? 'Both tests gave every user the same outcome.'
            : 'Choose another kind of change above.'}
        </EmptyState>
      ) : rows.length === 0 ? (
        <EmptyState title={`Page ${formatCount(view.page)} is past the end`}>
          <p>
            “{label}” has {formatCount(total)} users on {formatCount(pages)} {pages === 1 ? 'page' : 'pages'}.{' '}
            <Link to={hrefFor(pages)}>Go to the last page</Link> · <Link to={hrefFor(1)}>Go to the first page</Link>
          </p>
        </EmptyState>
      ) : (
        <>
          <PagedTable
            rows={rows}
            columns={compareColumns}
            getRowId={compareRowId}
            caption={`${label}, page ${view.page} of ${pages}`}
            pageKey={`${view.change}/${view.perPage}/${view.page}`}
          />
          <Pager
            label="Pages of compared users"
            page={view.page}
            pageCount={pages}
            hrefFor={hrefFor}
            onJump={(page) => void navigate(hrefFor(page))}
            rangeText={`${label} ${formatCount(firstRow)}–${formatCount(firstRow + rows.length - 1)} of ${formatCount(total)}`}
          />
        </>
      )}
    </section>
  );
}
