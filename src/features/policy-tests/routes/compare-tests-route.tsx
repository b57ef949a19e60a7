import { useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from '@/lib/router';
import { Icon } from '@/components/icon/icon';
import { ProgressBar } from '@/components/progress-bar/progress-bar';
import { EmptyState } from '@/components/states/empty-state';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { processedUsers, type PolicyTest } from '@/lib/api/policy-tests/policy-test-schema';
import { formatCount } from '@/lib/format/format-number';
import { isGoneError, isTerminal, usePolicyTest } from '../api/get-policy-test';
import { CHANGE_LABELS, type Comparison } from '../compare/compare-outcomes';
import {
  CHANGE_VIEWS,
  parseCompareView,
  writeCompareView,
  type ChangeView,
  type CompareView,
} from '../compare/compare-params';
import { comparisonKey, useComparison, useComparisonProgress } from '../compare/comparison-query';
import { comparisonCsvParts, comparisonFileName } from '../compare/export-comparison-csv';
import { changeIcon, compareColumns, compareRowId, type NumberedCompareRow } from '../components/compare-columns';
import { PageSizeSelect, pageForSize } from '../components/page-size-select';
import { PagedTable } from '../components/paged-table';
import { Pager } from '../components/pager';
import { PolicyRefs } from '../components/policy-refs';
import { SegmentedFilter } from '../components/segmented-filter';
import { TestStatusBadge } from '../components/status-badges';
import { testPath } from '../launch-path';
import { useRecentTests, type RecentTest } from '../recent/recent-tests-store';
import { pageCount } from '../users/users-url-params';
import { downloadFile } from '@/lib/csv/download-file';
import '../policy-tests.css';

/** `/tests/compare?a=&b=`: how user outcomes moved from test A to test B. */
export function CompareTestsRoute() {
  const [search, setSearch] = useSearchParams();
  const view = useMemo(() => parseCompareView(search), [search]);
  const recent = useRecentTests();
  const ready = Boolean(view.a && view.b && view.a !== view.b);

  return (
    <section className="page compare-page">
      <header className="page__header">
        <div>
          <p className="breadcrumb">
            <Link to="/tests">Tests</Link> <span aria-hidden="true">/</span>
          </p>
          <h1>Compare tests</h1>
          <p className="page__subtitle">Who a change of policy newly blocks, newly approves or newly errors on.</p>
        </div>
      </header>
      <ComparePicker
        key={`${view.a}\n${view.b}`}
        a={view.a}
        b={view.b}
        recent={recent}
        onPick={(a, b) => setSearch(writeCompareView(search, { ...view, a, b, page: 1 }))}
        open={!ready}
      />
      {view.a && view.a === view.b && (
        <p className="notice notice--warning" role="status">
          <Icon name="info" /> A and B are the same test; choose two different tests.
        </p>
      )}
      {ready && (
        <Comparing
          view={view}
          recent={recent}
          go={(patch) => setSearch(writeCompareView(search, { ...view, ...patch }))}
          search={search}
        />
      )}
    </section>
  );
}

function labelOf(test: RecentTest): string {
  const when = new Date(test.startedAt ?? test.firstSeenAt).toLocaleString(undefined, {
    dateStyle: 'short',
    timeStyle: 'short',
  });
  return `${test.policies.join(', ') || 'unknown policy'} · ${when}`;
}

function ComparePicker(props: {
  a: string;
  b: string;
  recent: readonly RecentTest[];
  onPick: (a: string, b: string) => void;
  open: boolean;
}) {
  const [a, setA] = useState(props.a);
  const [b, setB] = useState(props.b);
  const listId = useId();
  const aId = useId();
  const bId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (a.trim() && b.trim()) props.onPick(a.trim(), b.trim());
  };
  return (
    <details className="card compare-picker" open={props.open}>
      <summary>{props.open ? 'Choose two tests' : 'Choose other tests'}</summary>
      <form onSubmit={submit} className="compare-picker__form">
        <datalist id={listId}>
          {props.recent.map((test) => (
            <option key={test.id} value={test.id}>
              {labelOf(test)}
            </option>
          ))}
        </datalist>
        <div className="field">
          <label className="field__label" htmlFor={aId}>
            Test A (before)
          </label>
          <input
            id={aId}
            className="input mono"
            list={listId}
            value={a}
            onChange={(e) => setA(e.target.value)}
            autoComplete="off"
          />
        </div>
        <button
          type="button"
          className="button button--ghost button--icon compare-picker__swap"
          aria-label="Swap A and B"
          title="Swap A and B"
          onClick={() => {
            setA(b);
            setB(a);
          }}
        >
          <Icon name="move" />
        </button>
        <div className="field">
          <label className="field__label" htmlFor={bId}>
            Test B (after)
          </label>
          <input
            id={bId}
            className="input mono"
            list={listId}
            value={b}
            onChange={(e) => setB(e.target.value)}
            autoComplete="off"
          />
        </div>
        <button
          type="submit"
          className="button button--primary"
          disabled={!a.trim() || !b.trim() || a.trim() === b.trim()}
        >
          <Icon name="compare" />
          Compare
        </button>
      </form>
      {props.recent.length === 0 && (
        <p className="muted">
          No recent tests in this browser: paste two test ids, or <Link to="/tests/new">start a test</Link>.
        </p>
      )}
    </details>
  );
}

