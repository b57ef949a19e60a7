import { useState } from 'react';
import { Link, useSearchParams } from '@/lib/router';
import { useParams } from '@/lib/router/use-params';
import type { Policy } from '@/lib/api/guardian/policy-schema';
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
  // "The latest" is read once: the edit starts from the version it loaded, even when the polled
  // latest moves on (that is a conflict to report, not a reason to swap the form's base).
  const pinKey = `${id}:${version}`;
  const [pinned, setPinned] = useState<{ key: string; policy: Policy }>();
  if (base.data && pinned?.key !== pinKey) setPinned({ key: pinKey, policy: base.data });
  const startFrom = pinned?.key === pinKey ? pinned.policy : base.data;

  if (!startFrom || (latest.isPending && !latest.isError)) {
    if (base.isError)
      return (
        <LoadError
          id={id}
          version={version}
          error={base.error}
          retry={() => void base.refetch()}
          retrying={base.isFetching}
        />
      );
    return (
      <section className="page">
        <LoadingState
          label={version ? `Loading version ${version} of ${id}…` : `Loading the latest version of ${id}…`}
        />
      </section>
    );
  }
  if (latest.isError && !latest.data) {
    return (
      <LoadError
        id={id}
        version={0}
        error={latest.error}
        retry={() => void latest.refetch()}
        retrying={latest.isFetching}
      />
    );
  }
  const notice =
    from.kind === 'invalid' ? (
      <p className="editor__banner editor__banner--warning" role="status">
        <Icon name="info" />
        <span>
          “from={from.raw}” in the address is not a version number, so this edit starts from the latest version (
          {startFrom.version}).
        </span>
      </p>
    ) : undefined;
  return (
    <PolicyEditor
      key={`${id}:${startFrom.version}`}
      policyId={id}
      base={startFrom}
      latestVersion={Math.max(latest.data?.version ?? 0, startFrom.version)}
      notice={notice}
    />
  );
}

function LoadError({
  id,
  version,
  error,
  retry,
  retrying,
}: {
  id: string;
  version: number;
  error: unknown;
  retry: () => void;
  retrying: boolean;
}) {
  return (
    <section className="page">
      <h1 className="break-anywhere">Edit {id}</h1>
      <ErrorState
        error={error}
        what={version ? `version ${version} of this policy` : 'this policy'}
        onRetry={retry}
        retrying={retrying}
      />
      <p className="editor__after-error">
        <Link to="/policies">Back to the policies</Link>
        {' · '}
        <Link to="/policies/new">Create a new policy</Link>
      </p>
    </section>
  );
}
