import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from '@/lib/router';
import { useNavigate } from '@/lib/router/use-navigate';
import { usePolicies, usePolicyVersion, type PolicySummary, type VersionStamp } from '@/features/policies';
import { Icon } from '@/components/icon/icon';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { LabelledSelect } from '@/components/labelled-select/labelled-select';
import { formatDate } from '@/lib/format/format-date';
import { missingCredentials } from '@/lib/api/policy-tests/policy-test-client';
import { useSettings } from '@/lib/settings';
import { guardianPolicyRef, useStartPolicyTest } from '../api/start-policy-test';
import { testProgressPath } from '../test-progress-path';
import { explainRefusal, parseLaunchParams, parsePolicyIds } from '../launch/launch-params';
import '../policy-tests.css';
import { TESTS_CRUMBS } from '../tests-crumbs';
import { PageHeader } from '@/components/page-header/page-header';

const NO_POLICIES: PolicySummary[] = [];

/** `/tests/new`: choose what to test, start it, and go to its progress. */
export function LaunchTestRoute() {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => parseLaunchParams(search), [search]);
  const settings = useSettings();
  const start = useStartPolicyTest();
  const navigate = useNavigate();
  const [rawIds, setRawIds] = useState(params.ids);
  const [submitted, setSubmitted] = useState(false);
  const idsField = useId();
  const idsHint = useId();
  const idsError = useId();

  const setParam = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(search);
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    }
    setSearch(next, { replace: true });
  };

  const policies = usePolicies();
  const summaries = policies.data?.policies ?? NO_POLICIES;
  const chosen = summaries.find((s) => s.id === params.policyId);
  const versions = chosen?.versions ?? [];
  const version = params.version ?? chosen?.latestVersion;
  const chosenVersion = versions.find((v) => v.version === version);

  const parsedIds = parsePolicyIds(rawIds);
  // A policy and version named in the address can be sent before the policy list arrives (the
  // server names an unknown one); "latest" needs the list to know which version that is.
  const guardianRef =
    chosen && chosenVersion
      ? guardianPolicyRef(chosen.id, chosenVersion.version)
      : policies.isPending && params.policyId && params.version !== undefined
        ? guardianPolicyRef(params.policyId, params.version)
        : undefined;
  const toSend = params.mode === 'ids' ? parsedIds.ids : guardianRef ? [guardianRef] : [];
  const canSend = params.mode === 'ids' ? parsedIds.problems.length === 0 : guardianRef !== undefined;

  // Every test belongs to an account: without one nothing is sent (the request would have no address).
  const noAccount = !settings.accountId.trim();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!canSend || noAccount || start.isPending) return;
    start.mutate(toSend, { onSuccess: (started) => void navigate(testProgressPath(started.id)) });
  };

  // "Test this version": the version is in the address, so the test starts without waiting for the
  // policy list. Once: the flag leaves the address at once (a reload shows the form, starts nothing),
  // and the progress page replaces this one (Back returns to where "Test this version" was).
  const startedNow = useRef(false);
  useEffect(() => {
    if (!params.startNow || startedNow.current) return;
    startedNow.current = true;
    setParam({ start: undefined });
    // Without an account the form stays, saying so; "Start test" then says why nothing was sent.
    if (params.mode !== 'guardian' || !params.policyId || params.version === undefined || noAccount) return;
    start.mutate([guardianPolicyRef(params.policyId, params.version)], {
      onSuccess: (started) => void navigate(testProgressPath(started.id), { replace: true }),
    });
  });

  const missing = missingCredentials(settings);
  const refusal = start.isError
    ? explainRefusal(start.error, missing)
    : submitted && noAccount
      ? {
          title: 'No Cloudflare account id',
          message:
            'Every test runs in a Cloudflare account, and Settings has no account id, so nothing was sent. Set it in Settings and start the test again.',
          serverSays: [],
        }
      : undefined;
  const missingPolicy = params.mode === 'guardian' && params.policyId && policies.isSuccess && !chosen;
  const missingVersion = chosen && params.version !== undefined && !chosenVersion;

  return (
    <section className="page launch-page">
      <PageHeader
        crumbs={TESTS_CRUMBS}
        title="New test"
        subtitle="Runs a policy against every user in the directory and reports whom it approves, blocks or errors on."
      />

      <form className="card launch-form" onSubmit={submit} noValidate aria-describedby="launch-target">
        <fieldset className="launch-form__mode">
          <legend>What to test</legend>
          <label className="launch-form__choice">
            <input
              type="radio"
              name="mode"
              checked={params.mode === 'guardian'}
              onChange={() => setParam({ mode: undefined })}
            />
            <span>
              <strong>A Guardian policy version</strong>
              <span className="muted">
                {' '}
                — sent as <code>policy_id:version</code>
              </span>
            </span>
          </label>
          <label className="launch-form__choice">
            <input
              type="radio"
              name="mode"
              checked={params.mode === 'ids'}
              onChange={() => setParam({ mode: 'ids' })}
            />
            <span>
              <strong>Access policy ids</strong>
              <span className="muted"> — of a real Cloudflare account, sent unchanged</span>
            </span>
          </label>
        </fieldset>

        {params.notices.map((notice) => (
          <p key={notice} className="notice" role="status">
            <Icon name="info" /> {notice}
          </p>
        ))}

        {params.mode === 'guardian' ? (
          <GuardianChoice
            loading={policies.isPending}
            error={policies.isError ? policies.error : undefined}
            onRetry={() => void policies.refetch()}
            summaries={summaries}
            policyId={chosen ? chosen.id : ''}
            versions={versions.map((v) => v.version)}
            version={chosenVersion?.version}
            onPolicy={(policyId) => setParam({ policy: policyId, version: undefined })}
            onVersion={(v) => setParam({ version: String(v) })}
            missingPolicy={missingPolicy ? params.policyId : undefined}
            missingVersion={missingVersion ? params.version : undefined}
            submitted={submitted}
          />
        ) : (
          <div className="field">
            <label className="field__label" htmlFor={idsField}>
              Policy ids
            </label>
            <textarea
              id={idsField}
              className="textarea mono launch-form__ids"
              rows={6}
              spellCheck={false}
              value={rawIds}
              onChange={(event) => setRawIds(event.target.value)}
              aria-describedby={submitted && parsedIds.problems.length ? `${idsHint} ${idsError}` : idsHint}
              aria-invalid={submitted && parsedIds.problems.length > 0 ? true : undefined}
              placeholder="f174e90a-fafe-4643-bbbc-4a0ed4fc8415"
            />
            <span id={idsHint} className="field__hint">
              One reusable Access policy id per line (Zero Trust → Access → Policies).
            </span>
            {submitted && parsedIds.problems.length > 0 && (
              <span id={idsError} className="field__error">
                {parsedIds.problems.join(' ')}
              </span>
            )}
          </div>
        )}

        {chosen && chosenVersion && params.mode === 'guardian' && (
          <VersionSummary summary={chosen} version={chosenVersion} />
        )}

        <p id="launch-target" className="muted launch-form__target">
          {settings.accountId ? (
            <>
              Runs on account <span className="mono">{settings.accountId}</span>
              {toSend.length > 0 && (
                <>
                  {' '}
                  with <code className="mono">{JSON.stringify({ policies: toSend })}</code>
                </>
              )}
              .
            </>
          ) : (
            <>
              No Cloudflare account id is set. <Link to="/settings">Set one in Settings</Link> first.
            </>
          )}
        </p>

        {missing && !refusal && (
          <p className="notice notice--warning launch-form__credentials" role="status">
            <Icon name="info" />
            <span>
              Settings has no {missing}: the policy-test API refuses requests without credentials.{' '}
              <Link to="/settings">Add the {missing} in Settings</Link> before starting.
            </span>
          </p>
        )}
        {refusal && (
          <div role="alert" className="state state--error">
            <Icon name="error" className="state__icon" />
            <div className="state__body">
              <p className="state__title">The test did not start: {refusal.title.toLowerCase()}</p>
              <p className="state__message">{refusal.message}</p>
              {refusal.serverSays.length > 0 && (
                <p className="state__message">
                  The server said: <q className="break-anywhere">{refusal.serverSays.join(' ')}</q>
                </p>
              )}
            </div>
          </div>
        )}

        <div className="launch-form__actions">
          <button type="submit" className="button button--primary" disabled={start.isPending}>
            <Icon name="flask" />
            {start.isPending ? 'Starting…' : 'Start test'}
          </button>
          {submitted && !canSend && params.mode === 'guardian' && policies.isPending && (
            <span role="status" className="muted">
              The policy list is still loading: start the test once it has arrived.
            </span>
          )}
          <Link to="/tests" className="button button--ghost">
            Cancel
          </Link>
        </div>
      </form>
    </section>
  );
}

