import { memo } from 'react';
import type { Step } from '@/lib/api/guardian/policy-schema';
import { STEP_KEYS } from '@/lib/api/guardian/policy-schema';
import { undeclaredKeys } from '@/lib/guardian-rules/undeclared-keys';
import { ClampedText } from '@/components/clamped-text/clamped-text';
import { Icon } from '@/components/icon/icon';
import { isEmail } from '@/lib/guardian-rules/is-email';
import { maskSecrets } from '@/lib/secrets';
import { useGrowingCount } from '@/lib/scheduling/use-growing-count';
import { ExpressionText } from './expression-text';

function Approver({ value }: { value: string }) {
  const email = isEmail(value);
  return (
    <li className={email ? 'approver approver--email' : 'approver approver--expression'}>
      <span className="approver__kind">{email ? 'Email' : 'Expression'}</span>
      {email ? <span className="break-anywhere">{value}</span> : <ExpressionText>{value}</ExpressionText>}
    </li>
  );
}

/** Drawn once: the steps that follow, added a few per frame, leave it as it is. */
const StepCard = memo(function StepCard({ step, index, total }: { step: Step; index: number; total: number }) {
  const extras = undeclaredKeys(step, STEP_KEYS);
  return (
    <li className="flow__step">
      <div className="flow__marker" aria-hidden="true">
        {index + 1}
      </div>
      <article className="flow__card" aria-label={`Step ${index + 1} of ${total}: ${step.name}`}>
        <header className="flow__head">
          <h3 className="flow__name mono">{step.name || <span className="muted">(no name)</span>}</h3>
          <span className={step.strategy === 'auto' ? 'badge badge--info' : 'badge badge--neutral'}>
            <Icon name={step.strategy === 'auto' ? 'processing' : 'policies'} />
            {step.strategy === 'auto' ? 'Automatic' : 'Manual approval'}
          </span>
          {step.allowFailed && (
            <span className="badge badge--warning">
              <Icon name="info" /> May fail
            </span>
          )}
        </header>
        {step.description && (
          <ClampedText text={step.description} label="Step description" className="flow__description break-anywhere" />
        )}
        <dl className="flow__details">
          <div>
            <dt>Runs</dt>
            <dd>
              {step.when ? (
                <>
                  only when <ExpressionText>{step.when}</ExpressionText>
                </>
              ) : (
                'always'
              )}
            </dd>
          </div>
          {step.strategy === 'auto' ? (
            <div>
              <dt>Approves when</dt>
              <dd>
                {step.approveIf ? (
                  <ExpressionText>{step.approveIf}</ExpressionText>
                ) : (
                  <span className="muted">(no condition set)</span>
                )}
              </dd>
            </div>
          ) : (
            <div>
              <dt>Approvers</dt>
              <dd>
                {step.approvers.length > 0 ? (
                  <ul className="approvers">
                    {step.approvers.map((approver, i) => (
                      <Approver key={i} value={approver} />
                    ))}
                  </ul>
                ) : (
                  <span className="muted">(none)</span>
                )}
              </dd>
            </div>
          )}
          {step.strategy === 'manual' && step.approveIf && (
            <div>
              <dt>Approves when</dt>
              <dd>
                <ExpressionText>{step.approveIf}</ExpressionText>
              </dd>
            </div>
          )}
          <div>
            <dt>If it fails</dt>
            <dd>
              {step.allowFailed ? 'the appeal goes on to the next step (allow_failed)' : 'the appeal is rejected'}
            </dd>
          </div>
          {step.rejectionReason && (
            <div>
              <dt>Rejection reason</dt>
              <dd className="break-anywhere">{step.rejectionReason}</dd>
            </div>
          )}
          {extras.map((key) => (
            <div key={key}>
              <dt className="mono">{key}</dt>
              <dd>
                <pre className="json-block mono">
                  {JSON.stringify(
                    maskSecrets((step as Record<string, unknown>)[key], { at: ['steps', index, key] }),
                    null,
                    2,
                  )}
                </pre>
              </dd>
            </div>
          ))}
        </dl>
      </article>
    </li>
  );
});

/** Steps drawn in the first frame: more than a screenful. */
const FIRST_STEPS = 20;
/** Steps added per frame after that: each addition a short task, even for a 2,000-step policy. */
const STEPS_PER_FRAME = 40;

/**
 * Steps as the ordered flow they are: each runs after the one before. A long flow is drawn a slice
 * per frame, so the view answers at once; every step is in the page soon after (the browser's find works).
 */
export function StepsFlow({ steps }: { steps: readonly Step[] }) {
  const shown = useGrowingCount(steps, { first: FIRST_STEPS, step: STEPS_PER_FRAME });
  if (steps.length === 0) return <p className="muted">This version has no steps.</p>;
  return (
    <ol className="flow flow--policy" aria-busy={shown < steps.length}>
      {steps.slice(0, shown).map((step, i) => (
        <StepCard key={i} step={step} index={i} total={steps.length} />
      ))}
    </ol>
  );
}
