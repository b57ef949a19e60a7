import type { ApproverTrace, StepTrace } from '@/lib/appeal';
import { formatValue, stepStateWords } from '@/lib/appeal/describe-trace';
import { CodeText } from '@/components/code-text/code-text';
import { ExpressionResult } from './expression-result';
import { StatusBadge } from './status-badge';
import { stepStatus } from './trace-status';

const KIND_WORDS = { email: 'email', 'not-email': 'not an email', nil: 'nil', 'wrong-type': 'not a string' } as const;

function Approver({ approver, index }: { approver: ApproverTrace; index: number }) {
  if (approver.literal)
    return (
      <li className="trace-approver">
        <span className="trace-expression__label">Approver {index + 1}</span>{' '}
        <span className="mono break-anywhere">{approver.source}</span>{' '}
        <span className="muted">(an email, taken as is)</span>
      </li>
    );
  return (
    <li className="trace-approver">
      {approver.expression ? (
        <ExpressionResult label={`Approver ${index + 1}`} trace={approver.expression} />
      ) : (
        <ExpressionResult label={`Approver ${index + 1}`} trace={{ source: approver.source, ran: false, reads: [] }} />
      )}
      {approver.resolved.length > 0 && (
        <ul className="trace-resolved" aria-label="Resolved to">
          {approver.resolved.map((item, i) => (
            <li key={i} className={item.kind === 'email' ? 'trace-resolved__ok' : 'trace-resolved__bad'}>
              <code className="mono">{formatValue(item.value, 120)}</code> — {KIND_WORDS[item.kind]}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** One step of the walk: what Guardian evaluated there and how the step ended. */
export function StepTraceCard({ step, total }: { step: StepTrace; total: number }) {
  const status = stepStatus(step);
  return (
    <li className={`flow__step trace-step trace-step--${step.state}`}>
      <div className="flow__marker" aria-hidden="true">
        {step.index + 1}
      </div>
      <article
        className="flow__card trace-flow__card"
        aria-label={`Step ${step.index + 1} of ${total}: ${step.name}, ${status.word}`}
      >
        <header className="flow__head">
          <h3 className="flow__name mono">{step.name || '(no name)'}</h3>
          <span className="muted">
            {step.strategy === 'auto' ? 'automatic' : step.strategy === 'manual' ? 'manual approval' : step.strategy}
          </span>
          <StatusBadge status={status} />
        </header>
        {(step.state === 'skipped' || step.state === 'waits' || step.state === 'failed-allowed') && (
          <p className="trace-step__words">
            <CodeText codeClassName="trace-code" text={stepStateWords(step)} />
          </p>
        )}
        {step.when && <ExpressionResult label="when" trace={step.when} />}
        {step.approveIf && <ExpressionResult label="approve_if" trace={step.approveIf} />}
        {step.approvers.length > 0 && (
          <p className="trace-step__note muted">
            Approvers are resolved when the appeal is created, before any step runs.
          </p>
        )}
        {step.approvers.length > 0 && (
          <ul className="stacked-list">
            {step.approvers.map((approver, i) => (
              <Approver key={i} approver={approver} index={i} />
            ))}
          </ul>
        )}
        {step.strategy === 'manual' && step.approvers.length === 0 && <p className="muted">No approvers listed.</p>}
      </article>
    </li>
  );
}
