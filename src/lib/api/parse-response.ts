import type { z } from 'zod';
import { ApiError, type ApiRequestInfo } from './api-error';

/** A readable path such as `policies[3].steps[0].strategy`. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

export function describeIssues(error: z.ZodError, limit = 5): string[] {
  return error.issues.slice(0, limit).map((issue) => {
    const where = issuePath(issue.path);
    return where ? `${where}: ${issue.message}` : issue.message;
  });
}

/** Validates a response body at the API boundary; a mismatch is an ApiError the UI can show. */
export function parseResponse<T>(
  schema: z.ZodType<T>,
  body: unknown,
  request: ApiRequestInfo,
  what: string,
  status?: number,
): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issues = describeIssues(result.error);
  throw new ApiError({
    kind: 'schema',
    status,
    request,
    issues,
    message: `The server sent ${what} this console cannot read (${issues[0] ?? 'unexpected shape'}).`,
    cause: result.error,
  });
}
