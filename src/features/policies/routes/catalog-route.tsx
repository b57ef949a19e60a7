import { useCallback, useDeferredValue, useEffect, useMemo, useRef } from 'react';
import { EmptyState } from '@/components/states/empty-state';
import { ErrorState } from '@/components/states/error-state';
import { WaitingState } from '@/components/states/waiting-state';
import { useRequestWait } from '@/lib/api/use-request-wait';
import { Link, useSearchParams } from '@/lib/router';
import { usePolicies, type PolicyVersionList } from '../api/get-policies';
import { policyKeys } from '../api/policy-keys';
import { CATALOG_PAGE_SIZE, catalogSearch, parseCatalogParams, type CatalogParams } from '../catalog/catalog-params';
import { filterCatalog, indexSummaries, labelOptions } from '../catalog/filter-catalog';
import { sortCatalog } from '../catalog/sort-catalog';
import { summarizePolicies } from '../catalog/summarize-policies';
import { CatalogPager } from '../components/catalog-pager';
import { CatalogTable } from '../components/catalog-table';
import { CatalogToolbar } from '../components/catalog-toolbar';
import { DownloadAllButton } from '../components/download-all-button';
import { DuplicatesNotice } from '../components/duplicates-notice';
import { UnreadableNotice } from '../components/unreadable-notice';
import './catalog.css';
import { PageHeader } from '@/components/page-header/page-header';

/**
 * The catalog pages its rows (`page` in the URL, 100 a page): 10,000 policies sort and filter in memory,
 * but only one page is ever in the document.
 */
export function CatalogRoute() {
  const policies = usePolicies();
  const wait = useRequestWait(policies, policyKeys.list());
  return (
    <section className="page page--wide" aria-labelledby="catalog-title">
      <PageHeader
        titleId="catalog-title"
        title="Policies"
        subtitle="Every approval policy with its latest version."
        actions={
          <>
            {policies.isSuccess && <DownloadAllButton list={policies.data} />}
            <Link className="button" to="/policies/apply">
              Apply from files
            </Link>
            <Link className="button button--primary" to="/policies/new">
              New policy
            </Link>
          </>
        }
      />
      {policies.isPending && <WaitingState label="Loading policies…" server="Guardian" wait={wait} />}
      {policies.isError && (
        <ErrorState
          error={policies.error}
          what="the policy list"
          onRetry={() => void policies.refetch()}
          retrying={policies.isFetching}
          waited={wait.waited}
        />
      )}
      {policies.isSuccess && <Catalog list={policies.data} />}
    </section>
  );
}

function Catalog({ list }: { list: PolicyVersionList }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(() => parseCatalogParams(searchParams), [searchParams]);
  const rows = useMemo(() => indexSummaries(summarizePolicies(list.versions)), [list.versions]);
  const options = useMemo(() => labelOptions(rows), [rows]);
  // Sorted once per order; filtering keeps that order, so a keystroke only scans.
  const sorted = useMemo(() => sortCatalog(rows, params.sort, params.dir), [rows, params.sort, params.dir]);
  // Typing stays responsive with 10,000 rows: filtering runs at a lower priority than the input.
  const q = useDeferredValue(params.q);
  const labels = useDeferredValue(params.labels);
  const visible = useMemo(() => filterCatalog(sorted, q, labels), [sorted, q, labels]);

  const pageCount = Math.max(1, Math.ceil(visible.length / CATALOG_PAGE_SIZE));
  const page = Math.min(params.page, pageCount);
  const pageRows = visible.slice((page - 1) * CATALOG_PAGE_SIZE, page * CATALOG_PAGE_SIZE);

  // A filter or another order starts again at the first page.
  const update = useCallback(
    (change: Partial<Omit<CatalogParams, 'page'>>) => {
      setSearchParams(catalogSearch({ ...params, ...change, page: 1 }), { replace: true });
    },
    [params, setSearchParams],
  );
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
      <UnreadableNotice rows={list.unreadable} />
      <DuplicatesNotice duplicates={list.duplicates} />
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
          ? `${visible.length} of ${rows.length} ${rows.length === 1 ? 'policy' : 'policies'} match`
          : `${rows.length} ${rows.length === 1 ? 'policy' : 'policies'}`}
      </p>
      <CatalogTable
        rows={pageRows}
        sort={params.sort}
        dir={params.dir}
        onSort={(sort, dir) => update({ sort, dir })}
        onLabel={(key, value) => {
          if (!params.labels.some((l) => l.key === key && l.value === value))
            update({ labels: [...params.labels, { key, value }] });
        }}
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
