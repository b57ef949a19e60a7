import { useCallback, useDeferredValue, useEffect, useMemo, useRef } from 'react';
import { EmptyState } from '@/components/states/empty-state';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { WaitingState } from '@/components/states/waiting-state';
import type { RequestWait } from '@/lib/api/request-wait';
import { Link, useSearchParams } from '@/lib/router';
import { markFirstViewDrawn } from '@/lib/scheduling/first-view-drawn';
import { usePolicies, type PolicyCatalog } from '../api/get-policies';
import { useCatalogProgress } from '../catalog/catalog-progress';
import { CATALOG_PAGE_SIZE, catalogSearch, parseCatalogParams, type CatalogParams } from '../catalog/catalog-params';
import { filterCatalog, labelOptions } from '../catalog/filter-catalog';
import { sortCatalog } from '../catalog/sort-catalog';
import { formatCount } from '@/lib/format/format-number';
import { CatalogPager } from '../components/catalog-pager';
import { CatalogTable } from '../components/catalog-table';
import { CatalogToolbar } from '../components/catalog-toolbar';
import { DownloadAllButton } from '../components/download-all-button';
import { useListProblems, type ListProblemsView } from '../components/use-list-problems';
import './catalog.css';
import { PageHeader } from '@/components/page-header/page-header';

/**
 * The catalog pages its rows (`page` in the URL, 100 a page): 10,000 policies sort and filter in memory,
 * but only one page is ever in the document.
 */
export function CatalogRoute() {
  const policies = usePolicies();
  const { wait } = policies;
  const list = policies.isSuccess ? policies.data : undefined;
  // A list with problems is shown once their notices' code is in (it loads only for such a list).
  const problems = useListProblems(list);
  return (
    <section className="page page--wide" aria-labelledby="catalog-title">
      <PageHeader
        titleId="catalog-title"
        title="Policies"
        subtitle="Every approval policy with its latest version."
        actions={
          <>
            {/* There from the start (disabled until the list is in): the actions beside it never move. */}
            <DownloadAllButton count={list?.policies.length ?? 0} unreadable={list?.unreadableCount ?? 0} />
            <Link className="button" to="/policies/apply">
              Apply from files
            </Link>
            <Link className="button button--primary" to="/policies/new">
              New policy
            </Link>
          </>
        }
      />
      {(policies.isPending || (list && problems === undefined)) && <CatalogLoading wait={wait} />}
      {policies.isError && (
        <ErrorState
          error={policies.error}
          what="the policy list"
          onRetry={() => void policies.refetch()}
          retrying={policies.isFetching}
          waited={wait.waited}
        />
      )}
      {list && problems !== undefined && <Catalog list={list} problems={problems} />}
    </section>
  );
}

/**
 * Until Guardian answers, how long it has been silent (with Retry and Cancel); once the list streams
 * in, how much of it has been read: a 68 MB list takes seconds while the server is answering.
 */
function CatalogLoading({ wait }: { wait: RequestWait }) {
  const progress = useCatalogProgress();
  if (!progress) return <WaitingState label="Loading policies…" server="Guardian" wait={wait} />;
  const of = progress.total !== undefined ? ` of ${formatCount(progress.total)}` : '';
  return <LoadingState label={`Loading policies… ${formatCount(progress.rows)}${of} versions read`} />;
}

const NO_ROWS: PolicyCatalog['policies'] = [];

