import { Suspense, lazy, type ReactNode } from 'react';
import { Link, Navigate, useLocation, useSearchParams } from '@/lib/router';
import { useParams } from '@/lib/router/use-params';
import { ClampedText } from '@/components/clamped-text/clamped-text';
import { Icon } from '@/components/icon/icon';
import { PolicyRisksBanner, tracePath, VersionCasesSummary } from '@/features/appeal-trace';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { WaitingState } from '@/components/states/waiting-state';
import { useRequestWait } from '@/lib/api/use-request-wait';
import { ApiError } from '@/lib/api/api-error';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { formatDate } from '@/lib/format/format-date';
import { usePolicyVersion } from '../api/get-policy-version';
import { usePolicyVersions } from '../api/get-policy-versions';
import { policyKeys } from '../api/policy-keys';
import type { VersionStamp } from '../catalog/summarize-policies';
import { VersionOverview } from '../components/version-overview';
import { VersionTabs, isVersionTab, panelId, tabId, type VersionTab } from '../components/version-tabs';
import { VersionTimeline } from '../components/version-timeline';
import { parseVersionParam } from '../version/parse-version-param';
import { useRestore } from '../version/use-restore';
import { launchTestPath } from '@/features/policy-tests';
import { diffPath, editPath, policyPath, versionPath } from '../version/version-paths';
import './policy-version.css';
import { PageHeader } from '@/components/page-header/page-header';

// Loaded when used: YAML writing and the diff engine are most of this view's weight.
const RawDocument = lazy(() => import('../components/raw-document').then((m) => ({ default: m.RawDocument })));
const RestoreDialog = lazy(() => import('../components/restore-dialog').then((m) => ({ default: m.RestoreDialog })));

export function PolicyVersionRoute() {
  const { id = '', version: raw } = useParams();
  const parsed = parseVersionParam(raw);
  if (parsed.kind === 'latest') return <Navigate replace to={policyPath(id)} />;
  if (parsed.kind === 'invalid') {
    return (
      <NoSuchVersion id={id}>
        <p>
          <strong>This address does not name a version.</strong> {parsed.message}
        </p>
        <p>
          <Link to={policyPath(id)}>Open the latest version of {id}</Link> · <Link to="/policies">All policies</Link>
        </p>
      </NoSuchVersion>
    );
  }
  return <VersionPage key={`${id}@${parsed.version}`} id={id} version={parsed.version} />;
}

const NO_VERSIONS: VersionStamp[] = [];

/** A page for an address that names no version: the policy id as its title, then why and where to go. */
function NoSuchVersion({ id, children }: { id: string; children: ReactNode }) {
  return (
    <section className="page" aria-labelledby="version-title">
      <h1 id="version-title" className="mono">
        {id}
      </h1>
      <div className="policy-notice policy-notice--warning" role="alert">
        {children}
      </div>
    </section>
  );
}

const isNotFound = (error: unknown) => error instanceof ApiError && error.kind === 'http' && error.status === 404;

function VersionPage({ id, version }: { id: string; version: number }) {
  const policy = usePolicyVersion(id, version);
  const wait = useRequestWait(policy, policyKeys.version(id, version));
  const list = usePolicyVersions(id);
  const versions = list.data ?? NO_VERSIONS;

  if (policy.isPending) return <WaitingState label={`Loading ${id} v${version}…`} server="Guardian" wait={wait} />;
  if (policy.isError) {
    if (isNotFound(policy.error)) {
      const known = versions.length > 0;
      return (
        <NoSuchVersion id={id}>
          <p>
            <strong>{known ? `Version ${version} of this policy does not exist.` : 'Policy not found.'}</strong>{' '}
            {known
              ? `It has ${versions.length} ${versions.length === 1 ? 'version' : 'versions'}; the latest is v${versions[0]!.version}.`
              : list.isPending
                ? ''
                : 'The server has no policy with this id.'}
          </p>
          <p>
            {known && (
              <>
                <Link to={versionPath(id, versions[0]!.version)}>Open the latest version</Link> ·{' '}
              </>
            )}
            <Link to="/policies">All policies</Link>
          </p>
        </NoSuchVersion>
      );
    }
    return (
      <section className="page" aria-labelledby="version-title">
        <h1 id="version-title" className="mono">
          {id} <span className="muted">v{version}</span>
        </h1>
        <ErrorState
          error={policy.error}
          what={`version ${version}`}
          onRetry={() => void policy.refetch()}
          retrying={policy.isFetching}
          waited={wait.waited}
        />
      </section>
    );
  }
  return <VersionView policy={policy.data} versions={versions} listState={list} />;
}

