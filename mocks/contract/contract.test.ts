import { describe, expect, it } from 'vitest';
import { ACCOUNT, ADMIN, BEARER, GUARDIAN, MINIMAL_POLICY, ORIGIN, TESTS, setupNodeMock } from '../test/harness';
import { cloudflareValidator, guardianValidator } from './spec-validators';

/**
 * Every kind of answer the mock gives, validated against the published specs — success and error
 * bodies alike, injected faults included (their error bodies must still be the API's shape).
 */
const mock = setupNodeMock();
const strictGuardian = guardianValidator({ strict: true });
const lenientGuardian = guardianValidator({ strict: false });
const cf = cloudflareValidator();
const FORK_IDS = ['policy-1', 'test-policy', 'test-id'];

async function guardian(method: string, url: string, init: RequestInit = {}, expectedStatus?: number) {
  const r = await fetch(url, { method, ...init });
  if (expectedStatus !== undefined) expect(r.status, `${method} ${url}`).toBe(expectedStatus);
  const body = (await r.json()) as Record<string, unknown>;
  const path = new URL(url).pathname;
  expect(strictGuardian.check(method, path, r.status, body), `${method} ${path} → ${r.status}`).toBeUndefined();
  return body;
}

async function cloudflare(method: string, url: string, init: RequestInit = {}, expectedStatus?: number) {
  const r = await fetch(url, { method, ...init, headers: { ...BEARER, ...(init.headers as Record<string, string>) } });
  if (expectedStatus !== undefined) expect(r.status, `${method} ${url}`).toBe(expectedStatus);
  const body = (await r.json()) as Record<string, unknown>;
  const path = new URL(url).pathname;
  expect(cf.check(method, path, r.status, body), `${method} ${path} → ${r.status}`).toBeUndefined();
  return body;
}

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  body: JSON.stringify(body),
  headers: { 'Content-Type': 'application/json', ...headers },
});

describe('Guardian responses conform to guardian.swagger.json', () => {
  // These walk the whole catalog: generous time on a busy machine.
  it(
    'the list, every policy in it (forks leniently: their extra keys are undeclared by design)',
    { timeout: 30_000 },
    async () => {
      const r = await fetch(`${GUARDIAN}/policies`);
      const { policies } = (await r.json()) as { policies: { id: string }[] };
      const plain = policies.filter((p) => !FORK_IDS.includes(p.id));
      const forks = policies.filter((p) => FORK_IDS.includes(p.id));
      expect(forks).toHaveLength(3);
      expect(strictGuardian.check('GET', '/api/v1beta1/policies', 200, { policies: plain })).toBeUndefined();
      expect(lenientGuardian.check('GET', '/api/v1beta1/policies', 200, { policies: forks })).toBeUndefined();
    },
  );

  it('get and preferences for every generated and example policy', { timeout: 30_000 }, async () => {
    for (const id of mock.state.catalog.ids().filter((i) => !FORK_IDS.includes(i))) {
      await guardian('GET', `${GUARDIAN}/policies/${id}/versions/0`, {}, 200);
      await guardian('GET', `${GUARDIAN}/policies/${id}/versions/1/preferences`, {}, 200);
    }
  });

  it('create, dry run and update', async () => {
    await guardian('POST', `${GUARDIAN}/policies?dry_run=true`, json(MINIMAL_POLICY, ADMIN), 200);
    await guardian(
      'POST',
      `${GUARDIAN}/policies`,
      json(
        {
          ...MINIMAL_POLICY,
          appeal: {
            duration_options: [{ name: '1 Day', value: '24h' }],
            questions: [{ key: 'why', question: 'Why?' }],
          },
        },
        ADMIN,
      ),
      200,
    );
    await guardian('PUT', `${GUARDIAN}/policies/new_policy`, json(MINIMAL_POLICY, ADMIN), 200);
  });

  it('error bodies are rpcStatus: 400, 401, 404, 500 (validation and duplicate)', async () => {
    await guardian('POST', `${GUARDIAN}/policies`, { body: '{', headers: ADMIN }, 400);
    await guardian('POST', `${GUARDIAN}/policies`, json(MINIMAL_POLICY), 401);
    await guardian('GET', `${GUARDIAN}/policies/nope/versions/0`, {}, 404);
    await guardian('GET', `${GUARDIAN}/policies/nope/versions/x`, {}, 400);
    await guardian('PUT', `${GUARDIAN}/policies/nope`, json(MINIMAL_POLICY, ADMIN), 404);
    await guardian('POST', `${GUARDIAN}/policies`, json({ id: 'x y' }, ADMIN), 500);
    await guardian('POST', `${GUARDIAN}/policies`, json({ ...MINIMAL_POLICY, id: 'my_policy' }, ADMIN), 500);
  });

  it('the validator does catch wrong shapes and undeclared (misspelt) keys', () => {
    const path = '/api/v1beta1/policies/x/versions/1';
    expect(strictGuardian.check('GET', '/api/v1beta1/policies', 200, { policies: 'nope' })).toBeDefined();
    expect(
      strictGuardian.check('GET', path, 200, {
        policy: { id: 'x', steps: [{ name: 'a', strategy: 'auto', approve_iff: 'true' }] },
      }),
    ).toBeDefined();
    expect(strictGuardian.check('GET', path, 200, { policy: { id: 'x', version: 'one' } })).toBeDefined();
    expect(strictGuardian.check('GET', path, 404, { code: 'five' })).toBeDefined();
  });

  it('injected status faults answer rpcStatus too', async () => {
    for (const status of [429, 500, 502, 503, 504]) {
      mock.state.faults.replace({
        latencyMs: 0,
        errorRate: 0,
        rules: [{ id: 'f', route: 'guardian.*', fault: 'status', status }],
      });
      await guardian('GET', `${GUARDIAN}/policies/my_policy/versions/1`, {}, status);
      await guardian('POST', `${GUARDIAN}/policies`, json(MINIMAL_POLICY, ADMIN), status);
    }
  });
});

