import { getSettings, type Settings } from '@/lib/settings';
import { ApiError } from '../api-error';
import { retryAfterSeconds, sendJson, type ApiCall } from '../http';
import type { core } from 'zod/mini';
import { parseResponse } from '../parse-response';
import { envelopeSchema, failureEnvelopeSchema, resultInfoSchema, type ResultInfo } from './policy-test-schema';

export const POLICY_TEST_PREFIX = '/client/v4';

/**
 * The credentials Settings lacks for the chosen way of signing in, in words ("API token", "account
 * email and API key"), or undefined when they are set. The real API refuses every request without them.
 */
export function missingCredentials(settings: Settings = getSettings()): string | undefined {
  if (settings.authMode === 'key') {
    const missing = [!settings.authEmail.trim() && 'account email', !settings.apiKey.trim() && 'API key'];
    const words = missing.filter((word): word is string => Boolean(word));
    return words.length > 0 ? words.join(' and ') : undefined;
  }
  return settings.apiToken.trim() ? undefined : 'API token';
}

/** The credentials' headers, from the saved settings or from settings about to be saved (a connection test). */
export function authHeaders(
  s: Pick<Settings, 'authMode' | 'authEmail' | 'apiKey' | 'apiToken'> = getSettings(),
): Record<string, string> {
  if (s.authMode === 'key') return { 'X-Auth-Email': s.authEmail, 'X-Auth-Key': s.apiKey };
  return s.apiToken ? { Authorization: `Bearer ${s.apiToken}` } : {};
}

/** Where below `/accounts/{account_id}/access/` a request goes: the tester, or our servers' directory extension (README). */
type PolicyTestCollection = 'policy-tests' | 'policy-test-directory';

type PolicyTestCall = ApiCall & { collection?: PolicyTestCollection };

/**
 * Sends a request to the policy-test API and unwraps the Cloudflare envelope's `result`;
 * `req.path` is below `/accounts/{account_id}/access/policy-tests` (or `collection`).
 */
export async function policyTestRequest<T>(result: core.$ZodType<T>, req: PolicyTestCall): Promise<T> {
  return (await policyTestListRequest(result, req)).result;
}

/**
 * The same, for a list: with the envelope's `result_info`, read on its own (odd paging facts are
 * dropped, never the page). The official API sends none for users pages; our test servers do.
 */
export async function policyTestListRequest<T>(
  result: core.$ZodType<T>,
  req: PolicyTestCall,
): Promise<{ result: T; info: ResultInfo }> {
  const settings = getSettings();
  if (!settings.accountId) {
    throw new ApiError({
      kind: 'http',
      status: 400,
      request: { api: 'policy-tests', method: req.method ?? 'GET', path: req.path },
      message: 'No Cloudflare account id is set. Add one in Settings.',
    });
  }
  const response = await sendJson({
    api: 'policy-tests',
    baseUrl: settings.policyTestUrl,
    path: `${POLICY_TEST_PREFIX}/accounts/${encodeURIComponent(settings.accountId)}/access/${req.collection ?? 'policy-tests'}${req.path}`,
    method: req.method,
    query: req.query,
    body: req.body,
    headers: authHeaders(),
    signal: req.signal,
  });

  const ok = response.status >= 200 && response.status < 300;
  const failure = failureEnvelopeSchema.safeParse(response.body);
  const errors = failure.success ? failure.data.errors : [];
  if (!ok || (failure.success && failure.data.success === false)) {
    const messages = errors.map((e) => e.message);
    throw new ApiError({
      kind: 'http',
      status: response.status,
      code: errors[0]?.code,
      request: response.request,
      retryAfter: retryAfterSeconds(response.headers),
      serverMessages: messages,
      message: messages.join(' ') || `The policy-test API answered HTTP ${response.status} without an explanation.`,
    });
  }
  const envelope = await parseResponse(
    envelopeSchema(result),
    response.body,
    response.request,
    req.what,
    response.status,
  );
  const info = resultInfoSchema.safeParse(envelope.result_info ?? {});
  return { result: envelope.result as T, info: info.success ? info.data : {} };
}
