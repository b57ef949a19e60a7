import { getSettings } from '@/lib/settings';
import { ApiError } from '../api-error';
import { retryAfterSeconds, sendJson, type ApiCall } from '../http';
import { parseResponse, type ResponseSchema } from '../parse-response';

export const GUARDIAN_PREFIX = '/api/v1beta1';

/** Sends a Guardian request; returns the parsed body or throws an ApiError with the server's words. */
export async function guardianRequest<T>(
  schema: ResponseSchema<T> | Promise<ResponseSchema<T>>,
  req: ApiCall,
): Promise<T> {
  const settings = getSettings();
  const isWrite = req.method === 'POST' || req.method === 'PUT';
  const headers: Record<string, string> = {};
  if (isWrite && settings.identityEmail) headers['X-Auth-Email'] = settings.identityEmail;

  const response = await sendJson({
    api: 'guardian',
    baseUrl: settings.guardianUrl,
    path: `${GUARDIAN_PREFIX}${req.path}`,
    method: req.method,
    query: req.query,
    body: req.body,
    headers,
    signal: req.signal,
  });

  if (response.status >= 200 && response.status < 300) {
    return parseResponse(schema, response.body, response.request, req.what, response.status);
  }
  const error = readGuardianError(response.body);
  const serverMessage = error.message;
  throw new ApiError({
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
