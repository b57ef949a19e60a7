import { CF, type CfMessage } from './envelope';

/**
 * Cloudflare's API auth: `Authorization: Bearer <token>` or `X-Auth-Email` + `X-Auth-Key`. The
 * header formats are checked here, as Cloudflare checks them; whether a well-formed credential is
 * known is the server's own question (`accepts`): the mock knows every token but a few words, the
 * runner only its configured tokens.
 */
type Credential = { kind: 'token'; token: string } | { kind: 'key'; email: string; key: string };
export type CredentialCheck = (credential: Credential) => boolean;
export type AuthCheck = { ok: true } | { ok: false; status: number; errors: CfMessage[] };

const badHeader = (detail: CfMessage): AuthCheck => ({
  ok: false,
  status: 400,
  errors: [{ code: CF.badHeaders, message: 'Invalid request headers', error_chain: [detail] }],
});
const rejected: AuthCheck = { ok: false, status: 403, errors: [CF.authError] };

export function checkCloudflareAuth(headers: Headers, accepts: CredentialCheck): AuthCheck {
  const authorization = headers.get('Authorization');
  const email = headers.get('X-Auth-Email');
  const key = headers.get('X-Auth-Key');
  if (authorization !== null) {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
    if (!token) return badHeader(CF.badAuthorization);
    return accepts({ kind: 'token', token }) ? { ok: true } : rejected;
  }
  if (email === null && key === null) return { ok: false, status: 400, errors: [CF.missingAuth] };
  if (!key?.trim()) return badHeader(CF.badAuthKey);
  if (!email?.includes('@')) return badHeader(CF.badAuthEmail);
  return accepts({ kind: 'key', email, key: key.trim() }) ? { ok: true } : rejected;
}
