import { useMemo, useState } from 'react';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { usePolicyVersion, versionPath } from '@/features/policies';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { TARGETS } from '@/lib/expr';
import { Link, useSearchParams } from '@/lib/router';
import { useParams } from '@/lib/router/use-params';
import { useSettings } from '@/lib/settings';
import { useDirectoryUser } from '../api/get-directory-user';
import { CreatorFieldset } from '../components/creator-fieldset';
import { ResourceFieldset } from '../components/resource-fieldset';
import { CasesPanel } from '../components/cases-panel';
import { SaveCaseForm } from '../components/save-case-form';
import { TraceResult } from '../components/trace-result';
import { usePolicyCases } from '../cases/cases-store';
import { caseToForm } from '../form/case-to-form';
import { useCaseResults } from '../run/use-case-results';
import { buildTraceInput, type CreatorChoice } from '../form/build-trace-input';
import { traceJob } from '../form/trace-job';
import { readTraceForm, withTraceForm, type TraceForm } from '../form/trace-params';
import { useTraces } from '../run/use-traces';
import '../trace.css';

export function TraceRoute() {
  const { id = '', version: raw = '' } = useParams();
  const version = /^\d{1,9}$/.test(raw.trim()) ? Number(raw) : undefined;
  if (version === undefined) {
    return (
      <section className="page" aria-labelledby="trace-title">
        <h1 id="trace-title">Trace an appeal</h1>
        <div className="trace-notice trace-notice--warning" role="alert">
          <p>“{raw.slice(0, 40)}” is not a version number. Versions are whole numbers from 1 up.</p>
          <p>
            <Link to="/policies">All policies</Link>
          </p>
        </div>
      </section>
    );
  }
  return <TracePage key={`${id}@${version}`} id={id} version={version} />;
}

function TracePage({ id, version }: { id: string; version: number }) {
  const policy = usePolicyVersion(id, version);
  if (policy.isPending) return <LoadingState label={`Loading ${id} v${version}…`} />;
  if (policy.isError)
    return (
      <section className="page" aria-labelledby="trace-title">
        <h1 id="trace-title">
          Trace an appeal <span className="mono muted">{id}</span>
        </h1>
        <ErrorState
          error={policy.error}
          what={`version ${version} of ${id}`}
          onRetry={() => void policy.refetch()}
          retrying={policy.isFetching}
        />
      </section>
    );
  return <TraceView policy={policy.data} />;
}

function TraceView({ policy }: { policy: Policy }) {
  const [params, setParams] = useSearchParams();
  const form = readTraceForm(params);
  const { exprTarget } = useSettings();
  const [openedAt] = useState(() => Date.now());
  const at = form.at === null ? NaN : Date.parse(form.at);
  const now = Number.isNaN(at) ? openedAt : at;
  const person = useDirectoryUser(form.source === 'user' && form.user ? form.user : undefined);
  const personChoice: CreatorChoice | undefined = person.data
    ? { createdBy: person.data.email, iam: person.data.iam, label: `${person.data.name} (${person.data.email})` }
    : undefined;
  const built = useMemo(() => buildTraceInput(form, policy, personChoice), [params, policy, person.data]); // eslint-disable-line react-hooks/exhaustive-deps
  const job = traceJob(policy, built, exprTarget, form.compare, now);
  const key = job ? JSON.stringify([job.targets, job.creator, job.request, policy.id, policy.version]) : '';
  const traces = useTraces(job, key);
  const { cases, persistent } = usePolicyCases(policy.id);
  const caseResults = useCaseResults(() => policy, cases, exprTarget, `${policy.id}@${policy.version}`, 0);
  const [saving, setSaving] = useState(false);
  const [savedName, setSavedName] = useState<string | undefined>(undefined);
  const update = (patch: Partial<TraceForm>) => setParams(withTraceForm(params, patch), { replace: true });
  const shown = traces.status === 'done' ? traces.traces : traces.status === 'running' ? traces.previous : undefined;
  const targetLabel = TARGETS.find((t) => t.id === exprTarget)?.label ?? exprTarget;
  const personStatus =
    form.source !== 'user' || !form.user
      ? undefined
      : person.isPending
        ? `Looking up ${form.user}…`
        : person.isError
          ? `Could not look up ${form.user}: ${person.error.message}`
          : personChoice && `Tracing ${personChoice.label}.`;

  return (
    <div className="page page--wide trace-page">
      <header className="page__header">
        <div>
          <p className="trace-page__crumbs">
            <Link to="/policies">Policies</Link> <span aria-hidden="true">/</span>{' '}
            <Link to={versionPath(policy.id, policy.version)}>
              <span className="mono">{policy.id}</span> v{policy.version}
            </Link>{' '}
            <span aria-hidden="true">/</span>
          </p>
          <h1 id="trace-title">Trace an appeal</h1>
          <p className="page__subtitle">
            One person’s appeal through <span className="mono">{policy.id}</span> v{policy.version}, step by step, as{' '}
            {targetLabel} would walk it (<Link to="/settings">change the target in Settings</Link>).
          </p>
        </div>
      </header>
      <div className="trace-page__body page__columns">
        <form className="trace-form" aria-label="Appeal to trace" onSubmit={(event) => event.preventDefault()}>
          <CreatorFieldset form={form} errors={built.errors} onChange={update} personStatus={personStatus} />
          <ResourceFieldset form={form} policy={policy} errors={built.errors} onChange={update} />
        </form>
        <div className="trace-page__main">
          <section
            className="trace-result"
            aria-labelledby="trace-result-title"
            aria-busy={traces.status === 'running'}
          >
            <div className="spread-row trace-result__head">
              <h2 id="trace-result-title">Trace result</h2>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={form.compare}
                  onChange={(event) => update({ compare: event.target.checked })}
                />
                Show the other targets side by side
              </label>
            </div>
            {traces.status === 'failed' ? (
              <div className="trace-notice trace-notice--warning" role="alert">
                <p>{traces.message}</p>
              </div>
            ) : !job ? (
              <p className="muted">
                {Object.values(built.errors)[0] ??
                  (person.isPending ? 'Looking the person up…' : 'Fill in who appeals to see the trace.')}
              </p>
            ) : shown && shown[0] ? (
              <TraceResult
                trace={shown[0]}
                all={form.compare ? shown : undefined}
                actions={
                  <>
                    <button
                      type="button"
                      className="button"
                      aria-expanded={saving}
                      onClick={() => {
                        setSaving(!saving);
                        setSavedName(undefined);
                      }}
                    >
                      Save as test case
                    </button>
                    {savedName && (
                      <span role="status" className="muted">
                        Saved “{savedName}”.
                      </span>
                    )}
                    {saving && built.creator && (
                      <SaveCaseForm
                        policyId={policy.id}
                        trace={shown[0]}
                        creator={built.creator}
                        request={built.request}
                        persistent={persistent}
                        onSaved={(name) => {
                          setSaving(false);
                          setSavedName(name);
                        }}
                      />
                    )}
                  </>
                }
              />
            ) : (
              <LoadingState label="Tracing…" />
            )}
          </section>
          <CasesPanel
            policyId={policy.id}
            policy={() => policy}
            state={caseResults}
            against={`v${policy.version}`}
            onLoad={(testCase) => {
              setParams(withTraceForm(params, caseToForm(testCase)), { replace: false });
              window.scrollTo({ top: 0 });
            }}
          />
        </div>
      </div>
    </div>
  );
}
