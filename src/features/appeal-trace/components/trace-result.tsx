import type { ReactNode } from 'react';
import { Icon } from '@/components/icon/icon';
import type { AppealTrace } from '@/lib/appeal';
import { outcomeSentence } from '@/lib/appeal/describe-trace';
import { CodeText } from '@/components/code-text/code-text';
import { CreatorSummary } from './creator-summary';
import { StepTraceCard } from './step-trace-card';
import { TargetComparison } from './target-comparison';
import { outcomeStatus } from './trace-status';

interface TraceResultProps {
  trace: AppealTrace;
  /** Every target's trace, when compared side by side. */
  all?: readonly AppealTrace[];
  actions?: ReactNode;
}

/** The outcome in a sentence, then the creator and every step as Guardian walked them. */
export function TraceResult({ trace, all, actions }: TraceResultProps) {
  const status = outcomeStatus(trace);
  return (
    <>
      <div className={`trace-outcome trace-outcome--${status.tone}`}>
        <p className="trace-outcome__status">
          <Icon name={status.icon} /> <strong>{status.word}</strong>
        </p>
        <p className="trace-outcome__sentence" data-testid="trace-sentence">
          <CodeText codeClassName="trace-code" text={outcomeSentence(trace)} />
        </p>
        {actions && <div className="trace-outcome__actions">{actions}</div>}
      </div>
      {trace.notes.map((note) => (
        <p key={note} className="trace-notice trace-notice--info">
          <Icon name="info" /> <CodeText codeClassName="trace-code" text={note} />
        </p>
      ))}
      {all && all.length > 1 && <TargetComparison traces={all} />}
      <CreatorSummary trace={trace} />
      {trace.steps.length === 0 ? (
        <p className="muted">This version has no steps: Guardian approves every appeal.</p>
      ) : (
        <ol className="flow" aria-label="Steps as Guardian walked them">
          {trace.steps.map((step) => (
            <StepTraceCard key={step.index} step={step} total={trace.steps.length} />
          ))}
        </ol>
      )}
    </>
  );
}
