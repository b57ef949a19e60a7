import { useCallback, useDeferredValue, useMemo } from 'react';
import { Link, useSearchParams } from '@/lib/router';
import { DataTable, type SortingState } from '@/components/data-table';
import { EmptyState } from '@/components/states/empty-state';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { usePolicies, type PolicyVersionList } from '../api/get-policies';
import { catalogSearch, parseCatalogParams, type CatalogParams, type CatalogSortKey } from '../catalog/catalog-params';
import { filterCatalog, indexSummaries, labelOptions } from '../catalog/filter-catalog';
import { summarizePolicies } from '../catalog/summarize-policies';
import { catalogColumns } from '../components/catalog-columns';
import { CatalogToolbar } from '../components/catalog-toolbar';
import { UnreadableNotice } from '../components/unreadable-notice';
import '../components/notice.css';
import './catalog.css';

/**
 * Up to this many policies every row is in the page (the browser's find works, nothing jumps);
 * above it only the rows in view are, so that 10,000 policies scroll and filter smoothly.
 */
const VIRTUALIZE_ABOVE = 200;
const VIRTUAL_ROWS = { estimateRowHeight: 41, maxHeight: 'max(20rem, calc(100vh - 17rem))' };

export function CatalogRoute() {
  const policies = usePolicies();
  return (
    <section className="page page--wide" aria-labelledby="catalog-title">
      <header className="page__header">
        <div>
          <h1 id="catalog-title">Policies</h1>
          <p className="page__subtitle">Every approval policy with its latest version.</p>
        </div>
        <div className="page__actions">
          <Link className="button button--primary" to="/policies/new">
            New policy
          </Link>
        </div>
      </header>
      {policies.isPending && <LoadingState label="Loading policies…" />}
      {policies.isError && (
        <ErrorState
          error={policies.error}
          what="the policy list"
          onRetry={() => void policies.refetch()}
          retrying={policies.isFetching}
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
  // Typing stays responsive with 10,000 rows: filtering runs at a lower priority than the input.
  const q = useDeferredValue(params.q);
  const labels = useDeferredValue(params.labels);
  const visible = useMemo(() => filterCatalog(rows, q, labels), [rows, q, labels]);

  const update = useCallback(
    (change: Partial<CatalogParams>) => {
      const next = { ...params, ...change };
      setSearchParams(catalogSearch(next), { replace: true });
    },
    [params, setSearchParams],
  );
  const sorting: SortingState = useMemo(
    () => [{ id: params.sort, desc: params.dir === 'desc' }],
    [params.sort, params.dir],
  );

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
      <CatalogToolbar
        q={params.q}
        labels={params.labels}
        options={options}
        onSearch={(value) => update({ q: value })}
        onLabels={(value) => update({ labels: value })}
        onClear={() => update({ q: '', labels: [] })}
      />
      <p className="catalog__count" role="status">
        {filtered
          ? `${visible.length} of ${rows.length} ${rows.length === 1 ? 'policy' : 'policies'} match`
          : `${rows.length} ${rows.length === 1 ? 'policy' : 'policies'}`}
      </p>
      <DataTable
        data={visible}
        columns={catalogColumns}
        getRowId={(row) => row.id}
        caption="Policies"
        sorting={sorting}
        onSortingChange={(next) => {
          const first = next[0];
          if (first) update({ sort: first.id as CatalogSortKey, dir: first.desc ? 'desc' : 'asc' });
        }}
        virtualize={rows.length > VIRTUALIZE_ABOVE ? VIRTUAL_ROWS : undefined}
        empty={
          <EmptyState title={params.q ? `No policy matches “${params.q}”` : 'No policy matches these filters'}>
            <button type="button" className="button" onClick={() => update({ q: '', labels: [] })}>
              Clear filters
            </button>
          </EmptyState>
        }
      />
    </>
  );
}
