import { request, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Cloudflare from 'cloudflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from './lib/clock';
import { startMockHttpServer, type MockHttpServer } from './server';

/** The real HTTP transport, driven with the official SDK (which pages until it sees `[]`) and raw fetch. */
const ACCOUNT = '023e105f4ecef8ad9ca31a8372d0c353';
const clock = new FakeClock();
let server: MockHttpServer;
let client: Cloudflare;

beforeAll(async () => {
  server = await startMockHttpServer({ port: 0, clock, config: { userCount: 2345 } });
  client = new Cloudflare({ apiToken: 'sdk-token', baseURL: `${server.url}/client/v4`, maxRetries: 0 });
});
afterAll(() => server.close());

describe('the mock HTTP server', () => {
  it('refuses to be framed by another site on every answer, found or not', async () => {
    for (const path of ['/api/v1beta1/policies/bigquery_approval/versions/0', '/no/such/route']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    }
  });
});

describe('the mock HTTP server with the official cloudflare SDK', () => {
  it('creates a test, reads its status, and iterates every users page to the end', { timeout: 30_000 }, async () => {
    const tests = client.zeroTrust.access.applications.policyTests;
    const created = await tests.create({ account_id: ACCOUNT, policies: ['bigquery_approval:1'] });
    expect(created.status).toBe('success');
    const id = created.id!;

    const processing = await tests.get(id, { account_id: ACCOUNT });
    expect(processing.status).toBe('processing');
    clock.advance(60_000);
    const done = await tests.get(id, { account_id: ACCOUNT });
    expect(done).toMatchObject({ status: 'complete', total_users: 2345, percent_users_processed: 100 });

    const seen: string[] = [];
    const counts = { approved: 0, blocked: 0, error: 0 };
    let guard = 0;
    for await (const user of tests.users.list(id, { account_id: ACCOUNT, per_page: 500 })) {
      seen.push(user.id!);
      counts[user.status!]++;
      if (++guard > 10_000) throw new Error('the SDK never stopped paging');
    }
    expect(seen).toHaveLength(2345);
    expect(new Set(seen).size).toBe(2345);
    expect(counts).toEqual({ approved: done.users_approved, blocked: done.users_blocked, error: done.users_errored });

    let errored = 0;
    for await (const user of tests.users.list(id, { account_id: ACCOUNT, status: 'error', per_page: 25 })) {
      expect(user.status).toBe('error');
      errored++;
    }
    expect(errored).toBe(done.users_errored);
  });

  it(
    'ignores our extensions: a draft sent inline, why-fields on every row, `search` passed through',
    { timeout: 30_000 },
    async () => {
      const tests = client.zeroTrust.access.applications.policyTests;
      const draft = {
        id: 'sdk_draft',
        steps: [{ name: 'eng_only', strategy: 'auto', approve_if: 'len($appeal.created_by) > 24' }],
      };
      // The SDK types an inline item as an Access policy; on the wire it is any object.
      const created = await tests.create({ account_id: ACCOUNT, policies: [draft as never] });
      clock.advance(60_000);
      const done = await tests.get(created.id!, { account_id: ACCOUNT });
      expect(done).toMatchObject({ status: 'complete', total_users: 2345 });
      expect((done as unknown as { reasons: unknown[] }).reasons.length).toBeGreaterThan(0);
      const seen = new Set<string>();
      const reasons = new Set<string>();
      for await (const user of tests.users.list(created.id!, { account_id: ACCOUNT, per_page: 1000 })) {
        seen.add(user.id!);
        reasons.add((user as { reason?: string }).reason ?? 'none');
        if (seen.size > 3000) throw new Error('the SDK never stopped paging');
      }
      expect(seen.size).toBe(2345);
      expect(reasons).toEqual(new Set(['approved', 'approve_if_false']));
      const found: string[] = [];
      const search = { account_id: ACCOUNT, per_page: 25, search: 'no-such-person' } as never;
      for await (const user of tests.users.list(created.id!, search)) found.push(user.id!);
      expect(found).toEqual([]);
    },
  );

  it('surfaces Cloudflare errors as SDK errors with the status', async () => {
    const tests = client.zeroTrust.access.applications.policyTests;
    await expect(tests.create({ account_id: ACCOUNT, policies: ['nope:1'] })).rejects.toMatchObject({ status: 400 });
    await expect(tests.get('00000000-0000-4000-8000-000000000000', { account_id: ACCOUNT })).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe('the mock HTTP server, raw', () => {
  it('answers JSON with the right content type and status, like curl sees it', async () => {
    const r = await fetch(`${server.url}/api/v1beta1/policies/my_policy/versions/0`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(Number(r.headers.get('content-length'))).toBeGreaterThan(0);
    expect(((await r.json()) as { policy: { id: string } }).policy.id).toBe('my_policy');

    const created = await fetch(`${server.url}/api/v1beta1/policies`, {
      method: 'POST',
      headers: { 'X-Auth-Email': 'curl@example.com' },
      body: JSON.stringify({ id: 'from_curl', steps: [{ name: 'ok', strategy: 'auto', approve_if: 'true' }] }),
    });
    expect(created.status).toBe(200);
    expect(((await created.json()) as { policy: { created_by: string } }).policy.created_by).toBe('curl@example.com');

    const unknown = await fetch(`${server.url}/somewhere/else`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/application\/json/);
  });

  it('drops the connection for an offline fault and serves the control API', async () => {
    const add = await fetch(`${server.url}/__mock/faults`, {
      method: 'POST',
      body: JSON.stringify({ route: 'guardian.list', fault: 'offline', times: 1 }),
    });
    expect(add.status).toBe(200);
    await expect(fetch(`${server.url}/api/v1beta1/policies`)).rejects.toThrow();
    expect((await fetch(`${server.url}/api/v1beta1/policies`)).status).toBe(200);
  });

  it('listens on loopback only', async () => {
    await expect(startMockHttpServer({ port: 0, host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });
});

describe('the mock HTTP server, compressed', () => {
  /** A raw GET (no client-side decoding), as curl --compressed or a browser sends it. */
  const get = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      request(`${server.url}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      })
        .on('error', reject)
        .end();
    });

  it('sends JSON as brotli or gzip when asked, the same bytes once decoded, and plain otherwise', async () => {
    const plain = await get('/api/v1beta1/policies');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Number(plain.headers['content-length'])).toBe(plain.body.length);

    const br = await get('/api/v1beta1/policies', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(br.body.length).toBeLessThan(plain.body.length / 5);
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);

    const gzip = await get('/api/v1beta1/policies', { 'Accept-Encoding': 'gzip;q=1, br;q=0' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);

    // Answered from the encoded copy the first request left (same ETag): byte for byte the same.
    const again = await get('/api/v1beta1/policies', { 'Accept-Encoding': 'br' });
    expect(again.body.equals(br.body)).toBe(true);
    expect(Number(again.headers['content-length'])).toBe(again.body.length);
  });

  it('answers 304 to a request that names the list it already has, and 200 once the list changed', async () => {
    const first = await get('/api/v1beta1/policies');
    const etag = first.headers.etag!;
    const unchanged = await get('/api/v1beta1/policies', { 'If-None-Match': etag });
    expect(unchanged.status).toBe(304);
    expect(unchanged.body.length).toBe(0);
    await fetch(`${server.url}/api/v1beta1/policies`, {
      method: 'POST',
      headers: { 'X-Auth-Email': 'curl@example.com' },
      body: JSON.stringify({ id: 'changes_the_list', steps: [{ name: 'ok', strategy: 'auto', approve_if: 'true' }] }),
    });
    const changed = await get('/api/v1beta1/policies', { 'If-None-Match': etag });
    expect(changed.status).toBe(200);
    expect(changed.body.toString()).toContain('"changes_the_list"');
  });

  it('leaves small answers and errors uncompressed only when too small to gain', async () => {
    const small = await get('/api/v1beta1/policies/nope/versions/1', { 'Accept-Encoding': 'br' });
    expect(small.status).toBe(404);
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});
