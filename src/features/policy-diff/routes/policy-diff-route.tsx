import { Activity, Suspense, lazy, memo, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from '@/lib/router';
import { useNavigate } from '@/lib/router/use-navigate';
import { useParams } from '@/lib/router/use-params';
import { Icon } from '@/components/icon/icon';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { ApiError } from '@/lib/api/api-error';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { policyPath, usePolicyVersion, usePolicyVersions, versionPath, type VersionStamp } from '@/features/policies';
import { PolicyRisksBanner } from '@/features/appeal-trace';
import { diffPolicies } from '../structural/diff-policies';
import { ChangeNavigator } from '../components/change-navigator';
import { ChangeSummary } from '../components/change-summary';
import { StructuralDiffView, changeElementId } from '../components/structural-diff-view';
import { useChangeNavigation } from '../components/use-change-navigation';
import { DIFF_VIEWS, diffRoute, parseDiffRange, parseDiffView, type DiffView } from './diff-params';
import './policy-diff.css';
import { PageHeader } from '@/components/page-header/page-header';
import { SegmentedControl } from '@/components/segmented-control/segmented-control';

// The line views load only when someone opens one — or, once the page is idle, ahead of the click.
// (YAML writing and jsdiff load in the worker, or on demand for small documents.)
const loadLineDiffView = () => import('../components/line-diff-view');
const LineDiffView = lazy(() => loadLineDiffView().then((m) => ({ default: m.LineDiffView })));

function whenIdle(run: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run, { timeout: 3_000 });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(run, 500);
  return () => clearTimeout(timer);
}

export function PolicyDiffRoute() {
  const { id = '', range: rawRange } = useParams();
  const range = parseDiffRange(rawRange);
  if (!range.ok) {
    return (
      <section className="page" aria-labelledby="diff-title">
        <h1 id="diff-title">
          Compare versions of <span className="mono">{id}</span>
        </h1>
        <div className="policy-notice policy-notice--warning" role="alert">
          <p>{range.message}</p>
          <p>
            <Link to={policyPath(id)}>Open the latest version of {id}</Link>
          </p>
        </div>
      </section>
    );
  }
  return <DiffPage id={id} from={range.from} to={range.to} />;
}

const NO_VERSIONS: VersionStamp[] = [];

const isNotFound = (error: unknown) => error instanceof ApiError && error.kind === 'http' && error.status === 404;

function DiffPage({ id, from, to }: { id: string; from: number; to: number }) {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const { view, problem } = parseDiffView(searchParams.get('view'));
  const list = usePolicyVersions(id);
  const versions = list.data ?? NO_VERSIONS;
  const before = usePolicyVersion(id, from);
  const after = usePolicyVersion(id, to);
  const go = (next: { from?: number; to?: number; view?: DiffView }) =>
    void navigate(diffRoute(id, next.from ?? from, next.to ?? to, next.view ?? view));

  return (
    <section className="page page--wide diff-page" aria-labelledby="diff-title">
      <PageHeader
        crumbs={[
          { to: '/policies', label: 'Policies' },
          { to: policyPath(id), label: id, mono: true },
        ]}
        titleId="diff-title"
        title={`What changed from v${from} to v${to}`}
      />
      <div className="diff-toolbar">
        <VersionPicker label="From" value={from} versions={versions} onChange={(v) => go({ from: v })} />
        <button
          type="button"
          className="button button--icon"
          aria-label="Swap the two versions"
          title="Swap"
          onClick={() => go({ from: to, to: from })}
        >
          <Icon name="compare" />
        </button>
        <VersionPicker label="To" value={to} versions={versions} onChange={(v) => go({ to: v })} />
        <SegmentedControl<DiffView>
          legend="Show the difference as"
          hideLegend
          className="diff-toolbar__view"
          options={DIFF_VIEWS.map((option) => ({ value: option.id, label: option.label }))}
          value={view}
          onChange={(next) => go({ view: next })}
        />
      </div>
      {problem && (
        <div className="policy-notice policy-notice--info" role="status">
          <p>{problem}</p>
        </div>
      )}
      {list.isError && (
        <ErrorState compact error={list.error} what="the version list" onRetry={() => void list.refetch()} />
      )}
      <Versions id={id} from={from} to={to} before={before} after={after} versions={versions} view={view} />
    </section>
  );
}

