/** What went wrong, in the words the UI chooses its message and its retry policy by. */
export type ApiErrorKind =
  | 'http' // the server answered with a non-2xx status
  | 'network' // no answer: offline, DNS, connection refused, CORS
  | 'timeout' // no answer within the client's time limit
  | 'aborted' // the caller cancelled (navigation, unmount)
  | 'malformed' // the body was not JSON
  | 'schema'; // JSON that does not match what the API documents

export interface ApiRequestInfo {
  api: 'guardian' | 'policy-tests';
  method: string;
  /** Path and query only: never a token, never a host with credentials. */
  path: string;
}

export interface ApiErrorInit {
  kind: ApiErrorKind;
  message: string;
  request: ApiRequestInfo;
  status?: number;
  /** gRPC code (Guardian) or Cloudflare error code. */
  code?: number;
  /** Every message the server gave (the Cloudflare envelope may hold several). */
  serverMessages?: string[];
  /** Seconds, from a `Retry-After` header. */
  retryAfter?: number;
  /** Where in the body a schema mismatch was found, e.g. `policies[3].steps[0].name`. */
  issues?: string[];
  /** No answer because this page's Content-Security-Policy forbids connecting there. */
  blockedByPolicy?: boolean;
  cause?: unknown;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly request: ApiRequestInfo;
  readonly status: number | undefined;
  readonly code: number | undefined;
  readonly serverMessages: string[];
  readonly retryAfter: number | undefined;
  readonly issues: string[];
  readonly blockedByPolicy: boolean;

  constructor(init: ApiErrorInit) {
    super(init.message, { cause: init.cause });
    this.kind = init.kind;
    this.request = init.request;
    this.status = init.status;
    this.code = init.code;
    this.serverMessages = init.serverMessages ?? [];
    this.retryAfter = init.retryAfter;
    this.issues = init.issues ?? [];
    this.blockedByPolicy = init.blockedByPolicy ?? false;
  }

  /** Worth trying again by itself: the fault is likely passing, not in what we sent. */
  get isTransient(): boolean {
    // The page's own security policy does not pass by itself.
    if (this.blockedByPolicy) return false;
    if (this.kind === 'network' || this.kind === 'timeout') return true;
    if (this.kind !== 'http' || this.status === undefined) return false;
    return this.status === 429 || this.status === 502 || this.status === 503 || this.status === 504;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
