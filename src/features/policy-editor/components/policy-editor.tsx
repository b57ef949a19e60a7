import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
} from 'react';
import { FormProvider, useForm, type FieldErrors } from 'react-hook-form';
import { Link, useNavigate } from '@/lib/router';
import { useQueryClient } from '@tanstack/react-query';
import { ErrorState } from '@/components/states/error-state';
import { loadExpr } from '@/lib/expr/load';
import { Icon } from '@/components/icon/icon';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { getSettings, useSettings } from '@/lib/settings';
import {
  createPolicy,
  policyVersionQueryOptions,
  updatePolicy,
  useCreatePolicy,
  useUpdatePolicy,
} from '@/features/policies';
import { draftKey as draftKeyOf, loadDraft, removeDraft, type Draft } from '../draft/draft-storage';
import { emptyPolicyValues } from '../form/empty-values';
import { createPolicyFormResolver } from '../form/policy-form-resolver';
import type { PolicyFormValues } from '../form/policy-form-schema';
import { toFormValues } from '../form/to-form-values';
import { toPolicy } from '../form/to-policy';
import { useDraftAutosave } from '../hooks/use-draft-autosave';
import { useFocusRequests } from '../hooks/use-focus-requests';
import { useLatestVersion } from '../hooks/use-latest-version';
import { useLeaveGuard } from '../hooks/use-leave-guard';
import { useSaveFlow } from '../hooks/use-save-flow';
import { validationMessageOf } from '../server-errors/is-validation-error';
import { ChoiceDialog } from './choice-dialog';
import { DraftBanner } from './draft-banner';
import { EditorToolbar } from './editor-toolbar';
import { EditorUiContext, EditorUiStore } from './editor-ui-store';
import { describePath, listErrors } from './error-list';
import { ErrorSummary } from './error-summary';
import { LiveRegion } from './live-region';
import { AppealSection } from './sections/appeal-section';
import { ExtrasSection } from './sections/extras-section';
import { IamSection } from './sections/iam-section';
import { OverviewSection } from './sections/overview-section';
import { RequirementsSection } from './sections/requirements-section';
import { SaveError } from './save-error';
import { ServerCheckPanel, type ServerCheck } from './server-check-panel';
import { StepsSection } from './steps/steps-section';
import './editor.css';

// The diff and the YAML reader are heavy and needed only on demand.
const loadReviewDialog = () => import('./review-dialog');
const loadConflictDialog = () => import('./conflict-dialog');
const ReviewDialog = lazy(loadReviewDialog);
const ConflictDialog = lazy(loadConflictDialog);
const ImportDialog = lazy(() => import('./import-dialog'));

export interface PolicyEditorProps {
  /** The policy being edited; absent for a new one. */
  policyId?: string;
  /** The version the edit starts from. */
  base?: Policy;
  /** The latest version when the page opened (may be newer than `base` with `?from=`). */
  latestVersion?: number;
  /** Something the route wants said first, e.g. a `?from=` it could not read. */
  notice?: ReactNode;
}

const sameValues = (a: PolicyFormValues, b: PolicyFormValues) => JSON.stringify(a) === JSON.stringify(b);

