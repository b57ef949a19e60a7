import type { StandardIssue, StandardSchemaV1 } from './standard-schema';
import { ApiError, type ApiRequestInfo } from './api-error';

/**
 * Any schema with the Standard Schema interface (every zod schema has one). Going through it rather
 * than zod's functions keeps zod itself out of modules that only pass schemas along, so views can
 * load their schemas in parallel with the request they validate.
 */
export type ResponseSchema<T> = StandardSchemaV1<unknown, T>;

type Issue = StandardIssue;

/** A readable path such as `policies[3].steps[0].strategy`. */
function issuePath(path: Issue['path']): string {
  return (path ?? [])
    .map((segment): PropertyKey => (typeof segment === 'object' ? segment.key : segment))
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

export function describeIssues(error: { readonly issues: readonly Issue[] }, limit = 5): string[] {
  return error.issues.slice(0, limit).map((issue) => {
    const where = issuePath(issue.path);
    return where ? `${where}: ${issue.message}` : issue.message;
  });
}

/** Validates a value against a schema, synchronously (all API schemas are synchronous). */
export function validate<T>(
  schema: ResponseSchema<T>,
  value: unknown,
): { ok: true; value: T } | { ok: false; issues: readonly Issue[] } {
  const result = schema['~standard'].validate(value);
  if (result instanceof Promise) throw new TypeError('API schemas must validate synchronously.');
  return result.issues ? { ok: false, issues: result.issues } : { ok: true, value: result.value };
}

/** Validates a response body at the API boundary; a mismatch is an ApiError the UI can show. */
export async function parseResponse<T>(
  schema: ResponseSchema<T> | Promise<ResponseSchema<T>>,
  body: unknown,
  request: ApiRequestInfo,
  what: string,
  status?: number,
): Promise<T> {
  const checked = await schema;
  let result = validate(checked, body);
  if (result.ok) return result.value;
  // Where zod's English messages load only when needed (the catalog's worker), check again with them.
  await import('./zod-messages');
  result = validate(checked, body);
  if (result.ok) return result.value;
  const issues = describeIssues(result);
  throw new ApiError({
    kind: 'schema',
    status,
    request,
    issues,
    message: `The server sent ${what} this console cannot read (${issues[0] ?? 'unexpected shape'}).`,
    cause: result.issues,
  });
}
