import { isApiError } from './api-error';

/**
 * Whether a write that failed may still have been stored. A request that timed out, lost its
 * connection or got a gateway's 502/504 may have reached the server and been carried out; an
 * unreadable 2xx answer certainly was. Only a clear refusal from the server itself means nothing
 * was stored. Such a write is never retried blindly: look first.
 */
export function mayHaveBeenStored(error: unknown): boolean {
  if (!isApiError(error) || error.blockedByPolicy) return false;
  if (error.kind === 'timeout' || error.kind === 'network') return true;
  if (error.kind === 'http') return error.status === 502 || error.status === 504;
  if (error.kind === 'malformed' || error.kind === 'schema') {
    return error.status === undefined || (error.status >= 200 && error.status < 300);
  }
  return false;
}

/** Why a guarded write (check, send, look after a lost answer) did not go through, and what is known. */
export type WriteProblem =
  /** The check for versions saved meanwhile failed: nothing was sent. */
  | { kind: 'recheck-failed'; error: unknown }
  /** The server refused or failed in a way that stores nothing. */
  | { kind: 'failed'; error: unknown }
  /** The answer was lost (timeout, cut connection, gateway error): looking at the server now. */
  | { kind: 'verifying'; error: unknown }
  /** Looked: nothing was stored, so sending again is safe. */
  | { kind: 'not-stored'; error: unknown; latest: number | undefined }
  /** The answer was lost and the look failed too: nobody knows yet whether it was stored. */
  | { kind: 'unknown'; error: unknown; checkError: unknown };