function Catalog({ list, problems: Problems }: { list: PolicyCatalog; problems: ListProblemsView | null }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(() => parseCatalogParams(searchParams), [searchParams]);
  const rows = list.policies;
  // The rows are on screen: what the next view needs may load now (src/app/prefetch-first-view.ts).
  useEffect(() => markFirstViewDrawn(), []);
  // The label filter's choices come just after the first rows: a pass over every policy is not in
  // the task that draws them.
  const optionRows = useDeferredValue(rows, NO_ROWS);
  const options = useMemo(() => labelOptions(optionRows), [optionRows]);
  // Sorted once per order; filtering keeps that order, so a keystroke only scans.
  const sorted = useMemo(() => sortCatalog(rows, params.sort, params.dir), [rows, params.sort, params.dir]);
  // Typing stays responsive with 10,000 rows: filtering runs at a lower priority than the input.
  const q = useDeferredValue(params.q);
  const labels = useDeferredValue(params.labels);
  const visible = useMemo(() => filterCatalog(sorted, q, labels), [sorted, q, labels]);

  const pageCount = Math.max(1, Math.ceil(visible.length / CATALOG_PAGE_SIZE));
  const page = Math.min(params.page, pageCount);
  const pageRows = useMemo(
    () => visible.slice((page - 1) * CATALOG_PAGE_SIZE, page * CATALOG_PAGE_SIZE),
    [visible, page],
  );

  // A filter or another order starts again at the first page.
  const update = useCallback(
    (change: Partial<Omit<CatalogParams, 'page'>>) => {
      setSearchParams(catalogSearch({ ...params, ...change, page: 1 }), { replace: true });
    },
    [params, setSearchParams],
  );
  // Rows are memoised, so they get one label action for good; it reads the filters of the moment.
  const current = useRef({ params, update });
  useEffect(() => {
    current.current = { params, update };
  });
  const addLabel = useCallback((key: string, value: string) => {
    const { params: now, update: apply } = current.current;
    if (!now.labels.some((l) => l.key === key && l.value === value)) apply({ labels: [...now.labels, { key, value }] });
  }, []);
  const hrefFor = (target: number) => {
    const query = catalogSearch({ ...params, page: target }).toString();
    return query ? `/policies?${query}` : '/policies';
  };

  // Another page begins at its first row, not where the pager was.
  const top = useRef<HTMLParagraphElement>(null);
  const shownPage = useRef(page);
  useEffect(() => {
    if (shownPage.current === page) return;
    shownPage.current = page;
    top.current?.scrollIntoView?.({ block: 'nearest' });
  }, [page]);

  if (rows.length === 0 && list.unreadable.length === 0) {
    return <EmptyState title="No policies yet">Create the first one with “New policy”.</EmptyState>;
  }
  const filtered = params.q !== '' || params.labels.length > 0;
  return (
    <>
      {params.problems.length > 0 && (
        <div className="policy-notice policy-notice--info" role="status">
          {params.problems.map((problem) => (
            <p key={problem}>{problem}</p>
          ))}
        </div>
      )}
      {Problems && <Problems list={list} />}
      <CatalogToolbar
        q={params.q}
        labels={params.labels}
        options={options}
        onSearch={(value) => update({ q: value })}
        onLabels={(value) => update({ labels: value })}
        onClear={() => update({ q: '', labels: [] })}
      />
      <p className="catalog__count" role="status" ref={top}>
        {filtered
          ? `${formatCount(visible.length)} of ${formatCount(rows.length)} ${rows.length === 1 ? 'policy' : 'policies'} match`
          : `${formatCount(rows.length)} ${rows.length === 1 ? 'policy' : 'policies'}`}
      </p>
      <CatalogTable
        rows={pageRows}
        sort={params.sort}
        dir={params.dir}
        onSort={(sort, dir) => update({ sort, dir })}
        onLabel={addLabel}
        empty={
          <EmptyState title={params.q ? `No policy matches “${params.q}”` : 'No policy matches these filters'}>
            <button type="button" className="button" onClick={() => update({ q: '', labels: [] })}>
              Clear filters
            </button>
          </EmptyState>
        }
      />
      {visible.length > 0 && (
        <CatalogPager
          page={page}
          pageCount={pageCount}
          first={(page - 1) * CATALOG_PAGE_SIZE + 1}
          last={(page - 1) * CATALOG_PAGE_SIZE + pageRows.length}
          total={visible.length}
          hrefFor={hrefFor}
        />
      )}
    </>
  );
}
