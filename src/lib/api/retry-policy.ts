import { isApiError } from './api-error';

export const MAX_RETRIES = 3;

/** Retry only what may pass by itself (network, timeout, 429, 502–504); never a 4xx or a bad body. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_RETRIES && isApiError(error) && error.isTransient;
}

/** Exponential backoff with jitter, or exactly what the server asked for with Retry-After. */
export function retryDelay(attempt: number, error: unknown): number {
  if (isApiError(error) && error.retryAfter !== undefined) return Math.min(error.retryAfter, 120) * 1000;
  const base = Math.min(1000 * 2 ** attempt, 15_000);
  return base / 2 + Math.random() * (base / 2);
}
