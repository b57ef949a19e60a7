/**
 * Cloudflare's API envelope: `{success, errors, messages, result}` on every body, JSON, failures
 * non-2xx with `success: false, result: null`. Plain Fetch `Response`s, so every transport can send them.
 */
export interface CfMessage {
  code: number;
  message: string;
  error_chain?: CfMessage[];
}

const JSON_HEADERS = { 'Content-Type': 'application/json' };

export function cfSuccess(result: unknown, resultInfo?: Record<string, unknown>): Response {
  const body = { success: true, errors: [], messages: [], result, ...(resultInfo ? { result_info: resultInfo } : {}) };
  return new Response(JSON.stringify(body), { headers: JSON_HEADERS });
}

export function cfFailure(status: number, errors: CfMessage[], headers?: Record<string, string>): Response {
  return new Response(JSON.stringify({ success: false, errors, messages: [], result: null }), {
    status,
    headers: { ...JSON_HEADERS, ...headers },
  });
}

/**
 * Cloudflare error codes. Auth ones are the real API's; the rest are our servers' choice (the public
 * spec lists none for this endpoint), all ≥ 1000 as `access_messages` requires.
 */
export const CF = {
  missingAuth: { code: 9106, message: 'Missing X-Auth-Key, X-Auth-Email or Authorization headers' },
  badHeaders: 6003,
  badAuthorization: { code: 6111, message: 'Invalid format for Authorization header' },
  badAuthKey: { code: 6103, message: 'Invalid format for X-Auth-Key header' },
  badAuthEmail: { code: 6102, message: 'Invalid format for X-Auth-Email header' },
  authError: { code: 10000, message: 'Authentication error' },
  noRoute: 7003,
  methodNotAllowed: 7001,
  invalidRequest: 10400,
  /** An inline Guardian policy that Guardian would refuse (the message is Guardian's). */
  invalidDraft: 10422,
  notFound: 10404,
  rateLimited: 10429,
  internal: 10500,
  badGateway: 10502,
  unavailable: 10503,
  gatewayTimeout: 10504,
} as const;

export const invalidRequest = (...messages: string[]): Response =>
  cfFailure(
    400,
    messages.map((message) => ({ code: CF.invalidRequest, message })),
  );
