import { lazy, Suspense, useState } from 'react';
import { preloadSaveRisks, SaveRisks } from '@/features/appeal-trace';
import { loadExpr } from '@/lib/expr/load';
import { useSettings } from '@/lib/settings';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import type { PolicyFormValues } from '../form/policy-form-schema';
import { WriteProblemState } from '@/components/states/write-problem-state';
import type { WriteProblem } from '@/lib/api/uncertain-write';
import type { SaveStage } from '../hooks/use-save-flow';

// The diff and the YAML reader are heavy and needed only on demand.
const loadReviewDialog = () => import('./review-dialog');
const loadConflictDialog = () => import('./conflict-dialog');
const ReviewDialog = lazy(loadReviewDialog);
const ConflictDialog = lazy(loadConflictDialog);
const ImportDialog = lazy(() => import('./import-dialog'));

/** Fetched while the admin types, so that checks and the review come at once. */
export function preloadEditorDialogs(): Promise<unknown> {
  return loadExpr().then(loadReviewDialog).then(loadConflictDialog).then(preloadSaveRisks);
}

interface SaveState {
  /** What the confirm is doing now ("Saving…"), while it runs. */
  busy: string | undefined;
  problem: WriteProblem | undefined;
  reset(): void;
  checkAgain(): void;
}

interface EditorDialogsProps {
  isNew: boolean;
  base: Policy | undefined;
  stage: SaveStage;
  setStage(stage: SaveStage): void;
  save: SaveState;
  onConfirmSave(): void;
  onKeepEditing(theirs: Policy): void;
  importOpen: boolean;
  /** The policy being edited, for the import to keep its id; absent for a new one. */
  policyId?: string;
  /** What the form holds now, for the import's diff. */
  currentPolicy(): Policy;
  onImport(values: PolicyFormValues, notices: string[]): void;
  onCloseImport(): void;
}

/** The save flow's dialogs (review, someone-else-saved) and the import dialog, each loaded when first opened. */
export function EditorDialogs(props: EditorDialogsProps) {
  const { isNew, base, stage, setStage, save } = props;
  const unknown = save.problem?.kind === 'unknown';
  const { exprTarget } = useSettings();
  // Problems the save check found: while there are any, saving is "Save anyway".
  const [riskCount, setRiskCount] = useState<number | undefined>(undefined);
  return (
    <Suspense fallback={null}>
      {stage.kind === 'review' && (
        <ReviewDialog
          open
          before={stage.against}
          after={stage.policy}
          beforeLabel={stage.againstLabel}
          confirmLabel={
            unknown
              ? 'Check whether it was saved'
              : riskCount
                ? 'Save anyway'
                : isNew
                  ? 'Create policy'
                  : `Save as version ${(stage.latestVersion ?? 0) + 1}`
          }
          warning={
            <>
              {stage.overwriting && (
                <p className="editor__warning">
                  This replaces version {stage.overwriting.version}, which someone else saved after your edit began. The
                  changes below are against their version: anything of theirs not in yours is undone.
                </p>
              )}
              <Suspense fallback={null}>
                <SaveRisks policy={stage.policy} target={exprTarget} onCount={setRiskCount} />
              </Suspense>
            </>
          }
          busy={save.busy !== undefined}
          busyLabel={save.busy}
          error={save.problem && <WriteProblemState problem={save.problem} />}
          onConfirm={unknown ? save.checkAgain : props.onConfirmSave}
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
          onKeepEditing={() => props.onKeepEditing(stage.theirs)}
          onOverwrite={() =>
            stage.policy &&
            setStage({
              kind: 'review',
              policy: stage.policy,
              against: stage.theirs,
              againstLabel: `version ${stage.theirs.version} (theirs, the latest)`,
              overwriting: stage.theirs,
              latestVersion: stage.theirs.version,
            })
          }
          onCancel={() => setStage({ kind: 'idle' })}
        />
      )}
      {props.importOpen && (
        <ImportDialog
          open
          policyId={props.policyId}
          current={props.currentPolicy}
          onImport={props.onImport}
          onCancel={props.onCloseImport}
        />
      )}
    </Suspense>
  );
}