describe('policy-test responses conform to policy-tests.openapi.json', () => {
  it('start (request and response), status while processing and complete, users pages', async () => {
    const request = {
      policies: [
        'bigquery_approval:1',
        { name: 'Staff', decision: 'allow', include: [{ email_domain: { domain: 'example.com' } }] },
      ],
    };
    expect(cf.checkRequest(`/client/v4/accounts/${ACCOUNT}/access/policy-tests`, request)).toBeUndefined();
    const started = await cloudflare('POST', TESTS, json(request), 200);
    const id = (started.result as { id: string }).id;
    await cloudflare('GET', `${TESTS}/${id}`, {}, 200);
    mock.clock.advance(2000);
    await cloudflare('GET', `${TESTS}/${id}`, {}, 200);
    await cloudflare('GET', `${TESTS}/${id}/users?per_page=1000`, {}, 200);
    mock.clock.advance(600_000);
    await cloudflare('GET', `${TESTS}/${id}`, {}, 200);
    for (const q of ['', '?page=2', '?status=success', '?status=fail', '?status=error&per_page=1000', '?page=9999']) {
      await cloudflare('GET', `${TESTS}/${id}/users${q}`, {}, 200);
    }
  });

  it('blocked and exceeded-time statuses', async () => {
    mock.state.setConfig({
      ...mock.state.config,
      concurrencyLimit: 1,
      userCount: 100_000,
      usersPerSecond: 100,
      timeBudgetMs: 2000,
    });
    const a = ((await cloudflare('POST', TESTS, json({ policies: ['my_policy:1'] }), 200)).result as { id: string }).id;
    const b = ((await cloudflare('POST', TESTS, json({ policies: ['my_policy:1'] }), 200)).result as { id: string }).id;
    expect(((await cloudflare('GET', `${TESTS}/${b}`, {}, 200)).result as { status: string }).status).toBe('blocked');
    mock.clock.advance(3000);
    expect(((await cloudflare('GET', `${TESTS}/${a}`, {}, 200)).result as { status: string }).status).toBe(
      'exceeded time',
    );
  });

  it('failure envelopes: 400 (params, refs, auth), 403, 404, unknown route, injected faults', async () => {
    const id = ((await cloudflare('POST', TESTS, json({ policies: ['my_policy:1'] }), 200)).result as { id: string })
      .id;
    await cloudflare('GET', `${TESTS}/${id}/users?per_page=5000`, {}, 400);
    await cloudflare('POST', TESTS, json({ policies: ['nope:1'] }), 400);
    await cloudflare('GET', `${TESTS}/${id}`, { headers: { Authorization: 'Basic abc' } }, 400);
    await cloudflare('GET', `${TESTS}/${id}`, { headers: { Authorization: 'Bearer expired' } }, 403);
    await cloudflare('GET', `${TESTS}/00000000-0000-4000-8000-000000000000`, {}, 404);
    const stray = await fetch(`${ORIGIN}/client/v4/accounts/${ACCOUNT}/nothing`, { headers: BEARER });
    expect(
      cf.check('GET', `/client/v4/accounts/${ACCOUNT}/access/policy-tests/x`, stray.status, await stray.json()),
    ).toBeUndefined();
    for (const status of [429, 500, 503]) {
      mock.state.faults.replace({
        latencyMs: 0,
        errorRate: 0,
        rules: [{ id: 'f', route: 'tests.*', fault: 'status', status }],
      });
      await cloudflare('GET', `${TESTS}/${id}`, {}, status);
      await cloudflare('GET', `${TESTS}/${id}/users`, {}, status);
      await cloudflare('POST', TESTS, json({ policies: ['my_policy:1'] }), status);
    }
  });

  it('the schema fault really does not conform (the contract would catch it)', async () => {
    mock.state.faults.replace({
      latencyMs: 0,
      errorRate: 0,
      rules: [{ id: 'f', route: 'tests.status', fault: 'schema' }],
    });
    const r = await fetch(`${TESTS}/x`, { headers: BEARER });
    expect(
      cf.check('GET', `/client/v4/accounts/${ACCOUNT}/access/policy-tests/x`, r.status, await r.json()),
    ).toBeDefined();
  });
});
