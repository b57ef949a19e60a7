import { Navigate } from '@/lib/router';
import { useParams } from '@/lib/router/use-params';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { usePolicyVersion } from '../api/get-policy-version';

/** `/policies/:id` opens the latest version, under its own number so the URL stays a permalink. */
export function LatestVersionRoute() {
  const id = useParams().id ?? '';
  const latest = usePolicyVersion(id, 0);
  if (latest.isPending) return <LoadingState label={`Loading ${id}…`} />;
  if (latest.isError) {
    return (
      <section className="page">
        <h1 className="mono">{id}</h1>
        <ErrorState
          error={latest.error}
          what="this policy"
          onRetry={() => void latest.refetch()}
          retrying={latest.isFetching}
        />
      </section>
    );
  }
  return <Navigate replace to={`/policies/${encodeURIComponent(id)}/versions/${latest.data.version}`} />;
}