function Comparing({
  view,
  recent,
  go,
  search,
}: {
  view: CompareView & { notices: string[] };
  recent: readonly RecentTest[];
  go: (patch: Partial<CompareView>) => void;
  search: URLSearchParams;
}) {
  const a = usePolicyTest(view.a);
  const b = usePolicyTest(view.b);
  const bothDone = isTerminal(a.data) && isTerminal(b.data);
  const expectedA = a.data ? processedUsers(a.data) : 0;
  const expectedB = b.data ? processedUsers(b.data) : 0;
  const comparison = useComparison({ id: view.a, expected: expectedA }, { id: view.b, expected: expectedB }, bothDone);
  const progress = useComparisonProgress(view.a, view.b);
  const queryClient = useQueryClient();
  const [cancelled, setCancelled] = useState(false);

  const sides = [
    { key: 'A', id: view.a, query: a, recent: recent.find((t) => t.id === view.a) },
    { key: 'B', id: view.b, query: b, recent: recent.find((t) => t.id === view.b) },
  ] as const;

  return (
    <>
      <CountsSideBySide sides={sides} />
      {sides.map(
        (side) =>
          side.query.data &&
          !isTerminal(side.query.data) && (
            <p key={side.key} className="notice" role="status">
              <span className="spinner" aria-hidden="true" />
              Test {side.key} is still running ({side.query.data.percentUsersProcessed}%). The user-by-user comparison
              starts when both tests have finished.
            </p>
          ),
      )}
      {comparison.isFetching && progress && (
        <section className="card compare-progress" aria-label="Comparison progress">
          {progress.phase === 'fetching' ? (
            <div className="compare-progress__bars">
              <ProgressBar
                label="Fetching the users of test A"
                value={progress.a}
                max={Math.max(progress.expectedA, 1)}
              />
              <ProgressBar
                label="Fetching the users of test B"
                value={progress.b}
                max={Math.max(progress.expectedB, 1)}
              />
            </div>
          ) : (
            <LoadingState label={`Matching ${formatCount(progress.a + progress.b)} results user by user…`} />
          )}
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setCancelled(true);
              void queryClient.cancelQueries({ queryKey: comparisonKey(view.a, view.b) });
            }}
          >
            <Icon name="x" />
            Cancel
          </button>
        </section>
      )}
      {!comparison.isFetching && cancelled && !comparison.data && (
        <div className="notice" role="status">
          <Icon name="info" />
          <p>
            Comparison cancelled.{' '}
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                setCancelled(false);
                void comparison.refetch();
              }}
            >
              Start it again
            </button>
          </p>
        </div>
      )}
      {comparison.isError && (
        <ErrorState
          error={comparison.error}
          what="the users of both tests"
          onRetry={() => void comparison.refetch()}
          retrying={comparison.isFetching}
        />
      )}
      {comparison.data && <CompareResults comparison={comparison.data} view={view} go={go} search={search} />}
    </>
  );
}

