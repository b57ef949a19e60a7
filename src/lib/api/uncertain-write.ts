import { isApiError } from './api-error';

/**
 * Whether a write that failed may still have been stored. A request that timed out, lost its
 * connection or got a gateway's 502/504 may have reached the server and been carried out; an
 * unreadable 2xx answer certainly was. Only a clear refusal from the server itself means nothing
 * was stored. Such a write is never retried blindly: look first.
 */
export function mayHaveBeenStored(error: unknown): boolean {
  if (!isApiError(error)) return false;
  if (error.kind === 'timeout' || error.kind === 'network') return true;
  if (error.kind === 'http') return error.status === 502 || error.status === 504;
  if (error.kind === 'malformed' || error.kind === 'schema') {
    return error.status === undefined || (error.status >= 200 && error.status < 300);
  }
  return false;
}
