import { isApiError } from '@/lib/api/api-error';

/** Guardian's "your policy is wrong" answer (HTTP 500 with its validation words), as opposed to an outage. */
export function validationMessageOf(error: unknown): string | undefined {
  if (!isApiError(error) || error.kind !== 'http') return undefined;
  const message = error.serverMessages.join('\n');
  if (error.status === 400 && message) return message;
  return /policy validation:|parsing iam config:|Key: '/.test(message) ? message : undefined;
}
