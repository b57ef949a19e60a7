import { useParams, useSearchParams } from 'react-router';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { Icon } from '@/components/icon/icon';
import { usePolicyVersion } from '@/features/policies';
import { PolicyEditor } from '../components/policy-editor';
import { useLatestVersion } from '../hooks/use-latest-version';
import { parseFromParam } from './parse-from-param';

/** `/policies/:id/edit[?from=N]`: a new version, starting from the latest or from version N. */
export function EditPolicyRoute() {
  const { id = '' } = useParams();
  const [searchParams] = useSearchParams();
  const from = parseFromParam(searchParams.get('from'));
  const version = from.kind === 'version' ? from.version : 0;
  const base = usePolicyVersion(id, version);
  const latest = useLatestVersion(id);

  if (base.isPending || (latest.isPending && !latest.isError)) {
    return (
      <section className="page">
        <LoadingState label={version ? `Loading version ${version} of ${id}…` : `Loading the latest version of ${id}…`} />
      </section>
    );
  }
  if (base.isError || latest.isError) {
    return (
      <section className="page">
        <h1 className="break-anywhere">Edit {id}</h1>
        <ErrorState
          error={base.error ?? latest.error}
          what={version ? `version ${version} of this policy` : 'this policy'}
          onRetry={() => void (base.isError ? base.refetch() : latest.refetch())}
          retrying={base.isFetching || latest.isFetching}
        />
      </section>
    );
  }
  const notice =
    from.kind === 'invalid' ? (
      <p className="editor__banner editor__banner--warning" role="status">
        <Icon name="info" />
        <span>
          “from={from.raw}” in the address is not a version number, so this edit starts from the latest version ({base.data.version}).
        </span>
      </p>
    ) : undefined;
  return (
    <PolicyEditor
      key={`${id}:${base.data.version}`}
      policyId={id}
      base={base.data}
      latestVersion={latest.data.version}
      notice={notice}
    />
  );
}
