import { useMemo } from 'react';
import { Link } from '@/lib/router';
import { useNavigate } from '@/lib/router/use-navigate';
import { Icon } from '@/components/icon/icon';
import { EmptyState } from '@/components/states/empty-state';
import { formatCount } from '@/lib/format/format-number';
import { CHANGE_LABELS } from '../compare/compare-outcomes';
import { CHANGE_VIEWS, type ChangeView, type CompareView } from '../compare/compare-params';
import { comparisonCsvParts, comparisonFileName } from '../compare/export-comparison-csv';
import type { ComparisonSnapshot } from '../compare/live-comparison';
import { comparedIndexes, stepApplies } from '../compare/select-compared';
import { pageCount } from '../users/users-url-params';
import { atStepWords } from '../why/why-words';
import { changeIcon, compareColumns, compareRowId, type NumberedCompareRow } from './compare-columns';
import { CsvExport } from './csv-export';
import { PageSizeSelect, pageForSize } from './page-size-select';
import { PagedTable } from './paged-table';
import { Pager } from './pager';
import { SegmentedControl } from '@/components/segmented-control/segmented-control';

interface CompareResultsProps {
  comparison: ComparisonSnapshot;
  view: CompareView & { notices: string[] };
  go: (patch: Partial<CompareView>) => void;
  hrefFor: (patch: Partial<CompareView>) => string;
  /** Each person's trace through a saved version of the comparison. */
  trace?: { of: (email: string) => string; label: string };
}

function viewLabel(change: ChangeView, step: string | undefined): string {
  const kind = change === 'all' ? 'Everyone' : change === 'changed' ? 'Changed users' : CHANGE_LABELS[change];
  return step !== undefined && stepApplies(change) ? `${kind} ${atStepWords(step)}` : kind;
}

/** The per-user changes, as they are matched: a filter by kind of change and step, a page of users, export. */
export function CompareResults({ comparison, view, go, hrefFor, trace }: CompareResultsProps) {
  const navigate = useNavigate();
  const { version } = comparison;
  // The snapshot's lists only grow: its version says when they did.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const indexes = useMemo(() => comparedIndexes(comparison, view.change, view.step), [version, view.change, view.step]);
  const total = indexes ? indexes.length : comparison.rows.length;
  const pages = pageCount(total, view.perPage);
  const firstRow = (view.page - 1) * view.perPage + 1;
  const rows = useMemo<NumberedCompareRow[]>(() => {
    const out: NumberedCompareRow[] = [];
    for (let i = firstRow - 1; i < Math.min(total, firstRow - 1 + view.perPage); i += 1) {
      out.push({ ...comparison.rows[indexes ? indexes[i]! : i]!, n: i + 1 });
    }
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version, indexes, firstRow, total, view.perPage]);
  const columns = useMemo(() => compareColumns(trace), [trace]);

  const counts = comparison.counts;
  const changedCount = comparison.changed.length;
  const options = CHANGE_VIEWS.filter((v) => !(v === 'only-in-a' || v === 'only-in-b') || counts[v] > 0).map((v) => ({
    value: v,
    label: v === 'all' ? 'Everyone' : v === 'changed' ? 'Changed' : CHANGE_LABELS[v],
    count: v === 'all' ? comparison.rows.length : v === 'changed' ? changedCount : counts[v],
    icon: v === 'all' || v === 'changed' ? undefined : changeIcon(v),
  }));
  const label = viewLabel(view.change, view.step);
  const matched = comparison.rows.length - comparison.pending;
  const soFar = comparison.complete ? '' : ' so far';

  return (
    <section className="card test-users" aria-labelledby="compare-users-heading">
      <div className="compare-summary">
        <h2 id="compare-users-heading">Per-user changes</h2>
        <p>
          Of {formatCount(matched)} users both tests have reported{soFar},{' '}
          <strong>{formatCount(counts['newly-blocked'])}</strong> are newly blocked,{' '}
          <strong>{formatCount(counts['newly-approved'])}</strong> newly approved,{' '}
          <strong>{formatCount(counts['newly-errored'])}</strong> newly errored and {formatCount(counts.unchanged)}{' '}
          unchanged
          {counts['only-in-a'] + counts['only-in-b'] > 0
            ? `; ${formatCount(counts['only-in-a'] + counts['only-in-b'])} were evaluated by only one test (it stopped early)`
            : ''}
          {comparison.pending > 0 ? `; ${formatCount(comparison.pending)} are waiting for the other test` : ''}.
        </p>
      </div>
      <div className="test-users__toolbar">
        <SegmentedControl<ChangeView>
          legend="Show"
          options={options}
          value={view.change}
          onChange={(change) => go({ change, step: undefined, page: 1 })}
        />
        <PageSizeSelect
          value={view.perPage}
          onChange={(perPage) => go({ perPage, page: pageForSize(view.page, view.perPage, perPage) })}
        />
        <CsvExport
          describe={`${label.toLowerCase()}, ${formatCount(total)} rows${soFar}`}
          expected={total}
          what="the comparison"
          build={async () => ({
            parts: await comparisonCsvParts(comparison.rows, indexes),
            fileName: comparisonFileName(view.a, view.b, view.change, stepApplies(view.change) ? view.step : undefined),
            rows: total,
          })}
        />
      </div>
      {view.step !== undefined && stepApplies(view.change) && (
        <p className="notice" role="status">
          <Icon name="info" /> Showing only changes B now decides {atStepWords(view.step)}.{' '}
          <Link to={hrefFor({ step: undefined, page: 1 })}>Show every step</Link>
        </p>
      )}
      {view.notices.map((notice) => (
        <p key={notice} className="notice" role="status">
          <Icon name="info" /> {notice}
        </p>
      ))}
      {total === 0 ? (
        <EmptyState title={`No users in “${label}”${soFar}`}>
          {!comparison.complete
            ? 'Users appear here as both tests report them.'
            : view.change === 'changed'
              ? 'Both tests gave every user the same outcome.'
              : 'Choose another kind of change above.'}
        </EmptyState>
      ) : rows.length === 0 ? (
        <EmptyState title={`Page ${formatCount(view.page)} is past the end`}>
          <p>
            “{label}” has {formatCount(total)} users on {formatCount(pages)} {pages === 1 ? 'page' : 'pages'}.{' '}
            <Link to={hrefFor({ page: pages })}>Go to the last page</Link> ·{' '}
            <Link to={hrefFor({ page: 1 })}>Go to the first page</Link>
          </p>
        </EmptyState>
      ) : (
        <>
          <PagedTable
            rows={rows}
            columns={columns}
            getRowId={compareRowId}
            caption={`${label}, page ${view.page} of ${pages}`}
            pageKey={`${view.change}/${view.step ?? ''}/${view.perPage}/${view.page}`}
          />
          <Pager
            label="Pages of compared users"
            page={view.page}
            pageCount={pages}
            hrefFor={(page) => hrefFor({ page })}
            onJump={(page) => void navigate(hrefFor({ page }))}
            rangeText={`${label} ${formatCount(firstRow)}–${formatCount(firstRow + rows.length - 1)} of ${formatCount(total)}${soFar}`}
          />
        </>
      )}
    </section>
  );
}