function VersionPicker({
  label,
  value,
  versions,
  onChange,
}: {
  label: string;
  value: number;
  versions: readonly VersionStamp[];
  onChange: (version: number) => void;
}) {
  const known = versions.some((v) => v.version === value);
  return (
    <label className="diff-picker">
      <span className="diff-picker__label">{label}</span>
      <select className="select" value={value} onChange={(event) => onChange(Number(event.target.value))}>
        {!known && <option value={value}>v{value}</option>}
        {versions.map((v) => (
          <option key={v.version} value={v.version}>
            v{v.version}
            {v === versions[0] ? ' (latest)' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}

type VersionQuery = ReturnType<typeof usePolicyVersion>;

function Versions({
  id,
  from,
  to,
  before,
  after,
  versions,
  view,
}: {
  id: string;
  from: number;
  to: number;
  before: VersionQuery;
  after: VersionQuery;
  versions: readonly VersionStamp[];
  view: DiffView;
}) {
  if (before.isPending || after.isPending) return <LoadingState label={`Loading v${from} and v${to}…`} />;
  for (const [query, version] of [
    [before, from],
    [after, to],
  ] as const) {
    if (!query.isError) continue;
    if (isNotFound(query.error)) {
      return (
        <div className="policy-notice policy-notice--warning" role="alert">
          <p>
            <strong>
              {versions.length > 0
                ? `Version ${version} of ${id} does not exist.`
                : `There is no policy ${id}, or no version ${version} of it.`}
            </strong>{' '}
            {versions.length > 0 && `Pick another version above; the latest is v${versions[0]!.version}.`}
          </p>
        </div>
      );
    }
    return (
      <ErrorState
        error={query.error}
        what={`version ${version}`}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }
  return <Comparison before={before.data!} after={after.data!} view={view} />;
}

function Comparison({ before, after, view }: { before: Policy; after: Policy; view: DiffView }) {
  const diff = useMemo(() => diffPolicies(before, after), [before, after]);
  // The line view last shown (kept, hidden, while the structural one is up); none until one is opened.
  const [lastLineMode, setLastLineMode] = useState<'split' | 'unified' | undefined>(
    view === 'summary' ? undefined : view,
  );
  if (view !== 'summary' && view !== lastLineMode) setLastLineMode(view);
  const lineMode = view === 'summary' ? lastLineMode : view;
  // Once the page is idle, the line view's code loads and the line diff is computed (in a worker when
  // large), while the summary is read: "Split lines" then shows it at once. Let go when the versions change.
  useEffect(() => {
    let release: (() => void) | undefined;
    let left = false;
    const cancelIdle = whenIdle(
      () =>
        void loadLineDiffView().then(
          (m) => {
            if (!left) release = m.prefetchLineDiff(before, after);
          },
          () => undefined,
        ),
    );
    return () => {
      left = true;
      cancelIdle();
      release?.();
    };
  }, [before, after]);
  return (
    <>
      <Suspense fallback={null}>
        <PolicyRisksBanner policy={after} label={`v${after.version}`} />
      </Suspense>
      <section className="diff-summary card" aria-labelledby="diff-summary-title">
        <h2 id="diff-summary-title" className="diff-summary__title">
          In short{' '}
          <span className="muted diff-summary__count">
            ({diff.changes.length} {diff.changes.length === 1 ? 'change' : 'changes'})
          </span>
        </h2>
        <ChangeSummary
          items={diff.summary}
          hrefOf={
            view === 'summary'
              ? (item) =>
                  `#${changeElementId(
                    'diff',
                    diff.changes.findIndex((c) => c.id === item.changeId),
                  )}`
              : undefined
          }
        />
        <p className="diff-summary__links muted">
          <Link to={versionPath(before.id, before.version)}>Open v{before.version}</Link> ·{' '}
          <Link to={versionPath(after.id, after.version)}>Open v{after.version}</Link>
        </p>
      </section>
      {/* Both views stay mounted once opened, the one not shown hidden (its keys and effects off):
          switching back and forth is a change of display, not thousands of nodes torn down and rebuilt. */}
      <Activity mode={view === 'summary' ? 'visible' : 'hidden'}>
        <StructuralSection diff={diff} />
      </Activity>
      {lineMode && (
        <Activity mode={view === 'summary' ? 'hidden' : 'visible'}>
          <LineSection before={before} after={after} mode={lineMode} />
        </Activity>
      )}
    </>
  );
}

// Memoised: a view switch re-renders the page, not the (possibly hidden) views whose input is unchanged.
const StructuralSection = memo(function StructuralSection({ diff }: { diff: ReturnType<typeof diffPolicies> }) {
  const nav = useChangeNavigation(diff.changes.length);
  const current = nav.current;
  useEffect(() => {
    if (current < 0) return;
    const element = document.getElementById(changeElementId('diff', current));
    element?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
    element?.focus({ preventScroll: true });
  }, [current]);
  return (
    <section className="diff-detail" aria-label="Changes part by part">
      <div className="diff-detail__bar">
        <ChangeNavigator
          current={nav.current}
          count={diff.changes.length}
          onNext={nav.next}
          onPrevious={nav.previous}
        />
      </div>
      <StructuralDiffView diff={diff} current={nav.current} />
    </section>
  );
});

const LineSection = memo(function LineSection({
  before,
  after,
  mode,
}: {
  before: Policy;
  after: Policy;
  mode: 'split' | 'unified';
}) {
  return (
    <section className="diff-detail" aria-label="Line by line">
      <p className="muted diff-detail__note">
        Both versions as normalised YAML (Guardian’s field names, a fixed key order, zero values left out). Secrets are
        masked; a changed secret reads “(changed)”.
      </p>
      <Suspense fallback={<LoadingState label="Loading the line view…" />}>
        <LineDiffView
          before={before}
          after={after}
          mode={mode}
          beforeLabel={`v${before.version}`}
          afterLabel={`v${after.version}`}
        />
      </Suspense>
    </section>
  );
});
