import { CF, type CfMessage } from './respond';

/**
 * Cloudflare's API auth: `Authorization: Bearer <token>` or `X-Auth-Email` + `X-Auth-Key`. The
 * mock accepts any well-formed credentials except the words `invalid`, `expired` and `revoked`,
 * which it treats as a token (or key) Cloudflare does not know — so a 403 can be shown on demand.
 */
export type AuthCheck = { ok: true } | { ok: false; status: number; errors: CfMessage[] };

const REJECTED = new Set(['invalid', 'expired', 'revoked']);

export function checkCloudflareAuth(headers: Headers): AuthCheck {
  const authorization = headers.get('Authorization');
  const email = headers.get('X-Auth-Email');
  const key = headers.get('X-Auth-Key');
  if (authorization !== null) {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
    if (!token)
      return {
        ok: false,
        status: 400,
        errors: [{ code: CF.badHeaders, message: 'Invalid request headers', error_chain: [CF.badAuthorization] }],
      };
    return REJECTED.has(token) ? { ok: false, status: 403, errors: [CF.authError] } : { ok: true };
  }
  if (email === null && key === null) return { ok: false, status: 400, errors: [CF.missingAuth] };
  if (!key?.trim())
    return {
      ok: false,
      status: 400,
      errors: [{ code: CF.badHeaders, message: 'Invalid request headers', error_chain: [CF.badAuthKey] }],
    };
  if (!email?.includes('@'))
    return {
      ok: false,
      status: 400,
      errors: [{ code: CF.badHeaders, message: 'Invalid request headers', error_chain: [CF.badAuthEmail] }],
    };
  return REJECTED.has(key.trim()) ? { ok: false, status: 403, errors: [CF.authError] } : { ok: true };
}
