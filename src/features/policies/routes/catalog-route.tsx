import { Link } from 'react-router';
import { EmptyState } from '@/components/states/empty-state';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { usePolicies } from '../api/get-policies';
import { summarizePolicies } from '../catalog/summarize-policies';
import { formatDate } from '@/lib/format/format-date';

export function CatalogRoute() {
  const policies = usePolicies();
  return (
    <section className="page">
      <header className="page__header">
        <div>
          <h1>Policies</h1>
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
      {policies.isSuccess && <CatalogTable versions={policies.data.versions} />}
    </section>
  );
}

function CatalogTable({ versions }: { versions: Parameters<typeof summarizePolicies>[0] }) {
  const rows = summarizePolicies(versions);
  if (rows.length === 0)
    return <EmptyState title="No policies yet">Create the first one with “New policy”.</EmptyState>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Policies</caption>
        <thead>
          <tr>
            <th scope="col">Policy</th>
            <th scope="col">Title / description</th>
            <th scope="col" className="num">
              Latest
            </th>
            <th scope="col" className="num">
              Versions
            </th>
            <th scope="col" className="num">
              Steps
            </th>
            <th scope="col">Labels</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <Link className="mono" to={`/policies/${encodeURIComponent(row.id)}/versions/${row.latest.version}`}>
                  {row.id}
                </Link>
              </td>
              <td className="break-anywhere">{row.title || row.description}</td>
              <td className="num">v{row.latest.version}</td>
              <td className="num">{row.versions.length}</td>
              <td className="num">{row.stepCount}</td>
              <td>
                {Object.entries(row.labels).map(([key, value]) => (
                  <span key={key} className="chip">
                    {key}: {value}
                  </span>
                ))}
              </td>
              <td>{formatDate(row.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
