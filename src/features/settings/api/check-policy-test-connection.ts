import { useMutation } from '@tanstack/react-query';
import { authHeaders, POLICY_TEST_PREFIX } from '@/lib/api/policy-tests/policy-test-client';
import { failureEnvelopeSchema } from '@/lib/api/policy-tests/policy-test-schema';
import type { Settings } from '@/lib/settings';
import { sendProbe, type ConnectionReport, type ReachProbe } from '../connection/connection-report';

/** A test id that cannot exist: the API's 404 for it, after checking the credentials, shows both work. */
const POLICY_TEST_PROBE_ID = '00000000-0000-4000-8000-000000000000';

type ProbeSettings = Pick<Settings, 'policyTestUrl' | 'accountId' | 'authMode' | 'authEmail' | 'apiKey' | 'apiToken'>;

/** Cloudflare's codes for credentials that are missing, malformed or refused. */
const AUTH_CODES = new Set([9106, 6003, 6100, 6101, 6102, 6103, 6111, 10000, 10001]);

const isEnvelope = (body: unknown) =>
  typeof body === 'object' &&
  body !== null &&
  typeof (body as Record<string, unknown>).success === 'boolean' &&
  failureEnvelopeSchema.safeParse(body).success;

/**
 * "Test connection" for the policy-test API: a real, authenticated read of one (missing) test in
 * the account, with the credentials as typed.
 */
export async function checkPolicyTestConnection(
  settings: ProbeSettings,
  reach?: ReachProbe,
): Promise<ConnectionReport> {
  if (settings.accountId.trim() === '') {
    return { outcome: 'incomplete', summary: 'Enter the account id first: every request names the account.' };
  }
  const path = `${POLICY_TEST_PREFIX}/accounts/${encodeURIComponent(settings.accountId.trim())}/access/policy-tests/${POLICY_TEST_PROBE_ID}`;
  const sent = await sendProbe(
    { api: 'policy-tests', baseUrl: settings.policyTestUrl, path, headers: authHeaders(settings) },
    { server: 'the policy-test API', cspVariable: 'VITE_POLICY_TEST_URL', reach },
  );
  if ('report' in sent) return sent.report;
  const { status, body, request } = sent.response;
  const at = `${request.method} ${request.path}`;
  if (!isEnvelope(body)) {
    return {
      outcome: 'wrong-api',
      summary: `Wrong address: something answered (HTTP ${status}), but not with the Cloudflare API’s envelope.`,
      detail: `Check the base URL: the console adds ${POLICY_TEST_PREFIX}/… to it, so give the server root.`,
      request: at,
    };
  }
  const errors = failureEnvelopeSchema.parse(body).errors;
  const said = errors.length > 0 ? `: “${errors.map((e) => e.message).join(' ')}”` : '';
  const authProblem = errors.some((e) => e.code !== undefined && AUTH_CODES.has(e.code));
  if (status === 401 || status === 403 || authProblem) {
    return {
      outcome: 'auth-refused',
      summary: `Reachable, but the credentials were refused (HTTP ${status}${said}).`,
      detail: 'Check the API token (or the email and global key) and that it may use Access in this account.',
      request: at,
    };
  }
  if ((status >= 200 && status < 300) || status === 404) {
    return {
      outcome: 'connected',
      summary: 'Connected: the policy-test API answered and accepted the credentials.',
      detail: `Asked for a test that does not exist in account ${settings.accountId.trim()} and got the API’s own answer (HTTP ${status}).`,
      request: at,
    };
  }
  return {
    outcome: 'server-error',
    summary: `The policy-test API answered, but failed (HTTP ${status}${said}).`,
    request: at,
  };
}

export function useCheckPolicyTestConnection() {
  return useMutation({ mutationFn: (settings: ProbeSettings) => checkPolicyTestConnection(settings) });
}
