import { Icon } from '@/components/icon/icon';
import { ProgressBar } from '@/components/progress-bar/progress-bar';
import { formatCount } from '@/lib/format/format-number';
import type { PlanCounts } from '../plan/count-entries';
import type { PlanPhase } from '../hooks/use-apply-plan';

interface PlanSummaryProps {
  counts: PlanCounts;
  phase: PlanPhase;
  hidden: number;
  onApply: () => void;
  onReplan: () => void;
  onClear: () => void;
}

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** "2 policy files fail their test cases; 1 of them is selected: applied anyway if you go on." */
function casesLine(failing: number, selected: number): string {
  const one = failing === 1;
  const fail = one
    ? '1 policy file fails its test cases'
    : `${formatCount(failing)} policy files fail their test cases`;
  if (selected === 0) return `${fail}; ${one ? 'it is' : 'they are'} not selected for you.`;
  const which =
    selected === failing
      ? one
        ? 'it is'
        : 'all are'
      : `${formatCount(selected)} of them ${selected === 1 ? 'is' : 'are'}`;
  return `${fail}; ${which} selected: applied anyway if you go on.`;
}

/** The plan in one line, its progress, and the one button that writes. */
export function PlanSummary({ counts, phase, hidden, onApply, onReplan, onClear }: PlanSummaryProps) {
  const { byStatus } = counts;
  const parts = [
    byStatus.new > 0 && `${formatCount(byStatus.new)} new`,
    byStatus.changed > 0 && `${formatCount(byStatus.changed)} changed`,
    byStatus.unchanged > 0 && `${formatCount(byStatus.unchanged)} unchanged`,
    byStatus.invalid > 0 && `${formatCount(byStatus.invalid)} cannot be applied`,
    byStatus.skipped > 0 && plural(byStatus.skipped, 'not a policy file', 'not policy files'),
    counts.casesFiles > 0 &&
      `${plural(counts.casesFiles, 'test-case file', 'test-case files')}${byStatus.cases > 0 ? ` (${formatCount(byStatus.cases)} with problems)` : ''}`,
  ].filter(Boolean);
  const toApply = counts.applying + counts.applied + counts.already + counts.notApplied;
  return (
    <div className="plan-summary card" data-phase={phase}>
      <div className="plan-summary__line">
        <p className="plan-summary__counts" role="status">
          <strong>{plural(counts.total, 'file', 'files')}</strong>
          {parts.length > 0 && `: ${parts.join(' · ')}`}
          {hidden > 0 && <span className="muted"> ({plural(hidden, 'file', 'files')} in hidden folders not read)</span>}
        </p>
        <div className="plan-summary__actions">
          <button type="button" className="button" onClick={onClear} disabled={phase === 'applying'}>
            Clear
          </button>
          <button
            type="button"
            className="button"
            onClick={onReplan}
            disabled={phase === 'applying' || phase === 'planning'}
          >
            Plan again
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={onApply}
            disabled={phase !== 'planned' && phase !== 'applied' ? true : counts.selected === 0}
          >
            {phase === 'applying'
              ? `Applying ${formatCount(counts.applied + counts.already + counts.notApplied)} of ${formatCount(toApply)}…`
              : `Apply ${plural(counts.selected, 'selected file', 'selected files')}`}
          </button>
        </div>
      </div>
      {counts.casesFailing > 0 && (
        <p className="plan-summary__cases" role="status">
          <Icon name="blocked" /> {casesLine(counts.casesFailing, counts.selectedCasesFailing)}
        </p>
      )}
      {phase === 'planning' && (
        <ProgressBar
          label="Planning"
          value={counts.planned}
          max={counts.total}
          valueText={`${formatCount(counts.planned)} of ${formatCount(counts.total)} files planned`}
        />
      )}
      {phase === 'applying' && (
        <ProgressBar
          label="Applying"
          value={counts.applied + counts.already + counts.notApplied}
          max={toApply}
          valueText={`${formatCount(counts.applied + counts.already + counts.notApplied)} of ${formatCount(toApply)} files applied`}
        />
      )}
      {phase === 'applied' && toApply > 0 && (
        <p
          className={counts.notApplied > 0 ? 'plan-summary__result plan-summary__result--bad' : 'plan-summary__result'}
          role="status"
        >
          {counts.applied > 0 && `${plural(counts.applied, 'file', 'files')} applied`}
          {counts.applied > 0 && (counts.already > 0 || counts.notApplied > 0) && ' · '}
          {counts.already > 0 && `${plural(counts.already, 'file was', 'files were')} already on the server`}
          {counts.already > 0 && counts.notApplied > 0 && ' · '}
          {counts.notApplied > 0 &&
            `${plural(counts.notApplied, 'file was', 'files were')} not applied: see why in its row`}
          .
        </p>
      )}
    </div>
  );
}
