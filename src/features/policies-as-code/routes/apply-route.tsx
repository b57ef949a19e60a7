import { useMemo } from 'react';
import { useNavigate } from '@/lib/router/use-navigate';
import { PageHeader } from '@/components/page-header/page-header';
import { ErrorState } from '@/components/states/error-state';
import { versionPath } from '@/features/policies';
import { DropZone } from '../components/drop-zone';
import { InterruptedNotice } from '../components/interrupted-notice';
import { KeepCasesOffer, casesToKeep } from '../components/keep-cases-offer';
import { PlanSummary } from '../components/plan-summary';
import { PlanTable } from '../components/plan-table';
import { useApplyPlan } from '../hooks/use-apply-plan';
import { countEntries } from '../plan/count-entries';
import './apply.css';

/**
 * `/policies/apply`: the console's `guardian policy plan` and `apply` for a folder from git. Each
 * file is read, compared with the latest version on the server (new, changed, unchanged), shown as a
 * structural diff, checked by the editor's rules and Guardian's dry run; the chosen ones are applied.
 */
export function ApplyRoute() {
  const plan = useApplyPlan();
  const navigate = useNavigate();
  const counts = useMemo(() => countEntries(plan.entries), [plan.entries]);
  const busy = plan.phase === 'applying';
  const keepable = useMemo(
    () => (plan.phase === 'applied' ? casesToKeep(plan.entries) : []),
    [plan.phase, plan.entries],
  );

  const apply = async () => {
    const answered = await plan.apply();
    // One file applied: its new version is what the admin wants to see next — unless its test
    // cases came from a file, which this page offers to keep first.
    const only = answered.length === 1 && casesToKeep(answered).length === 0 ? answered[0] : undefined;
    const result = only?.result;
    if (only?.id && result && (result.kind === 'applied' || result.kind === 'already')) {
      const what =
        result.kind === 'applied'
          ? `Applied ${only.path} as v${result.version}.`
          : `${only.path} was already v${result.version}.`;
      void navigate(versionPath(only.id, result.version), { state: { notice: what } });
    }
  };

  return (
    <section className="page page--wide apply-page" aria-labelledby="apply-title">
      <PageHeader
        title="Apply from files"
        titleId="apply-title"
        subtitle="Plan policy files from git against the server — what each changes, and whether it passes the checks — then apply the ones you choose. Files you download for the CLI come back here unchanged."
      />
      {plan.interrupted && plan.interrupted.files.some((f) => f.state === 'pending') && (
        <InterruptedNotice journal={plan.interrupted} onDismiss={plan.dismissInterrupted} />
      )}
      <DropZone onFiles={(files) => void plan.plan(files)} disabled={busy} compact={plan.entries.length > 0} />
      {plan.phase !== 'idle' && (
        <PlanSummary
          counts={counts}
          phase={plan.phase}
          hidden={plan.outcome?.hidden ?? 0}
          onApply={() => void apply()}
          onReplan={() => void plan.replan()}
          onClear={plan.clear}
        />
      )}
      {keepable.length > 0 && <KeepCasesOffer key={keepable.map((entry) => entry.key).join('\n')} entries={keepable} />}
      {plan.outcome?.serverError !== undefined && (
        <ErrorState
          error={plan.outcome.serverError}
          doing="compare the files with the server"
          onRetry={() => void plan.replan()}
        />
      )}
      {plan.phase !== 'idle' && plan.entries.length === 0 && (
        <p className="apply-page__empty">
          {plan.outcome && plan.outcome.hidden > 0
            ? 'Every file there is in a hidden folder (such as .git): choose the folder that holds the policy files.'
            : 'No files were found there.'}
        </p>
      )}
      {plan.entries.length > 0 && <PlanTable entries={plan.entries} busy={busy} onSelect={plan.select} />}
    </section>
  );
}
