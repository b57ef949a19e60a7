import type { z } from 'zod';
import { getSettings } from '@/lib/settings';
import { ApiError } from '../api-error';
import { retryAfterSeconds, sendJson, type HttpRequest } from '../http';
import { parseResponse } from '../parse-response';
import { guardianErrorSchema } from './policy-schema';

export const GUARDIAN_PREFIX = '/api/v1beta1';

export interface GuardianRequest {
  path: string;
  method?: HttpRequest['method'];
  query?: HttpRequest['query'];
  body?: unknown;
  signal?: AbortSignal;
  /** What the answer is, for messages: "a policy", "the policy list". */
  what: string;
}

/** Sends a Guardian request; returns the parsed body or throws an ApiError with the server's words. */
export async function guardianRequest<T>(schema: z.ZodType<T>, req: GuardianRequest): Promise<T> {
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
  const error = guardianErrorSchema.safeParse(response.body);
  const serverMessage = error.success ? error.data.message : undefined;
  throw new ApiError({
    kind: 'http',
    status: response.status,
    code: error.success ? error.data.code : undefined,
    request: response.request,
    retryAfter: retryAfterSeconds(response.headers),
    serverMessages: serverMessage ? [serverMessage] : [],
    message: serverMessage ?? `Guardian answered HTTP ${response.status} without an explanation.`,
  });
}
