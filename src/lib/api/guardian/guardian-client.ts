import { getSettings } from '@/lib/settings';
import { sendJson, type ApiCall } from '../http';
import { parseResponse, type ResponseSchema } from '../parse-response';
import { guardianFailure } from './guardian-failure';
import { GUARDIAN_PREFIX } from './guardian-prefix';

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
  throw guardianFailure(response);
}
