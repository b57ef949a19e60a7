import { isPlainObject } from '../../src/lib/guardian-rules/plain-object';

/**
 * Guardian's `http` IAM client (plugins/identities/http.go), as it fetches a creator's record: GET
 * the config's `url` with every `{user_id}` replaced by the user's email (as is, not escaped), each
 * configured header (its `{user_id}` replaced too), the auth (`basic`; `api_key` in the query or a
 * header; `bearer`) and `Accept: application/json`. A 2xx answer is decoded as JSON; anything else
 * is "request failed: <status>". Here with a concurrency limit, a timeout and a cache.
 */
export interface IamHttpConfig {
  url: string;
  headers?: Record<string, string>;
  auth?: {
    type?: string;
    username?: string;
    password?: string;
    in?: string;
    key?: string;
    value?: string;
    token?: string;
  };
}

export type IamAnswer = { ok: true; value: unknown } | { ok: false; error: string };

export interface IamFetcherOptions {
  concurrency: number;
  timeoutMs: number;
  cacheTtlMs: number;
  fetch?: typeof fetch;
  now?: () => number;
}

const USER_ID = '{user_id}';
const CACHE_LIMIT = 200_000;

/** The policy's IAM config when it is the `http` provider, else undefined. */
export function httpIamConfig(policy: Record<string, unknown>): IamHttpConfig | undefined {
  const iam = policy.iam;
  if (!isPlainObject(iam) || iam.provider !== 'http' || !isPlainObject(iam.config)) return undefined;
  const config = iam.config;
  if (typeof config.url !== 'string') return undefined;
  const headers = isPlainObject(config.headers)
    ? (Object.fromEntries(Object.entries(config.headers).filter(([, v]) => typeof v === 'string')) as Record<
        string,
        string
      >)
    : undefined;
  const auth = isPlainObject(config.auth) ? (config.auth as IamHttpConfig['auth']) : undefined;
  return { url: config.url, headers, auth };
}

function buildIamRequest(config: IamHttpConfig, userId: string): { url: string; headers: Headers } {
  let url = new URL(config.url.split(USER_ID).join(userId));
  const headers = new Headers();
  for (const [name, value] of Object.entries(config.headers ?? {}))
    headers.set(name, value.split(USER_ID).join(userId));
  const auth = config.auth;
  switch (auth?.type) {
    case 'basic':
      headers.set(
        'Authorization',
        `Basic ${Buffer.from(`${auth.username ?? ''}:${auth.password ?? ''}`).toString('base64')}`,
      );
      break;
    case 'api_key':
      if (auth.in === 'query') {
        // Go's q.Add + Encode: the query is re-encoded with its keys in order.
        const query = new URLSearchParams(url.search);
        query.append(auth.key ?? '', auth.value ?? '');
        query.sort();
        url = new URL(url.href);
        url.search = query.toString();
      } else if (auth.in === 'header') headers.append(auth.key ?? '', auth.value ?? '');
      break;
    case 'bearer':
      headers.append('Authorization', `Bearer ${auth.token ?? ''}`);
      break;
  }
  headers.set('Accept', 'application/json');
  return { url: url.href, headers };
}

export class IamFetcher {
  private active = 0;
  private readonly queue: (() => void)[] = [];
  private readonly cache = new Map<string, { at: number; answer: IamAnswer }>();
  private readonly fetch: typeof fetch;
  private readonly now: () => number;
  requests = 0;

  constructor(private readonly options: IamFetcherOptions) {
    this.fetch = options.fetch ?? fetch;
    this.now = options.now ?? Date.now;
  }

  /** Runs `work` within the concurrency limit; a finished request hands its slot to the next in line. */
  private async slot<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.options.concurrency) await new Promise<void>((resolve) => this.queue.push(resolve));
    else this.active++;
    try {
      return await work();
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.active--;
    }
  }

  async get(config: IamHttpConfig, userId: string): Promise<IamAnswer> {
    const key = `${JSON.stringify(config)}\u0000${userId}`;
    const hit = this.cache.get(key);
    if (hit && this.now() - hit.at < this.options.cacheTtlMs) return hit.answer;
    const answer = await this.slot(() => this.request(config, userId));
    // Failures are not cached: the next test asks again.
    if (answer.ok && this.options.cacheTtlMs > 0) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, { at: this.now(), answer });
    }
    return answer;
  }

  private async request(config: IamHttpConfig, userId: string): Promise<IamAnswer> {
    let request;
    try {
      request = buildIamRequest(config, userId);
    } catch {
      return { ok: false, error: `IAM url is not a valid URL once {user_id} is filled in` };
    }
    this.requests++;
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    try {
      const response = await this.fetch(request.url, { headers: request.headers, signal });
      const text = await response.text();
      if (response.status < 200 || response.status >= 300)
        return { ok: false, error: `IAM request failed: ${response.status} ${response.statusText}`.trim() };
      try {
        return { ok: true, value: JSON.parse(text) as unknown };
      } catch {
        return { ok: false, error: `IAM answered ${response.status} with a body that is not JSON` };
      }
    } catch (error) {
      if (signal.aborted) return { ok: false, error: `IAM did not answer within ${this.options.timeoutMs} ms` };
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
      return { ok: false, error: `IAM could not be reached (${cause})` };
    }
  }
}
