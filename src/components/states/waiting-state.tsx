import { describeApiError } from '@/lib/api/describe-api-error';
import { MAX_RETRIES } from '@/lib/api/retry-policy';
import type { RequestWait } from '@/lib/api/request-wait';
import { useNow } from '@/lib/time/use-now';
import { LoadingState } from './loading-state';

/** A wait this short needs no words; past it, the person is told what is going on. */
const QUIET_WAIT_MS = 3_000;

interface WaitingStateProps {
  /** What is loading, e.g. "Loading policies…". */
  label: string;
  /** Who is being waited for, e.g. "Guardian". */
  server: string;
  wait: RequestWait;
}

/**
 * Loading that says what is happening as it happens: after a few seconds, how long the server has
 * been silent, what the retries met, and a way to retry at once or stop waiting.
 */
export function WaitingState({ label, server, wait }: WaitingStateProps) {
  const now = useNow(wait.since !== undefined);
  if (wait.stopped) {
    return (
      <div className="state state--loading state--waiting" role="status">
        <div className="state__body">
          <p className="state__title">Stopped waiting for {server}.</p>
          <p className="state__message">Nothing was loaded. Try again when you are ready.</p>
          <button type="button" className="button" onClick={wait.retry}>
            Try again
          </button>
        </div>
      </div>
    );
  }
  const waitedMs = wait.since === undefined ? 0 : Math.max(0, now - wait.since);
  if (waitedMs < QUIET_WAIT_MS) return <LoadingState label={label} />;
  const tries = MAX_RETRIES + 1;
  return (
    <div className="state state--loading state--waiting" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <div className="state__body">
        <p className="state__title">
          Still waiting for {server}… {/* The count ticks every second: shown, not announced each time. */}
          <span aria-live="off">{Math.floor(waitedMs / 1000)} s</span>
        </p>
        {wait.failures > 0 && (
          <p className="state__message">
            {describeApiError(wait.lastFailure).title} on try {wait.failures} of {tries}; trying again.
          </p>
        )}
        <div className="state__actions">
          <button type="button" className="button" onClick={wait.retry}>
            Retry now
          </button>
          <button type="button" className="button button--ghost" onClick={wait.cancel}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
