import { describe, expect, it } from 'vitest';
import { BEARER, GUARDIAN, ORIGIN, TESTS, json, post, setupNodeMock } from '../test/harness';

const mock = setupNodeMock();
const CONTROL = `${ORIGIN}/__mock`;

const send = (method: string, path: string, body?: unknown) =>
  fetch(`${CONTROL}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe('/__mock/config', () => {
  it('reads, updates partially (PUT or POST), and refuses bad values as a whole', async () => {
    const config = await json(await send('GET', '/config'));
    expect(config).toMatchObject({ userCount: 5000, concurrencyLimit: 3, exprTarget: 'guardian-1.12' });
    const updated = await json(await send('PUT', '/config', { userCount: 1_000_000, latencyMs: 0 }));
    expect(updated.userCount).toBe(1_000_000);
    expect((await json(await send('POST', '/config', { concurrencyLimit: 5 }))).concurrencyLimit).toBe(5);
    const refused = await send('PUT', '/config', { userCount: 2_000_000, nope: 1 });
    expect(refused.status).toBe(400);
    expect((await json(refused)).problems).toHaveLength(2);
    expect((await json(await send('GET', '/config'))).userCount).toBe(1_000_000);
  });

  it('a bigger catalog is generated lazily (10,000 policies × 5 versions)', { timeout: 30_000 }, async () => {
    await send('PUT', '/config', { policyCount: 10_000, versionsPerPolicy: 5 });
    const started = performance.now();
    const r = await fetch(`${GUARDIAN}/policies/${mock.state.catalog.ids().at(-1)}/versions/0`);
    expect((await json(r)).policy).toMatchObject({ version: 5 });
    expect(performance.now() - started).toBeLessThan(8000);
    const state = await json(await send('GET', '/state'));
    expect(state.catalog).toMatchObject({ policies: 10_008 });
  });
});

describe('/__mock/faults', () => {
  it('a status on a route, with the API’s own error shape, `times` then cleared', async () => {
    await send('POST', '/faults', { route: 'guardian.list', fault: 'status', status: 503, times: 2 });
    for (let i = 0; i < 2; i++) {
      const r = await fetch(`${GUARDIAN}/policies`);
      expect(r.status).toBe(503);
      expect(await json(r)).toEqual({ code: 14, message: expect.any(String) });
    }
    expect((await fetch(`${GUARDIAN}/policies`)).status).toBe(200);
    expect((await json(await send('GET', '/faults'))).rules).toEqual([]);
  });

  it('429 carries Retry-After; Cloudflare routes answer with the envelope', async () => {
    await send('POST', '/faults', { route: 'tests.start', fault: 429 });
    const r = await post(TESTS, { policies: ['bigquery_approval:1'] }, BEARER);
    expect(r.status).toBe(429);
    expect(r.headers.get('Retry-After')).toBe('2');
    expect(await json(r)).toMatchObject({ success: false, result: null, errors: [{ code: 10429 }] });
  });

  it('offline is a network error', async () => {
    await send('POST', '/faults', { route: 'guardian.get', fault: 'offline', times: 1 });
    await expect(fetch(`${GUARDIAN}/policies/my_policy/versions/1`)).rejects.toThrow();
    expect((await fetch(`${GUARDIAN}/policies/my_policy/versions/1`)).status).toBe(200);
  });

  it('malformed is a 200 whose body is not JSON; schema is valid JSON of the wrong shape', async () => {
    await send('POST', '/faults', [
      { route: 'guardian.list', fault: 'malformed', times: 1 },
      { route: 'tests.status', fault: 'schema', times: 1 },
    ]);
    const r = await fetch(`${GUARDIAN}/policies`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/application\/json/);
    await expect(r.clone().json()).rejects.toThrow();
    const s = await fetch(`${TESTS}/anything`, { headers: BEARER });
    expect(((await json(s)).result as Record<string, unknown>).total_users).toBe('many');
  });

  it('hang never answers until the faults are cleared', async () => {
    await send('POST', '/faults', { route: 'guardian.preferences', fault: 'hang' });
    let settled = false;
    const pending = fetch(`${GUARDIAN}/policies/my_policy/versions/1/preferences`).then(
      () => (settled = true),
      () => (settled = true),
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(settled).toBe(false);
    await send('DELETE', '/faults');
    await pending;
    expect(settled).toBe(true);
  });

  it('route families and path patterns match; other routes are untouched', async () => {
    await send('POST', '/faults', { route: 'GET /api/v1beta1/policies/my_policy/*', fault: 500 });
    expect((await fetch(`${GUARDIAN}/policies/my_policy/versions/1`)).status).toBe(500);
    expect((await fetch(`${GUARDIAN}/policies/my-first-policy/versions/1`)).status).toBe(200);
    await send('DELETE', '/faults');
    await send('POST', '/faults', { route: 'tests.*', fault: 'status', status: 500 });
    expect((await fetch(`${TESTS}/x`, { headers: BEARER })).status).toBe(500);
    expect((await fetch(`${GUARDIAN}/policies`)).status).toBe(200);
  });

  it('a seeded error rate fails about that share of API calls, never control calls', { timeout: 30_000 }, async () => {
    await send('PUT', '/faults', { errorRate: 0.5 });
    let failures = 0;
    for (let i = 0; i < 40; i++)
      if ((await fetch(`${GUARDIAN}/policies/my_policy/versions/1`)).status === 500) failures++;
    expect(failures).toBeGreaterThan(8);
    expect(failures).toBeLessThan(32);
    expect((await send('GET', '/config')).status).toBe(200);
  });

  it('latency delays answers', async () => {
    await send('PUT', '/faults', { latencyMs: 120 });
    const t = performance.now();
    await fetch(`${GUARDIAN}/policies/my_policy/versions/1`);
    expect(performance.now() - t).toBeGreaterThanOrEqual(100);
  });

  it('refuses unknown fault kinds and routes that are not strings, with reasons', async () => {
    const r = await send('POST', '/faults', { route: 'guardian.list', fault: 'explode' });
    expect(r.status).toBe(400);
    expect((await json(r)).problems).toEqual([expect.stringContaining('fault must be one of')]);
  });

  it('removes one rule by id', async () => {
    const state = await json(await send('POST', '/faults', { route: 'guardian.list', fault: 500 }));
    const id = (state.rules as { id: string }[])[0]!.id;
    expect((await json(await send('DELETE', `/faults/${id}`))).rules).toEqual([]);
  });
});

describe('/__mock/reset and /__mock/state', () => {
  it('reset drops written policies, tests, faults and config changes', async () => {
    await post(
      `${GUARDIAN}/policies`,
      { id: 'temp', steps: [{ name: 'a', strategy: 'auto', approve_if: 'true' }] },
      { 'X-Auth-Email': 'a@example.com' },
    );
    await post(TESTS, { policies: ['temp:1'] }, BEARER);
    await send('PUT', '/config', { userCount: 1000 });
    await send('POST', '/faults', { route: 'guardian.get', fault: 500 });
    const before = await json(await send('GET', '/state'));
    expect(before.tests).toHaveLength(1);
    expect((before.catalog as { written: string[] }).written).toEqual(['temp:1']);
    await send('POST', '/reset');
    const after = await json(await send('GET', '/state'));
    expect(after.tests).toEqual([]);
    expect((after.catalog as { written: string[] }).written).toEqual([]);
    expect((after.config as { userCount: number }).userCount).toBe(5000);
    expect((after.faults as { rules: unknown[] }).rules).toEqual([]);
    expect((await fetch(`${GUARDIAN}/policies/temp/versions/0`)).status).toBe(404);
  });

  it('unknown control paths are a 404 JSON', async () => {
    const r = await send('GET', '/nope');
    expect(r.status).toBe(404);
    expect((await json(r)).error).toMatch(/no mock control/);
  });
});