function VersionView({
  policy,
  versions,
  listState,
}: {
  policy: Policy;
  versions: readonly VersionStamp[];
  listState: ReturnType<typeof usePolicyVersions>;
}) {
  const [searchParams, setSearchParams] = useSearchParams();
  const location = useLocation();
  const rawTab = searchParams.get('tab');
  const tab: VersionTab = isVersionTab(rawTab) ? rawTab : 'overview';

  const latestVersion = Math.max(versions[0]?.version ?? 0, policy.version);
  const restore = useRestore(policy, latestVersion);
  const isLatest = policy.version === latestVersion;
  const previous = versions.find((v) => v.version < policy.version)?.version;
  const { notice, saved } = (location.state as { notice?: string; saved?: boolean } | null) ?? {};

  const setTab = (next: VersionTab) => {
    const params = new URLSearchParams(searchParams);
    if (next === 'overview') params.delete('tab');
    else params.set('tab', next);
    setSearchParams(params, { replace: true });
  };

  return (
    <div className="page page--wide version-page">
      <PageHeader
        crumbs={[{ to: '/policies', label: 'Policies' }]}
        titleId="version-title"
        titleClassName="version-page__title"
        title={
          <>
            <span className="mono">{policy.id}</span> <span className="version-page__number">v{policy.version}</span>{' '}
            {isLatest && <span className="badge badge--success">Latest</span>}
          </>
        }
        actions={
          <>
            {previous !== undefined ? (
              <Link className="button" to={diffPath(policy.id, previous, policy.version)}>
                <Icon name="compare" /> Compare with previous
              </Link>
            ) : (
              <button type="button" className="button" disabled title="This is the first version">
                <Icon name="compare" /> Compare with previous
              </button>
            )}
            <Link className="button" to={tracePath(policy.id, policy.version)}>
              <Icon name="search" /> Trace an appeal
            </Link>
            <Link
              className="button"
              to={launchTestPath({ policyId: policy.id, version: policy.version }, { start: true })}
            >
              <Icon name="flask" /> Test this version
            </Link>
            {isLatest ? (
              <Link className="button button--primary" to={editPath(policy.id)}>
                <Icon name="edit" /> Edit
              </Link>
            ) : (
              <>
                <Link className="button" to={editPath(policy.id, policy.version)}>
                  <Icon name="edit" /> Edit from this version
                </Link>
                <button type="button" className="button button--primary" onClick={restore.start}>
                  <Icon name="restore" /> Restore as new version
                </button>
              </>
            )}
          </>
        }
      >
        {policy.title && <p className="version-page__policy-title break-anywhere">{policy.title}</p>}
        {policy.description && (
          <ClampedText text={policy.description} label="Description" className="page__subtitle break-anywhere" />
        )}
        <Suspense fallback={null}>
          <VersionCasesSummary policy={policy} />
        </Suspense>
        <p className="version-page__meta muted">
          Saved {formatDate(policy.createdAt ?? policy.updatedAt)}
          {policy.createdBy && (
            <>
              {' '}
              by <span className="break-anywhere">{policy.createdBy}</span>
            </>
          )}
        </p>
      </PageHeader>

      {notice && (
        <div className={`policy-notice ${saved ? 'policy-notice--success' : 'policy-notice--info'}`} role="status">
          <p>
            {saved && <Icon name="approved" className="policy-notice__icon" />}
            {notice}
          </p>
        </div>
      )}
      <Suspense fallback={null}>
        <PolicyRisksBanner policy={policy} />
      </Suspense>
      {!isLatest && (
        <div className="policy-notice policy-notice--warning">
          <p>
            You are reading an older version. The latest is{' '}
            <Link to={versionPath(policy.id, latestVersion)}>v{latestVersion}</Link>
            {' · '}
            <Link to={diffPath(policy.id, policy.version, latestVersion)}>what changed since</Link>
          </p>
        </div>
      )}

      <div className="version-page__body page__columns">
        <div className="version-page__main">
          <VersionTabs current={tab} onChange={setTab} />
          <div role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)} className="version-page__panel">
            {tab === 'overview' ? (
              <VersionOverview policy={policy} />
            ) : (
              <Suspense fallback={<LoadingState label={`Writing ${tab.toUpperCase()}…`} />}>
                <RawDocument policy={policy} format={tab} />
              </Suspense>
            )}
          </div>
        </div>
        <aside className="version-page__aside">
          {listState.isPending && <LoadingState label="Loading versions…" />}
          {listState.isError && (
            <ErrorState
              compact
              error={listState.error}
              what="the version list"
              onRetry={() => void listState.refetch()}
            />
          )}
          {listState.isSuccess && (
            <VersionTimeline
              id={policy.id}
              versions={versions.length > 0 ? versions : [policy]}
              current={policy.version}
            />
          )}
        </aside>
      </div>

      {!isLatest && restore.open && (
        <Suspense fallback={null}>
          <RestoreDialog
            open
            policy={policy}
            latestVersion={restore.latestVersion}
            newer={restore.newer}
            onCancel={restore.cancel}
            onConfirm={restore.problem?.kind === 'unknown' ? restore.checkAgain : restore.confirm}
            busy={restore.busy}
            problem={restore.problem}
          />
        </Suspense>
      )}
    </div>
  );
}
