import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IamFetcher, httpIamConfig, type IamHttpConfig } from './iam-fetcher';

/** A stand-in IAM service on loopback: records what it was asked, answers by path. */
let server: Server;
let base = '';
const seen: { url: string; headers: IncomingMessage['headers'] }[] = [];
let inFlight = 0;
let maxInFlight = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    const counted = req.url?.startsWith('/wait/') ?? false;
    if (counted) maxInFlight = Math.max(maxInFlight, ++inFlight);
    const done = (status: number, body: string, type = 'application/json') => {
      if (counted) inFlight--;
      res.writeHead(status, { 'Content-Type': type });
      res.end(body);
    };
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path.startsWith('/slow/')) return void setTimeout(() => done(200, '{}'), 1500);
    if (path.startsWith('/html/')) return done(200, '<html>login</html>', 'text/html');
    if (path.startsWith('/missing/')) return done(404, '{"error":"no such user"}');
    if (path.startsWith('/wait/')) return void setTimeout(() => done(200, '{"ok":true}'), 30);
    done(200, JSON.stringify({ email: decodeURIComponent(path.split('/').pop() ?? ''), department: 'eng' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

// Answers on loopback come in milliseconds, yet a loaded machine can delay one past a second: only
// the test of a timeout uses a short one.
const fetcher = (options: Partial<ConstructorParameters<typeof IamFetcher>[0]> = {}) =>
  new IamFetcher({ concurrency: 4, timeoutMs: 30_000, cacheTtlMs: 60_000, ...options });
const last = () => seen[seen.length - 1]!;

describe('IAM http fetcher (as Guardian’s http IAM client)', () => {
  it('fills {user_id} in the URL and header values, sends headers and Accept: application/json', async () => {
    const config: IamHttpConfig = {
      url: `${base}/users/{user_id}`,
      headers: { 'X-User': '{user_id}', 'X-Team': 'sec' },
    };
    const answer = await fetcher().get(config, 'ann@example.com');
    expect(answer).toEqual({ ok: true, value: { email: 'ann@example.com', department: 'eng' } });
    expect(last().url).toBe('/users/ann@example.com');
    expect(last().headers).toMatchObject({ 'x-user': 'ann@example.com', 'x-team': 'sec', accept: 'application/json' });
  });

  it('basic, bearer, and api_key in a header or the query', async () => {
    const f = fetcher({ cacheTtlMs: 0 });
    await f.get({ url: `${base}/u/{user_id}`, auth: { type: 'basic', username: 'svc', password: 'p@ss' } }, 'a@x.com');
    expect(last().headers.authorization).toBe(`Basic ${Buffer.from('svc:p@ss').toString('base64')}`);
    await f.get({ url: `${base}/u/{user_id}`, auth: { type: 'bearer', token: 'tok-123' } }, 'a@x.com');
    expect(last().headers.authorization).toBe('Bearer tok-123');
    await f.get(
      { url: `${base}/u/{user_id}`, auth: { type: 'api_key', in: 'header', key: 'X-Api-Key', value: 'k1' } },
      'a@x.com',
    );
    expect(last().headers['x-api-key']).toBe('k1');
    await f.get(
      { url: `${base}/u/{user_id}?z=1`, auth: { type: 'api_key', in: 'query', key: 'api_key', value: 'k 2' } },
      'a@x.com',
    );
    expect(last().url).toBe('/u/a@x.com?api_key=k+2&z=1');
  });

  it('a non-2xx status, a body that is not JSON and a timeout are failures with words', async () => {
    const f = fetcher();
    expect(await f.get({ url: `${base}/missing/{user_id}` }, 'a@x.com')).toEqual({
      ok: false,
      error: 'IAM request failed: 404 Not Found',
    });
    expect(await f.get({ url: `${base}/html/{user_id}` }, 'a@x.com')).toEqual({
      ok: false,
      error: 'IAM answered 200 with a body that is not JSON',
    });
    expect(await fetcher({ timeoutMs: 300 }).get({ url: `${base}/slow/{user_id}` }, 'a@x.com')).toEqual({
      ok: false,
      error: 'IAM did not answer within 300 ms',
    });
    const refused = await f.get({ url: 'http://127.0.0.1:9/u/{user_id}' }, 'a@x.com');
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/^IAM could not be reached/) });
  });

  it('keeps to its concurrency limit and caches answers (not failures)', async () => {
    const f = fetcher({ concurrency: 3 });
    maxInFlight = 0;
    await Promise.all(Array.from({ length: 12 }, (_, i) => f.get({ url: `${base}/wait/{user_id}` }, `u${i}@x.com`)));
    expect(maxInFlight).toBeLessThanOrEqual(3);
    const before = f.requests;
    await f.get({ url: `${base}/wait/{user_id}` }, 'u1@x.com');
    expect(f.requests).toBe(before);
    await f.get({ url: `${base}/missing/{user_id}` }, 'z@x.com');
    await f.get({ url: `${base}/missing/{user_id}` }, 'z@x.com');
    expect(f.requests).toBe(before + 2);
  });

  it('reads the http provider out of a policy, and nothing else', () => {
    expect(
      httpIamConfig({
        iam: { provider: 'http', config: { url: 'https://iam/u/{user_id}', headers: { a: 'b', n: 1 } } },
      }),
    ).toEqual({
      url: 'https://iam/u/{user_id}',
      headers: { a: 'b' },
      auth: undefined,
    });
    expect(httpIamConfig({ iam: { provider: 'shield', config: { host: 'x' } } })).toBeUndefined();
    expect(httpIamConfig({})).toBeUndefined();
  });
});