export function PolicyEditor({ policyId, base: initialBase, latestVersion, notice }: PolicyEditorProps) {
  const isNew = policyId === undefined;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { exprTarget, identityEmail } = useSettings();
  const draftKey = draftKeyOf(policyId);

  const [base, setBase] = useState(initialBase);
  const [latestAtStart, setLatestAtStart] = useState<number | null>(latestVersion ?? initialBase?.version ?? null);
  const baseValues = useMemo(() => (base ? toFormValues(base) : emptyPolicyValues()), [base]);

  // react-hook-form reads its options on every render: a new expression target applies at once.
  const resolver = useMemo(() => createPolicyFormResolver({ isNew, exprTarget }), [isNew, exprTarget]);
  const form = useForm<PolicyFormValues>({
    defaultValues: baseValues,
    resolver,
    // Checked on submit, then again as each field changes. Not on blur: an error appearing when a
    // field loses focus pushes the page down under the pointer, and the next click lands elsewhere.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: false,
  });
  const defaults = useRef(baseValues);

  const [ui] = useState(() => new EditorUiStore());
  useFocusRequests(ui);

  // A user-timing entry from the form's first render to its first paint, for the 200-step budget.
  const [renderStart] = useState(() => performance.now());
  useEffect(() => {
    requestAnimationFrame(() =>
      setTimeout(() => performance.measure('policy-editor:mount', { start: renderStart }), 0),
    );
  }, [renderStart]);

  // Fetched while the admin types, so that checks and the review come at once.
  useEffect(() => {
    const timer = setTimeout(
      () =>
        void loadExpr()
          .then(loadReviewDialog)
          .then(loadConflictDialog)
          .catch(() => undefined), // fetched again when needed, and reported then
      2000,
    );
    return () => clearTimeout(timer);
  }, []);

  const [offer, setOffer] = useState<Draft | undefined>(() => {
    const draft = loadDraft(draftKey, baseValues);
    if (draft && sameValues(draft.values, baseValues)) {
      removeDraft(draftKey);
      return undefined;
    }
    return draft;
  });
  const [restoring, setRestoring] = useState(false);
  const [notices, setNotices] = useState<string[]>([]);
  const [showSummary, setShowSummary] = useState(false);
  const [serverMessages, setServerMessages] = useState<string[]>([]);
  const [serverCheck, setServerCheck] = useState<ServerCheck | undefined>();
  const [identityAsked, setIdentityAsked] = useState(false);
  const [prepareError, setPrepareError] = useState<unknown>();
  const [importOpen, setImportOpen] = useState(false);
  const leaving = useRef(false);

  const autosave = useDraftAutosave({
    form,
    draftKey,
    baseValues: () => defaults.current,
    baseVersion: base?.version ?? null,
    latestAtStart,
    paused: offer !== undefined,
    onSaved: (at) => ui.setDraftStatus(at !== undefined, at),
  });

  const isDirty = useCallback(() => !leaving.current && !sameValues(form.getValues(), defaults.current), [form]);
  const blocker = useLeaveGuard(isDirty, true);

  const latest = useLatestVersion(policyId);
  const theirs = latest.data && latestAtStart !== null && latest.data.version > latestAtStart ? latest.data : undefined;

  const { stage, setStage, prepare } = useSaveFlow();
  const create = useCreatePolicy();
  const update = useUpdatePolicy();
  const save = isNew ? create : update;
  const [checking, setChecking] = useState(false);

  /** Replaces the form: `start` is what "unchanged" means from now on, `values` what the inputs hold. */
  const replaceValues = (start: PolicyFormValues, values: PolicyFormValues) => {
    defaults.current = start;
    form.reset(start);
    if (!sameValues(start, values)) form.reset(values, { keepDefaultValues: true });
    ui.setDraftStatus(!sameValues(start, values));
    autosave.schedule();
  };

  const currentPolicy = (): Policy => {
    const values = form.getValues();
    return toPolicy({ ...values, id: policyId ?? values.id });
  };

  const applyServerRejection = async (message: string) => {
    const values = form.getValues();
    const { mapServerErrors } = await import('../server-errors/map-server-errors');
    const mapped = mapServerErrors(message, values);
    for (const field of mapped.fields) {
      form.setError(field.path as Parameters<typeof form.setError>[0], { type: 'server', message: field.message });
    }
    setServerMessages(mapped.unmapped);
    setShowSummary(true);
    const first = mapped.fields[0];
    if (first) ui.reveal(first.path);
    else document.getElementById('editor-summary')?.focus();
    ui.announce(
      `Guardian would refuse this policy: ${mapped.fields.length + mapped.unmapped.length} problems. ${
        first ? `${describePath(first.path, values)}: ${first.message}` : (mapped.unmapped[0] ?? '')
      }`,
    );
    return mapped;
  };

  const needIdentity = () => {
    if (getSettings().identityEmail) return false;
    setIdentityAsked(true);
    requestAnimationFrame(() => document.getElementById('editor-identity')?.focus());
    return true;
  };

  const onValid = async () => {
    setShowSummary(false);
    setServerMessages([]);
    setPrepareError(undefined);
    if (needIdentity()) return;
    const outcome = await prepare({ policy: currentPolicy(), isNew, base, latestAtStart });
    if (outcome.kind === 'id-taken') {
      form.setError('id', {
        type: 'taken',
        message: `A policy with this id already exists (latest version ${outcome.version}). Choose another id, or edit that policy instead.`,
      });
      setShowSummary(true);
      ui.reveal('id');
    } else if (outcome.kind === 'failed') {
      setPrepareError(outcome.error);
    }
  };

  const onInvalid = (errors: FieldErrors<PolicyFormValues>) => {
    setServerMessages([]);
    setShowSummary(true);
    const list = listErrors(errors);
    const first = list[0];
    if (!first) return;
    ui.reveal(first.path);
    ui.announce(
      `${list.length === 1 ? '1 problem stops' : `${list.length} problems stop`} this policy from saving. First: ${describePath(first.path, form.getValues())}: ${first.message}`,
    );
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.handleSubmit(onValid, onInvalid)(event);
  };

  const checkWithServer = async () => {
    if (needIdentity()) return;
    const policy = currentPolicy();
    setServerCheck({ state: 'running' });
    setChecking(true);
    try {
      const result = await (isNew ? createPolicy : updatePolicy)({ policy, dryRun: true });
      setServerMessages([]);
      setServerCheck({ state: 'accepted', version: result.version, isNew });
      ui.announce('Guardian accepts this policy. Nothing was saved.');
    } catch (error) {
      const message = validationMessageOf(error);
      if (message) {
        const mapped = await applyServerRejection(message);
        setServerCheck({ state: 'rejected', fieldCount: mapped.fields.length, messageCount: mapped.unmapped.length });
      } else {
        setServerCheck({ state: 'failed', error });
      }
    } finally {
      setChecking(false);
    }
  };

  const confirmSave = () => {
    if (stage.kind !== 'review') return;
    save.mutate(
      { policy: stage.policy },
      {
        onSuccess: (saved) => {
          autosave.stop();
          removeDraft(draftKey);
          leaving.current = true;
          setStage({ kind: 'idle' });
          void navigate(`/policies/${encodeURIComponent(saved.id)}/versions/${saved.version}`, {
            state: { savedByEditor: true },
          });
        },
        onError: (error) => {
          const message = validationMessageOf(error);
          if (!message) return; // shown in the dialog, with everything still as typed
          setStage({ kind: 'idle' });
          save.reset();
          void applyServerRejection(message);
        },
      },
    );
  };

  const keepEditingOnTheirs = async (latestPolicy: Policy) => {
    const mine = currentPolicy();
    const { mergePolicies } = await import('../conflict/merge-policies');
    const merged = base ? mergePolicies(base, mine, latestPolicy) : { policy: mine, conflicts: [] as string[] };
    setBase(latestPolicy);
    setLatestAtStart(latestPolicy.version);
    replaceValues(toFormValues(latestPolicy), toFormValues({ ...merged.policy, id: latestPolicy.id }));
    setStage({ kind: 'idle' });
    setNotices([
      `Your changes now sit on top of version ${latestPolicy.version}.` +
        (merged.conflicts.length > 0
          ? ` You both changed ${merged.conflicts.join('; ')}: yours was kept — check it before saving.`
          : ' Nothing you changed clashed with theirs.'),
    ]);
    ui.announce(`Rebased on version ${latestPolicy.version}.`);
  };

  const restoreDraft = async () => {
    if (!offer) return;
    setRestoring(true);
    try {
      let draftBase = base;
      if (policyId && offer.baseVersion !== null && offer.baseVersion !== base?.version) {
        draftBase = await queryClient.fetchQuery(policyVersionQueryOptions(policyId, offer.baseVersion));
      }
      const startValues = draftBase ? toFormValues(draftBase) : emptyPolicyValues();
      const draft = loadDraft(draftKey, startValues) ?? offer;
      setBase(draftBase);
      if (draft.latestAtStart !== null) setLatestAtStart(draft.latestAtStart);
      replaceValues(startValues, draft.values);
      setOffer(undefined);
      setNotices(
        draft.missingSecrets.length > 0
          ? [`Drafts never keep secrets: type ${draft.missingSecrets.join(', ')} again.`]
          : [],
      );
      ui.announce('Your unsaved changes are back.');
    } catch (error) {
      setPrepareError(error);
    } finally {
      setRestoring(false);
    }
  };

  const discardDraft = () => {
    removeDraft(draftKey);
    setOffer(undefined);
    ui.announce('Draft discarded.');
  };

  const onImport = (values: PolicyFormValues, importNotices: string[]) => {
    replaceValues(defaults.current, values);
    setImportOpen(false);
    setNotices(importNotices);
    ui.announce(
      `Form filled from the pasted policy${importNotices.length ? `, with ${importNotices.length} notes` : ''}.`,
    );
  };

  const title = isNew ? 'New policy' : `Edit ${policyId}`;
  const nextVersion = latest.data ? latest.data.version + 1 : undefined;

  return (
    <EditorUiContext.Provider value={ui}>
      <FormProvider {...form}>
        <section className="page editor" aria-labelledby="editor-title">
          <header className="page__header">
            <div className="editor__title-block">
              <h1 id="editor-title" className="editor__title">
                {isNew ? (
                  title
                ) : (
                  <>
                    Edit <span className="mono">{policyId}</span>
                  </>
                )}
              </h1>
              <p className="page__subtitle">
                {isNew
                  ? 'Saved as version 1 of a new policy.'
                  : `Editing from version ${base?.version ?? '?'}${base && latest.data && base.version === latest.data.version ? ' (the latest)' : ''}. Saving adds version ${nextVersion ?? 'latest + 1'}; older versions never change.`}
              </p>
            </div>
            {!isNew && base && (
              <Link
                className="button button--ghost"
                to={`/policies/${encodeURIComponent(base.id)}/versions/${base.version}`}
              >
                View version {base.version}
              </Link>
            )}
          </header>

          {notice}
          {offer && (
            <DraftBanner
              draft={offer}
              currentBaseVersion={base?.version ?? null}
              restoring={restoring}
              onRestore={() => void restoreDraft()}
              onDiscard={discardDraft}
            />
          )}
          {!identityEmail && (
            <div
              id="editor-identity"
              tabIndex={-1}
              className={`editor__banner ${identityAsked ? 'editor__banner--danger' : 'editor__banner--warning'}`}
              role={identityAsked ? 'alert' : undefined}
            >
              <Icon name="info" />
              <p>
                Saving needs your identity email: Guardian records it as the author (sent as <code>X-Auth-Email</code>).
                Set it in <Link to="/settings">Settings</Link> — your changes are kept as a draft meanwhile.
              </p>
            </div>
          )}
          {theirs && stage.kind !== 'conflict' && (
            <div className="editor__banner editor__banner--warning" role="status">
              <Icon name="info" />
              <p>
                {theirs.createdBy ?? 'Someone'} saved version {theirs.version} after your edit began. You will be asked
                what to do when you save.{' '}
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => setStage({ kind: 'conflict', theirs })}
                >
                  Show their change
                </button>
              </p>
            </div>
          )}
          {notices.length > 0 && (
            <div className="editor__banner editor__banner--info" role="status">
              <Icon name="info" />
              <ul className="editor__notices">
                {notices.map((text, i) => (
                  <li key={i}>{text}</li>
                ))}
              </ul>
              <button
                type="button"
                className="button button--icon button--ghost"
                aria-label="Dismiss these notes"
                onClick={() => setNotices([])}
              >
                <Icon name="x" />
              </button>
            </div>
          )}
          {prepareError !== undefined && (
            <ErrorState
              error={prepareError}
              what="the latest version"
              compact
              onRetry={() => void form.handleSubmit(onValid, onInvalid)()}
            />
          )}
          {serverCheck && <ServerCheckPanel check={serverCheck} onRetry={() => void checkWithServer()} />}

          <form
            className="editor__form"
            onSubmit={submit}
            noValidate
            aria-labelledby="editor-title"
            onInput={autosave.schedule}
            onChange={autosave.schedule}
            onClick={autosave.schedule}
            onKeyUp={autosave.schedule}
          >
            <EditorToolbar
              isNew={isNew}
              busy={stage.kind === 'preparing' || save.isPending}
              checking={checking}
              onCheck={() => void checkWithServer()}
              onImport={isNew ? () => setImportOpen(true) : undefined}
            />
            {showSummary && <ErrorSummary serverMessages={serverMessages} />}
            <OverviewSection isNew={isNew} policyId={policyId} />
            <StepsSection />
            <RequirementsSection />
            <AppealSection />
            <IamSection />
            <ExtrasSection />
          </form>
          <LiveRegion />
        </section>

        <Suspense fallback={null}>
          {stage.kind === 'review' && (
            <ReviewDialog
              open
              before={stage.against}
              after={stage.policy}
              beforeLabel={stage.againstLabel}
              confirmLabel={isNew ? 'Create policy' : `Save as version ${nextVersion ?? 'latest + 1'}`}
              warning={
                stage.overwriting && (
                  <p className="editor__warning">
                    This replaces version {stage.overwriting.version}, which someone else saved after your edit began.
                    The changes below are against their version: anything of theirs not in yours is undone.
                  </p>
                )
              }
              busy={save.isPending}
              error={save.isError ? <SaveError error={save.error} /> : undefined}
              onConfirm={confirmSave}
              onCancel={() => {
                save.reset();
                setStage({ kind: 'idle' });
              }}
            />
          )}
          {stage.kind === 'conflict' && base && (
            <ConflictDialog
              open
              base={base}
              theirs={stage.theirs}
              saving={stage.policy !== undefined}
              onKeepEditing={() => void keepEditingOnTheirs(stage.theirs)}
              onOverwrite={() =>
                stage.policy &&
                setStage({
                  kind: 'review',
                  policy: stage.policy,
                  against: stage.theirs,
                  againstLabel: `version ${stage.theirs.version} (theirs, the latest)`,
                  overwriting: stage.theirs,
                })
              }
              onCancel={() => setStage({ kind: 'idle' })}
            />
          )}
          {importOpen && <ImportDialog open onImport={onImport} onCancel={() => setImportOpen(false)} />}
        </Suspense>

        <ChoiceDialog
          open={blocker.state === 'blocked'}
          title="Leave with unsaved changes?"
          onDismiss={() => blocker.reset?.()}
          choices={[
            { label: 'Stay', onChoose: () => blocker.reset?.() },
            { label: 'Leave, keep the draft', onChoose: () => blocker.proceed?.() },
            {
              label: 'Discard changes and leave',
              tone: 'danger',
              onChoose: () => {
                autosave.stop();
                removeDraft(draftKey);
                blocker.proceed?.();
              },
            },
          ]}
        >
          <p>
            Nothing of this edit is saved in Guardian yet. This browser keeps a draft you can restore when you come back
            to this {isNew ? 'new policy' : 'policy’s editor'}.
          </p>
        </ChoiceDialog>
      </FormProvider>
    </EditorUiContext.Provider>
  );
}
