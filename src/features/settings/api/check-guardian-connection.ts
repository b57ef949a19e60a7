import { useMutation } from '@tanstack/react-query';
import { GUARDIAN_PREFIX } from '@/lib/api/guardian/guardian-prefix';
import { sendProbe, type ConnectionReport, type ReachProbe } from '../connection/connection-report';

/** A policy id no one uses: Guardian's answer for it (404 `policy not found`) shows the API is there. */
const GUARDIAN_PROBE_ID = 'policy-console-connection-test';

interface GuardianProbe {
  baseUrl: string;
  reach?: ReachProbe;
}

const isRpcStatus = (body: unknown): body is { code: number; message: string } =>
  typeof body === 'object' &&
  body !== null &&
  typeof (body as Record<string, unknown>).code === 'number' &&
  typeof (body as Record<string, unknown>).message === 'string';

const hasPolicy = (body: unknown) => typeof body === 'object' && body !== null && 'policy' in body;

/**
 * "Test connection" for Guardian: a real read of one (missing) policy version. It needs no identity
 * and moves no data, whatever the size of the server's catalog.
 */
export async function checkGuardianConnection({ baseUrl, reach }: GuardianProbe): Promise<ConnectionReport> {
  const path = `${GUARDIAN_PREFIX}/policies/${GUARDIAN_PROBE_ID}/versions/1`;
  const sent = await sendProbe(
    { api: 'guardian', baseUrl, path },
    { server: 'Guardian', cspVariable: 'VITE_GUARDIAN_URL', reach },
  );
  if ('report' in sent) return sent.report;
  const { status, body, request } = sent.response;
  const said = isRpcStatus(body) ? `: “${body.message}”` : '';
  const at = `${request.method} ${request.path}`;
  if ((status === 404 && isRpcStatus(body)) || (status >= 200 && status < 300 && hasPolicy(body))) {
    return {
      outcome: 'connected',
      summary: 'Connected: Guardian answered as expected.',
      detail: `Asked for a policy that does not exist and got Guardian’s own answer (HTTP ${status}${said}).`,
      request: at,
    };
  }
  if (status === 401 || status === 403 || status === 407) {
    return {
      outcome: 'auth-refused',
      summary: `Reachable, but the request was refused (HTTP ${status}${said}).`,
      detail:
        'Guardian itself needs no sign-in to read policies: an auth proxy in front of it wants one. Sign in through it in this browser, or ask who runs it.',
      request: at,
    };
  }
  if (status >= 500 && isRpcStatus(body)) {
    return {
      outcome: 'server-error',
      summary: `Guardian answered, but failed (HTTP ${status}${said}).`,
      detail: 'The server is up and is Guardian; it failed on its side. Its logs say more.',
      request: at,
    };
  }
  return {
    outcome: 'wrong-api',
    summary: `Wrong address: something answered (HTTP ${status}), but not the way Guardian’s API does.`,
    detail: `Check the base URL: the console adds ${GUARDIAN_PREFIX}/… to it, so give the server root, not an API path.`,
    request: at,
  };
}

export function useCheckGuardianConnection() {
  return useMutation({ mutationFn: checkGuardianConnection });
}
