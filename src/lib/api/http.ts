import { ApiError, type ApiRequestInfo } from './api-error';
import { waitForMock } from './mock-ready';
import { readTextRestarting, StallTimeout, type StallTimer } from './stall-timeout';
import { buildUrl, jsonFetchInit, type QueryValues } from './build-url';

export interface HttpRequest {
  api: ApiRequestInfo['api'];
  baseUrl: string;
  path: string;
  method?: 'GET' | 'POST' | 'PUT';
  query?: QueryValues;
  headers?: Record<string, string>;
  body?: unknown;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Runs the timeout somewhere else (a worker's request, timed by its page); by default a timer here. */
  stallTimer?: (ms: number) => StallTimer;
  /**
   * The answer to this very request, already on its way (sent as the page started, before this code
   * had loaded): awaited under the same timeout instead of sending again. `undefined`: send it here.
   */
  sent?: Promise<Response | undefined>;
}

/** What a feature asks of an API client: the client adds the base URL, the prefix and the credentials. */
export interface ApiCall {
  path: string;
  method?: HttpRequest['method'];
  query?: HttpRequest['query'];
  body?: unknown;
  signal?: AbortSignal;
  /** What the answer is, for messages: "a policy", "the policy list". */
  what: string;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, or `undefined` for an empty body. */
  body: unknown;
  request: ApiRequestInfo;
}

/** How long a server may take to start answering, and how long its answer may then stall. */
const DEFAULT_TIMEOUT_MS = 15_000;

function pathOf(url: string): string {
  return url.replace(/^[a-z]+:\/\/[^/]+/i, '');
}

function retryAfterSeconds(headers: Headers): number | undefined {
  const raw = headers.get('retry-after');
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/**
 * One JSON request. Resolves with any HTTP status (the API clients read their own error shapes);
 * rejects with an ApiError only when there is no usable answer: network, timeout, abort, non-JSON.
 */
export async function sendJson(req: HttpRequest): Promise<HttpResponse> {
  const open = await openRequest(req);
  const text = await readText(open);
  return parseBody(open, text);
}

/**
 * Like sendJson, but a 2xx answer is handed to `onText` piece by piece as it arrives, never held
 * whole (`body` is then `undefined`); any other status is read and parsed whole, as its body is an
 * error for the API client to read. The timeout restarts with every piece, as in sendJson.
 */
export async function streamJson(req: HttpRequest, onText: (piece: string) => void): Promise<HttpResponse> {
  const open = await openRequest(req);
  if (open.response.status < 200 || open.response.status >= 300) return parseBody(open, await readText(open));
  await readText(open, onText);
  return { status: open.response.status, headers: open.response.headers, body: undefined, request: open.request };
}

interface OpenRequest {
  response: Response;
  request: ApiRequestInfo;
  timeout: StallTimer;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Sends the request and waits for the answer to start: everything up to the body. */
async function openRequest(req: HttpRequest): Promise<OpenRequest> {
  const url = buildUrl(req.baseUrl, req.path, req.query);
  const method = req.method ?? 'GET';
  const request: ApiRequestInfo = { api: req.api, method, path: pathOf(url) };
  // The demo renders before its mock backend answers: requests wait for it (not counted in the timeout).
  if (import.meta.env.VITE_MOCK === 'true') {
    try {
      await waitForMock(req.signal);
    } catch (cause) {
      throw new ApiError({ kind: 'aborted', message: 'The request was cancelled.', request, cause });
    }
  }
  const timeoutMs = req.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = req.stallTimer ? req.stallTimer(timeoutMs) : new StallTimeout(timeoutMs);
  const signal = req.signal ? AbortSignal.any([req.signal, timeout.signal]) : timeout.signal;

  try {
    const sent = req.sent && (await untilAborted(req.sent, signal));
    const response =
      sent ?? (await fetch(url, jsonFetchInit({ method, headers: req.headers, body: req.body, signal })));
    return { response, request, timeout, timeoutMs, signal: req.signal };
  } catch (cause) {
    timeout.clear();
    if (req.signal?.aborted) {
      throw new ApiError({ kind: 'aborted', message: 'The request was cancelled.', request, cause });
    }
    if (timeout.fired) {
      const seconds = Math.round(timeoutMs / 1000);
      throw new ApiError({
        kind: 'timeout',
        message: `The server did not answer within ${seconds} s.`,
        request,
        cause,
      });
    }
    // The browser says only "failed to fetch"; a request the page's own CSP forbids is worth naming
    // (the CSP matcher loads only then: the catalog's worker carries this module to its first row).
    // Offline, its chunk may not load either: then the network error below says what happened.
    const blocked = await import('./blocked-by-policy').then(
      ({ blockedByPolicyError }) => blockedByPolicyError(url, request, cause),
      () => undefined,
    );
    throw (
      blocked ??
      new ApiError({
        kind: 'network',
        message: 'The server could not be reached. Check your connection and the endpoint in Settings.',
        request,
        cause,
      })
    );
  }
}

/** Reads the body (whole, or piece by piece to `onText`); from here on the timeout measures a stall. */
async function readText(open: OpenRequest, onText?: (piece: string) => void): Promise<string> {
  const { timeout, timeoutMs, request } = open;
  try {
    timeout.restart();
    return await readTextRestarting(open.response, timeout, onText);
  } catch (cause) {
    if (cause instanceof ApiError) throw cause;
    const kind = open.signal?.aborted ? 'aborted' : timeout.fired ? 'timeout' : onText ? readFailure(cause) : 'network';
    const message =
      kind === 'timeout'
        ? `The answer stopped arriving for ${Math.round(timeoutMs / 1000)} s.`
        : kind === 'malformed'
          ? `The server answered ${open.response.status} with a body that is not JSON.`
          : 'The connection broke while the answer was arriving.';
    throw new ApiError({
      kind,
      message,
      request,
      cause,
      ...(kind === 'malformed' ? { status: open.response.status } : {}),
    });
  } finally {
    timeout.clear();
  }
}

/** A piece handed to a reader can be refused by it: a SyntaxError means the body is not JSON. */
function readFailure(cause: unknown): 'malformed' | 'network' {
  return cause instanceof SyntaxError ? 'malformed' : 'network';
}

function parseBody({ response, request }: OpenRequest, text: string): HttpResponse {
  if (text.trim() === '') return { status: response.status, headers: response.headers, body: undefined, request };
  try {
    return { status: response.status, headers: response.headers, body: JSON.parse(text), request };
  } catch (cause) {
    throw new ApiError({
      kind: 'malformed',
      status: response.status,
      message: `The server answered ${response.status} with a body that is not JSON.`,
      request,
      retryAfter: retryAfterSeconds(response.headers),
      cause,
    });
  }
}

/** `promise`, or the signal's reason as soon as it aborts (a request sent elsewhere cannot be aborted here). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export { retryAfterSeconds };