type Side = {
  key: 'A' | 'B';
  id: string;
  query: ReturnType<typeof usePolicyTest>;
  recent: RecentTest | undefined;
};

function CountsSideBySide({ sides }: { sides: readonly Side[] }) {
  const rows: { label: string; of: (t: PolicyTest) => number }[] = [
    { label: 'Approved', of: (t) => t.usersApproved },
    { label: 'Blocked', of: (t) => t.usersBlocked },
    { label: 'Errored', of: (t) => t.usersErrored },
    { label: 'Evaluated', of: (t) => processedUsers(t) },
  ];
  const [A, B] = sides;
  return (
    <section className="card compare-counts" aria-labelledby="compare-counts-heading">
      <h2 id="compare-counts-heading">Outcomes side by side</h2>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Outcome counts of test A and test B</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Measure</span>
              </th>
              {sides.map((side) => (
                <th scope="col" key={side.key} className="num compare-counts__test">
                  {side.key === 'A' ? 'A (before)' : 'B (after)'}
                  <div className="compare-counts__id">
                    <Link className="mono" to={testPath(side.id)}>
                      {side.id}
                    </Link>
                  </div>
                  {side.recent && side.recent.policies.length > 0 && (
                    <div className="compare-counts__policy">
                      <PolicyRefs policies={side.recent.policies} />
                    </div>
                  )}
                </th>
              ))}
              <th scope="col" className="num">
                Change
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Status</th>
              {sides.map((side) => (
                <td key={side.key} className="num">
                  <SideStatus side={side} />
                </td>
              ))}
              <td />
            </tr>
            {rows.map((row) => {
              const a = A!.query.data ? row.of(A!.query.data) : undefined;
              const b = B!.query.data ? row.of(B!.query.data) : undefined;
              const delta = a !== undefined && b !== undefined ? b - a : undefined;
              return (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  <td className="num">{a === undefined ? '—' : formatCount(a)}</td>
                  <td className="num">{b === undefined ? '—' : formatCount(b)}</td>
                  <td className="num">
                    {delta === undefined
                      ? '—'
                      : delta === 0
                        ? '±0'
                        : `${delta > 0 ? '+' : '−'}${formatCount(Math.abs(delta))}`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function SideStatus({ side }: { side: Side }) {
  const { query } = side;
  if (isGoneError(query.error)) return <span className="tone--danger">This test no longer exists</span>;
  if (query.data) return <TestStatusBadge status={query.data.status} />;
  if (query.isError)
    return <ErrorState compact error={query.error} what={`test ${side.key}`} onRetry={() => void query.refetch()} />;
  return <span className="muted">Loading…</span>;
}

function indexesFor(comparison: Comparison, change: ChangeView): number[] | undefined {
  if (change === 'all') return undefined;
  if (change === 'changed') return comparison.changed;
  return comparison.byKind[change];
}

function CompareResults({
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
  const [exporting, setExporting] = useState<'idle' | 'running' | 'done'>('idle');
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

  const exportCsv = async () => {
    setExporting('running');
    const parts = await comparisonCsvParts(comparison.rows, indexes);
    downloadFile(parts, comparisonFileName(view.a, view.b, view.change));
    setExporting('done');
  };

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
        <SegmentedFilter<ChangeView>
          legend="Show"
          options={options}
          value={view.change}
          onChange={(change) => go({ change, page: 1 })}
        />
        <PageSizeSelect
          value={view.perPage}
          onChange={(perPage) => go({ perPage, page: pageForSize(view.page, view.perPage, perPage) })}
        />
        <div className="export">
          <button
            type="button"
            className="button"
            onClick={() => void exportCsv()}
            disabled={total === 0 || exporting === 'running'}
          >
            <Icon name="download" />
            {exporting === 'running' ? 'Preparing…' : 'Export CSV'}
            <span className="visually-hidden">
              : {label.toLowerCase()}, {formatCount(total)} rows
            </span>
          </button>
          <div role="status" className="export__status">
            {exporting === 'done' && <span>Saved {comparisonFileName(view.a, view.b, view.change)}.</span>}
          </div>
        </div>
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
