import { ApiError } from '../api-error';
import { retryAfterSeconds, type HttpResponse } from '../http';

/** A non-2xx Guardian answer as an ApiError with the server's own words. */
export function guardianFailure(response: HttpResponse): ApiError {
  const error = readGuardianError(response.body);
  const serverMessage = error.message;
  return new ApiError({
    kind: 'http',
    status: response.status,
    code: error.code,
    request: response.request,
    retryAfter: retryAfterSeconds(response.headers),
    serverMessages: serverMessage ? [serverMessage] : [],
    message: serverMessage ?? `Guardian answered HTTP ${response.status} without an explanation.`,
  });
}

/** Guardian's error body (grpc-gateway `rpcStatus`: `{code, message}`), read leniently: it only words a failure. */
function readGuardianError(body: unknown): { code?: number; message?: string } {
  if (typeof body !== 'object' || body === null) return {};
  const { code, message } = body as Record<string, unknown>;
  return {
    code: typeof code === 'number' ? code : undefined,
    message: typeof message === 'string' && message.trim() !== '' ? message : undefined,
  };
}
