import { MaskedValueError } from '@/lib/secrets/masked-value-error';
import { isApiError } from './api-error';

export interface ErrorDescription {
  title: string;
  message: string;
  /** Extra facts for the curious: request, status, schema issues. Never a secret. */
  details: string[];
  retryable: boolean;
}

const API_NAMES = { guardian: 'Guardian', 'policy-tests': 'the policy-test API' } as const;

function titleFor(kind: string, status: number | undefined, api: string): string {
  if (kind === 'network') return `Cannot reach ${api}`;
  if (kind === 'timeout') return `${api} did not answer in time`;
  if (kind === 'malformed') return `${api} sent a broken answer`;
  if (kind === 'schema') return `${api} sent an answer this console does not understand`;
  if (kind === 'aborted') return 'Request cancelled';
  if (status === 401) return 'Not signed in';
  if (status === 403) return 'Not allowed';
  if (status === 404) return 'Not found';
  if (status === 429) return 'Too many requests';
  if (status !== undefined && status >= 500) return `${api} failed (HTTP ${status})`;
  return `${api} refused the request (HTTP ${status ?? '?'})`;
}

/** Servers' words often lack a full stop; one is added before the console's own sentence follows. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…:]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** How long a request was waited for in all, over how many tries (automatic retries included). */
export interface WaitSummary {
  ms: number;
  attempts: number;
}

/** The whole wait, when it was more than the one try the error itself describes. */
function waitSentence(kind: string, waited: WaitSummary | undefined): string {
  if (!waited || waited.attempts < 2) return '';
  const seconds = Math.max(1, Math.round(waited.ms / 1000));
  if (kind === 'timeout') return ` No answer to any of ${waited.attempts} tries: ${seconds} s in all.`;
  return ` Tried ${waited.attempts} times over ${seconds} s.`;
}

/** Turns any thrown value into words for a person, keeping the server's own message. */
export function describeApiError(error: unknown, waited?: WaitSummary): ErrorDescription {
  if (error instanceof MaskedValueError) {
    return {
      title: 'Not sent: a masked value is not a secret',
      message: error.message,
      details: error.paths.map((path) => path.join('.')),
      retryable: false,
    };
  }
  if (!isApiError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return { title: 'Something went wrong', message, details: [], retryable: true };
  }
  const api = API_NAMES[error.request.api];
  const details = [`${error.request.method} ${error.request.path}`];
  if (error.status !== undefined) details.push(`HTTP ${error.status}`);
  details.push(...error.issues);
  let message = error.message + waitSentence(error.kind, waited);
  if (error.status === 401) message = `${sentence(error.message)} Check the identity email or API token in Settings.`;
  if (error.status === 429 && error.retryAfter !== undefined) {
    message = `${sentence(error.message)} The server asked to wait ${error.retryAfter} s before trying again.`;
  }
  return {
    title: error.blockedByPolicy
      ? `Blocked by this console’s security policy`
      : titleFor(error.kind, error.status, api.charAt(0).toUpperCase() + api.slice(1)),
    message,
    details,
    retryable: error.kind !== 'aborted',
  };
}
