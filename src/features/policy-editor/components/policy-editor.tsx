import { Suspense, useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { FormProvider } from 'react-hook-form';
import { useNavigate } from '@/lib/router/use-navigate';
import { ErrorState } from '@/components/states/error-state';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { useSettings } from '@/lib/settings';
import { isStorageAvailable } from '@/lib/storage/safe-storage';
import {
  useCreatePolicy,
  useGuardedSave,
  useUpdatePolicy,
  versionPath,
  type GuardedSaveHandlers,
} from '@/features/policies';
import { DraftTestPanel } from '@/features/policy-tests';
import { draftKey as draftKeyOf, removeDraft, type Draft } from '../draft/draft-storage';
import type { PolicyFormValues } from '../form/policy-form-schema';
import { preloadFormChecks } from '../form/policy-form-resolver';
import { toFormValues } from '../form/to-form-values';
import { useDraftAutosave } from '../hooks/use-draft-autosave';
import { useDraftTest } from '../hooks/use-draft-test';
import { useDraftOffer } from '../hooks/use-draft-offer';
import { useEditorForm } from '../hooks/use-editor-form';
import { useFocusRequests } from '../hooks/use-focus-requests';
import { useIdentityPrompt } from '../hooks/use-identity-prompt';
import { useLatestVersion } from '../hooks/use-latest-version';
import { useLeaveGuard } from '../hooks/use-leave-guard';
import { useProblemReport } from '../hooks/use-problem-report';
import { useSaveFlow } from '../hooks/use-save-flow';
import { useServerCheck } from '../hooks/use-server-check';
import { validationMessageOf } from '../server-errors/is-validation-error';
import { DraftBanner } from './draft-banner';
import { DraftBaseProblem, DraftTestRefusal } from './draft-test-notices';
import { DraftTestCases } from './draft-test-cases';
import { NoStorageBanner } from './no-storage-banner';
import { IdentityBanner, NoticesBanner, TheirsBanner } from './editor-banners';
import { EditorDialogs, preloadEditorDialogs } from './editor-dialogs';
import { EditorHeader } from './editor-header';
import { EditorToolbar } from './editor-toolbar';
import { EditorUiContext, EditorUiStore } from './editor-ui-store';
import { ErrorSummary } from './error-summary';
import { LeaveDialog } from './leave-dialog';
import { LiveRegion } from './live-region';
import { AppealSection } from './sections/appeal-section';
import { ExtrasSection } from './sections/extras-section';
import { IamSection } from './sections/iam-section';
import { OverviewSection } from './sections/overview-section';
import { RequirementsSection } from './sections/requirements-section';
import { ServerCheckPanel } from './server-check-panel';
import { StepsSection } from './steps/steps-section';
import './editor.css';

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

export function PolicyEditor({ policyId, base: initialBase, latestVersion, notice }: PolicyEditorProps) {
  const isNew = policyId === undefined;
  const navigate = useNavigate();
  const { exprTarget, identityEmail } = useSettings();
  const draftKey = draftKeyOf(policyId);
  const [storageKept] = useState(() => isStorageAvailable('local'));

  const [base, setBase] = useState(initialBase);
  const [latestAtStart, setLatestAtStart] = useState<number | null>(latestVersion ?? initialBase?.version ?? null);
  const { form, baseValues, defaults, replaceValues, currentPolicy, isChanged } = useEditorForm({
    policyId,
    base,
    exprTarget,
  });

  const [ui] = useState(() => new EditorUiStore());
  useFocusRequests(ui);

  useEffect(() => {
    const preload = () => preloadFormChecks().then(preloadEditorDialogs);
    const timer = setTimeout(() => void preload().catch(() => undefined), 2000);
    return () => clearTimeout(timer); // a failed preload is fetched again, and reported, when needed
  }, []);

  const [notices, setNotices] = useState<string[]>([]);
  const [prepareError, setPrepareError] = useState<unknown>();
  const [importOpen, setImportOpen] = useState(false);
  const leaving = useRef(false);
  const problems = useProblemReport(form, ui);
  const identity = useIdentityPrompt();

  const draftOffer = useDraftOffer({
    policyId,
    draftKey,
    base,
    baseValues,
    announce: (message) => ui.announce(message),
    onError: setPrepareError,
    onRestore: (draft: Draft, draftBase, startValues) => {
      setBase(draftBase);
      if (draft.latestAtStart !== null) setLatestAtStart(draft.latestAtStart);
      fill(startValues, draft.values);
      setNotices(
        draft.missingSecrets.length > 0
          ? [`Drafts never keep secrets: type ${draft.missingSecrets.join(', ')} again.`]
          : [],
      );
    },
  });

  const autosave = useDraftAutosave({
    form,
    draftKey,
    baseValues: () => defaults.current,
    baseVersion: base?.version ?? null,
    latestAtStart,
    paused: draftOffer.holdsOwnDraft,
    onSaved: (status) => ui.setDraftStatus(status),
  });

  /** Replaces the form's content and tells the toolbar and the draft store. */
  const fill = (start: PolicyFormValues, values: PolicyFormValues) => {
    ui.setDraftStatus({ dirty: replaceValues(start, values) });
    autosave.schedule();
  };

  const isDirty = useCallback(() => !leaving.current && isChanged(), [isChanged]);
  const blocker = useLeaveGuard(isDirty, true);

  const latest = useLatestVersion(policyId);
  const theirs = latest.data && latestAtStart !== null && latest.data.version > latestAtStart ? latest.data : undefined;

  const { stage, setStage, prepare } = useSaveFlow();
  const create = useCreatePolicy();
  const update = useUpdatePolicy();
  const save = isNew ? create : update;

  const serverCheck = useServerCheck({
    isNew,
    canSend: () => !identity.needIdentity(),
    policy: currentPolicy,
    applyRejection: problems.applyServerRejection,
    onAccepted: () => {
      problems.clear();
      ui.announce('Guardian accepts this policy. Nothing was saved.');
    },
  });

  function showIdTaken(version: number) {
    problems.showFieldError(
      'id',
      `A policy with this id already exists (latest version ${version}). Choose another id, or edit that policy instead.`,
      'taken',
    );
  }

  const draftTest = useDraftTest({
    form,
    problems,
    currentPolicy,
    baseVersion: base?.version,
    policyId,
    announce: (message) => ui.announce(message),
  });

  const onValid = async () => {
    problems.clear();
    setPrepareError(undefined);
    if (identity.needIdentity()) return;
    guarded.reset();
    const outcome = await prepare({ policy: currentPolicy(), isNew, base, latestAtStart });
    if (outcome.kind === 'id-taken') {
      showIdTaken(outcome.version);
    } else if (outcome.kind === 'already-saved') {
      landOnSaved(
        outcome.saved,
        `This change was already saved, as version ${outcome.saved.version} (a save whose answer was lost).`,
      );
    } else if (outcome.kind === 'failed') {
      setPrepareError(outcome.error);
    }
  };
  const startSave = () => void form.handleSubmit(onValid, problems.reportInvalid)();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.handleSubmit(onValid, problems.reportInvalid)(event);
  };

  const landOnSaved = (saved: Policy, savedNotice?: string) => {
    autosave.stop();
    removeDraft(draftKey);
    leaving.current = true;
    setStage({ kind: 'idle' });
    const notice = savedNotice ?? (isNew ? `Created ${saved.id} as v${saved.version}.` : `Saved as v${saved.version}.`);
    void navigate(versionPath(saved.id, saved.version), { state: { notice, saved: true } });
  };

  const guarded = useGuardedSave((policy) => save.mutateAsync({ policy }));
  const saveHandlers: GuardedSaveHandlers = {
    onSaved: landOnSaved,
    onNewer: (theirs) => stage.kind === 'review' && setStage({ kind: 'conflict', theirs, policy: stage.policy }),
    onIdTaken: (version) => {
      setStage({ kind: 'idle' });
      showIdTaken(version);
    },
    rejection: validationMessageOf,
    onRejected: (message) => {
      setStage({ kind: 'idle' });
      void problems.applyServerRejection(message);
    },
  };
  const reviewed = () =>
    stage.kind === 'review' ? { policy: stage.policy, latestVersion: stage.latestVersion } : undefined;

  const keepEditingOnTheirs = async (latestPolicy: Policy) => {
    const mine = currentPolicy();
    const { mergePolicies } = await import('../conflict/merge-policies');
    const merged = base ? mergePolicies(base, mine, latestPolicy) : { policy: mine, conflicts: [] as string[] };
    setBase(latestPolicy);
    setLatestAtStart(latestPolicy.version);
    fill(toFormValues(latestPolicy), toFormValues({ ...merged.policy, id: latestPolicy.id }));
    setStage({ kind: 'idle' });
    setNotices([
      `Your changes now sit on top of version ${latestPolicy.version}.` +
        (merged.conflicts.length > 0
          ? ` You both changed ${merged.conflicts.join('; ')}: yours was kept — check it before saving.`
          : ' Nothing you changed clashed with theirs.'),
    ]);
    ui.announce(`Rebased on version ${latestPolicy.version}.`);
  };

  const onImport = (values: PolicyFormValues, importNotices: string[]) => {
    fill(defaults.current, values);
    setImportOpen(false);
    setNotices(importNotices);
    ui.announce(
      `Form replaced by the imported policy${importNotices.length ? `, with ${importNotices.length} notes` : ''}.`,
    );
  };

  return (
    <EditorUiContext.Provider value={ui}>
      <FormProvider {...form}>
        <section className="page editor" aria-labelledby="editor-title">
          <EditorHeader policyId={policyId} base={base} latestVersion={latest.data?.version} />
          {notice}
          <DraftBanner
            drafts={draftOffer.offers}
            currentBaseVersion={base?.version ?? null}
            restoring={draftOffer.restoring}
            onRestore={(draft) => void draftOffer.restore(draft)}
            onDiscard={draftOffer.discard}
          />
          {!storageKept && <NoStorageBanner />}
          {!identityEmail && <IdentityBanner asked={identity.asked} />}
          {theirs && stage.kind !== 'conflict' && (
            <TheirsBanner theirs={theirs} onShow={() => setStage({ kind: 'conflict', theirs })} />
          )}
          {notices.length > 0 && <NoticesBanner notices={notices} onDismiss={() => setNotices([])} />}
          {prepareError !== undefined && (
            <ErrorState error={prepareError} what="the latest version" compact onRetry={startSave} />
          )}
          {serverCheck.check && <ServerCheckPanel check={serverCheck.check} onRetry={() => void serverCheck.run()} />}
          {draftTest.refusal && <DraftTestRefusal refusal={draftTest.refusal} onRetry={draftTest.run} />}
          {draftTest.baseProblem !== undefined && <DraftBaseProblem error={draftTest.baseProblem} />}
          {draftTest.testedId && (
            <Suspense fallback={null}>
              {/* Leaving for the delta keeps the draft (it is autosaved) without asking. */}
              <DraftTestPanel policyId={draftTest.testedId} onLeave={() => (leaving.current = true)} />
            </Suspense>
          )}

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
              busy={stage.kind === 'preparing' || guarded.busy !== undefined}
              checking={serverCheck.checking}
              onCheck={() => void serverCheck.run()}
              onImport={() => setImportOpen(true)}
              testingDraft={draftTest.starting}
              onTestDraft={draftTest.run}
            />
            {problems.showSummary && (
              <ErrorSummary
                serverMessages={problems.serverMessages}
                serverDetails={problems.serverDetails}
                fromCheck={problems.fromCheck}
              />
            )}
            <OverviewSection isNew={isNew} policyId={policyId} />
            <StepsSection />
            <RequirementsSection />
            <AppealSection />
            <IamSection />
            <ExtrasSection />
          </form>
          {policyId !== undefined && (
            <DraftTestCases policyId={policyId} baseVersion={base?.version} form={form} currentPolicy={currentPolicy} />
          )}
          <LiveRegion />
        </section>

        <EditorDialogs
          isNew={isNew}
          base={base}
          stage={stage}
          setStage={setStage}
          save={{
            busy: guarded.busy,
            problem: guarded.problem,
            checkAgain: () => {
              const review = reviewed();
              if (review) void guarded.checkAgain(review, saveHandlers);
            },
            reset: () => {
              guarded.reset();
              save.reset();
            },
          }}
          onConfirmSave={() => {
            const review = reviewed();
            if (review) void guarded.confirm(review, saveHandlers);
          }}
          onKeepEditing={(theirs) => void keepEditingOnTheirs(theirs)}
          importOpen={importOpen}
          policyId={policyId}
          currentPolicy={currentPolicy}
          onImport={onImport}
          onCloseImport={() => setImportOpen(false)}
        />
        <LeaveDialog
          open={blocker.state === 'blocked'}
          isNew={isNew}
          onStay={() => blocker.reset?.()}
          onLeave={() => blocker.proceed?.()}
          onDiscardAndLeave={() => {
            autosave.stop();
            removeDraft(draftKey);
            blocker.proceed?.();
          }}
        />
      </FormProvider>
    </EditorUiContext.Provider>
  );
}
