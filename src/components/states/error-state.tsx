import { describeApiError, type WaitSummary } from '@/lib/api/describe-api-error';
import { Icon } from '../icon/icon';

interface ErrorStateProps {
  error: unknown;
  /** What was being loaded, e.g. "the policy list". */
  what?: string;
  /** What was being done when it is not loading, e.g. "run Guardian’s check". */
  doing?: string;
  onRetry?: () => void;
  retrying?: boolean;
  compact?: boolean;
  /** The whole wait behind this failure, automatic retries included (see useRequestWait). */
  waited?: WaitSummary;
}

/** A failure said in words where it happened, with the server's own message and a retry. */
export function ErrorState({ error, what, doing, onRetry, retrying, compact, waited }: ErrorStateProps) {
  const { title, message, details, retryable } = describeApiError(error, waited);
  return (
    <div role="alert" className={compact ? 'state state--error state--compact' : 'state state--error'}>
      <Icon name="error" className="state__icon" />
      <div className="state__body">
        <p className="state__title">
          {doing ? `Could not ${doing}: ` : what ? `Could not load ${what}: ` : ''}
          {title}
        </p>
        <p className="state__message">{message}</p>
        {details.length > 0 && (
          <details className="state__details">
            <summary>Details</summary>
            <ul>
              {details.map((detail, i) => (
                <li key={i} className="mono">
                  {detail}
                </li>
              ))}
            </ul>
          </details>
        )}
        {onRetry && retryable && (
          <button type="button" className="button" onClick={onRetry} disabled={retrying}>
            {retrying ? 'Retrying…' : 'Try again'}
          </button>
        )}
      </div>
    </div>
  );
}
