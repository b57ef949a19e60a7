import { isApiError } from '@/lib/api/api-error';
import { buildUrl } from '@/lib/api/build-url';
import { sendJson, type HttpRequest, type HttpResponse } from '@/lib/api/http';

/** What "Test connection" found, in the words an admin acts on. */
type ConnectionOutcome =
  | 'connected' // the right API answered (and, where there are credentials, accepted them)
  | 'auth-refused' // something answered and refused the credentials or the sign-in
  | 'cors-missing' // the server is up, but the browser may not read its answers from this origin
  | 'csp-blocked' // this console's own Content-Security-Policy forbids calling that origin
  | 'unreachable' // nothing answered at all
  | 'timeout' // the server took the request and never answered
  | 'wrong-api' // something answered, but not the API the console expects (wrong base URL, missing proxy)
  | 'server-error' // the right API answered with its own failure
  | 'incomplete'; // not enough settings to try (e.g. no account id)

export interface ConnectionReport {
  outcome: ConnectionOutcome;
  /** One sentence, the verdict: "Connected: Guardian answered as expected." */
  summary: string;
  /** What to do, or what exactly was seen. */
  detail?: string;
  /** The request that was sent, for the curious (never a credential). */
  request?: string;
}

const PROBE_TIMEOUT_MS = 10_000;

/** A fetch that ignores CORS: it resolves when anything at all answered, rejects when nothing did. */
export type ReachProbe = (url: string) => Promise<boolean>;

const reachableIgnoringCors: ReachProbe = async (url) => {
  try {
    await fetch(url, { mode: 'no-cors', credentials: 'omit', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    return true;
  } catch {
    return false;
  }
};

/** Whether this page's Content-Security-Policy blocked a request to `url` while `run` ran. */
async function watchingCsp<T>(url: string, run: () => Promise<T>): Promise<{ value: T; blocked: boolean }> {
  if (typeof document === 'undefined') return { value: await run(), blocked: false };
  let blocked = false;
  const target = (() => {
    try {
      return new URL(url, window.location.href).origin;
    } catch {
      return url;
    }
  })();
  const onViolation = (event: SecurityPolicyViolationEvent) => {
    if (event.effectiveDirective === 'connect-src' && event.blockedURI.startsWith(target)) blocked = true;
  };
  document.addEventListener('securitypolicyviolation', onViolation);
  try {
    return { value: await run(), blocked };
  } finally {
    // The violation event is queued: give it a turn before deciding nothing was blocked.
    await new Promise((resolve) => setTimeout(resolve, 0));
    document.removeEventListener('securitypolicyviolation', onViolation);
  }
}

export interface ProbeOptions {
  /** "Guardian", "the policy-test API": who was being called. */
  server: string;
  /** The build-time variable that lets a production build call another origin. */
  cspVariable: string;
  reach?: ReachProbe;
}

/**
 * Sends one probe request and turns every way it can fail to arrive into a report; the caller
 * judges the answer itself (the API's shape) when there is one.
 */
export async function sendProbe(
  req: HttpRequest,
  { server, cspVariable, reach = reachableIgnoringCors }: ProbeOptions,
): Promise<{ response: HttpResponse } | { report: ConnectionReport }> {
  const url = buildUrl(req.baseUrl, req.path, req.query);
  const request = `${req.method ?? 'GET'} ${url}`;
  const attempt = await watchingCsp(url, async () => {
    try {
      return { ok: true as const, response: await sendJson({ ...req, timeoutMs: PROBE_TIMEOUT_MS }) };
    } catch (error) {
      if (!isApiError(error)) throw error;
      return { ok: false as const, error };
    }
  });
  if (attempt.value.ok) return { response: attempt.value.response };
  const { error } = attempt.value;
  if (error.kind === 'aborted') throw error;
  if (error.kind === 'timeout') {
    return {
      report: {
        outcome: 'timeout',
        summary: `No answer: ${server} took the request but did not answer within ${PROBE_TIMEOUT_MS / 1000} s.`,
        detail: 'The server is overloaded, or something between (a proxy, a firewall) holds the request.',
        request,
      },
    };
  }
  if (error.kind === 'malformed') {
    return {
      report: {
        outcome: 'wrong-api',
        summary: `Wrong address: something answered (HTTP ${error.status ?? '?'}), but not ${server}’s API — the answer is not JSON.`,
        detail: `Usually a web page: the base URL points at a site, or no proxy forwards these paths to ${server}. The console called ${url}.`,
        request,
      },
    };
  }
  if (attempt.blocked) {
    return {
      report: {
        outcome: 'csp-blocked',
        summary: `Blocked by this console: its Content-Security-Policy only allows the origins it was built with.`,
        detail: `Rebuild with ${cspVariable} set to this URL, or serve the console and ${server} from one origin (or behind one proxy).`,
        request,
      },
    };
  }
  if (await reach(url)) {
    return {
      report: {
        outcome: 'cors-missing',
        summary: `Reachable, but the browser may not read its answers: ${server} sends no CORS headers for this origin.`,
        detail: `Serve the console from the same origin as ${server}, or behind a reverse proxy that forwards its paths (see the README).`,
        request,
      },
    };
  }
  return {
    report: {
      outcome: 'unreachable',
      summary: `Not reachable: nothing answered at this address.`,
      detail: 'Check the URL (scheme, host, port), that the server is running, and this machine’s network or VPN.',
      request,
    },
  };
}