interface GuardianChoiceProps {
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  summaries: PolicySummary[];
  policyId: string;
  versions: number[];
  version: number | undefined;
  onPolicy: (id: string) => void;
  onVersion: (version: number) => void;
  missingPolicy?: string;
  missingVersion?: number;
  submitted: boolean;
}

function GuardianChoice(props: GuardianChoiceProps) {
  if (props.loading) return <LoadingState label="Loading the policies…" />;
  if (props.error) return <ErrorState compact error={props.error} what="the policy list" onRetry={props.onRetry} />;
  const noChoice = props.submitted && !props.policyId;
  return (
    <div className="launch-form__pick">
      <LabelledSelect
        label="Policy"
        value={props.policyId}
        onChange={props.onPolicy}
        error={
          props.missingPolicy
            ? `There is no policy “${props.missingPolicy.slice(0, 100)}”. Choose one from the list.`
            : noChoice && 'Choose a policy to test.'
        }
      >
        <option value="">Choose a policy…</option>
        {props.summaries.map((s) => (
          <option key={s.id} value={s.id}>
            {s.id}
            {s.title ? ` — ${s.title.slice(0, 80)}` : ''}
          </option>
        ))}
      </LabelledSelect>
      <LabelledSelect
        label="Version"
        value={String(props.version ?? '')}
        disabled={props.versions.length === 0}
        onChange={(value) => props.onVersion(Number(value))}
        error={
          props.missingVersion !== undefined &&
          `Version ${props.missingVersion} does not exist; choose one of the listed versions.`
        }
      >
        {props.versions.length === 0 && <option value="">—</option>}
        {props.versions.map((v, i) => (
          <option key={v} value={v}>
            v{v}
            {i === 0 ? ' (latest)' : ''}
          </option>
        ))}
      </LabelledSelect>
    </div>
  );
}

/** The chosen version as its steps read: fetched on its own (the catalog keeps no versions). */
function VersionSummary({ summary, version: stamp }: { summary: PolicySummary; version: VersionStamp }) {
  const query = usePolicyVersion(summary.id, stamp.version);
  if (!query.data) {
    return (
      <div className="launch-form__summary">
        <p className="mono">
          {summary.id} v{stamp.version}
        </p>
        {query.isError && <p className="muted">Its steps could not be loaded.</p>}
      </div>
    );
  }
  const version = query.data;
  return (
    <div className="launch-form__summary">
      <p>
        <Link className="mono" to={`/policies/${encodeURIComponent(summary.id)}/versions/${version.version}`}>
          {summary.id} v{version.version}
        </Link>
        {version.title ? <span className="break-anywhere"> — {version.title}</span> : null}
      </p>
      <p className="muted">
        {version.steps.length} {version.steps.length === 1 ? 'step' : 'steps'}
        {version.steps.length > 0 && <>: {version.steps.map((step) => step.name).join(' → ')}</>}
        {version.createdAt ? ` · created ${formatDate(version.createdAt)}` : ''}
      </p>
    </div>
  );
}
