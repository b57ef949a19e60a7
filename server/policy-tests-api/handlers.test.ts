import { describe, expect, it } from 'vitest';
import { StoreUnavailableError, type PolicySource, type PolicyTestStore } from './contracts';
import { createPolicyTestsApi } from './handlers';

const BASE = 'http://runner.test/client/v4/accounts/acc/access/policy-tests';
const AUTH = { Authorization: 'Bearer good' };

const source: PolicySource = {
  lookup(id, version) {
    if (id === 'gone') return { ok: false, status: 404, message: `policy "gone" version ${version} not found` };
    if (id === 'down') return { ok: false, status: 502, message: 'Guardian could not be reached' };
    if (id === 'stuck') return { ok: false, status: 504, message: 'Guardian did not answer within 1 s' };
    return { ok: true, ref: `${id}:${version || 3}`, policy: { id, version: version || 3, steps: [] } };
  },
};

function store(overrides: Partial<PolicyTestStore> = {}): PolicyTestStore & { started: unknown[] } {
  const started: unknown[] = [];
  return {
    started,
    start: (_account, policies) => {
      started.push(policies);
      return { id: 't1' };
    },
    summary: (_a, id) =>
      id === 't1'
        ? { id, status: 'processing', total: 10, processed: 4, approved: 3, blocked: 1, errored: 0 }
        : undefined,
    users: (_a, id, q) =>
      id === 't1'
        ? { rows: [{ id: 'u', email: 'u@x.com', name: 'U', status: q.status ?? 'approved' }], total: 1 }
        : undefined,
    ...overrides,
  };
}

const draftRules = () => ({ target: 'guardian-1.12' as const, strict: false });

const post = (body: unknown, headers: Record<string, string> = AUTH) =>
  new Request(BASE, { method: 'POST', headers, body: JSON.stringify(body) });
const get = (path: string, headers: Record<string, string> = AUTH) => new Request(`${BASE}${path}`, { headers });
const read = async (r: Response) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> });

describe('the shared policy-tests handlers', () => {
  it('snapshots resolved versions at start (bare id = latest) and answers the envelope', async () => {
    const tests = store();
    const api = createPolicyTestsApi({ policies: source, tests, accepts: () => true, draftRules });
    const r = await read(await api.handle(post({ policies: ['a:2', 'b'] })));
    expect(r).toEqual({
      status: 200,
      body: { success: true, errors: [], messages: [], result: { id: 't1', status: 'success' } },
    });
    expect(tests.started[0]).toEqual([
      { kind: 'guardian', ref: 'a:2', policy: { id: 'a', version: 2, steps: [] } },
      { kind: 'guardian', ref: 'b:3', policy: { id: 'b', version: 3, steps: [] } },
    ]);
  });

  it('a policy the source has not is a 404 naming it; an unreachable source a 502, a stuck one a 504', async () => {
    const api = createPolicyTestsApi({ policies: source, tests: store(), accepts: () => true, draftRules });
    const gone = await read(await api.handle(post({ policies: ['a:1', 'gone:7'] })));
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({
      success: false,
      result: null,
      errors: [{ message: 'policy "gone" version 7 not found' }],
    });
    const down = await read(await api.handle(post({ policies: ['down:1'] })));
    expect(down.status).toBe(502);
    const stuck = await read(await api.handle(post({ policies: ['stuck:1'] })));
    expect(stuck.status).toBe(504);
    expect(stuck.body).toMatchObject({
      success: false,
      errors: [{ code: 10504, message: 'Guardian did not answer within 1 s' }],
    });
  });

  it('storage trouble is a 503 envelope with Retry-After, never a crash', async () => {
    const broken = store({
      summary: () => Promise.reject(new StoreUnavailableError('the database is not answering')),
    });
    const api = createPolicyTestsApi({ policies: source, tests: broken, accepts: () => true, draftRules });
    const r = await api.handle(get('/t1'));
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe('5');
    expect(((await r.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/database/);
  });

  it('the server decides which credentials it knows: 403 for others, 400 for none', async () => {
    const api = createPolicyTestsApi({
      policies: source,
      tests: store(),
      accepts: (c) => c.kind === 'token' && c.token === 'good',
      draftRules,
    });
    expect((await api.handle(get('/t1'))).status).toBe(200);
    expect((await api.handle(get('/t1', { Authorization: 'Bearer bad' }))).status).toBe(403);
    expect((await api.handle(get('/t1', { 'X-Auth-Email': 'a@b.c', 'X-Auth-Key': 'good' }))).status).toBe(403);
    expect((await api.handle(get('/t1', {}))).status).toBe(400);
  });

  it('routes status and users, maps filter words, and answers unknown paths and methods as Cloudflare', async () => {
    const api = createPolicyTestsApi({ policies: source, tests: store(), accepts: () => true, draftRules });
    expect((await read(await api.handle(get('/t1')))).body.result).toMatchObject({
      status: 'processing',
      percent_users_processed: 40,
      percent_approved: 75,
    });
    expect((await read(await api.handle(get('/t1/users?status=fail')))).body.result).toEqual([
      { id: 'u', email: 'u@x.com', name: 'U', status: 'blocked' },
    ]);
    expect((await api.handle(get('/nope'))).status).toBe(404);
    expect((await api.handle(get('/t1/users?per_page=1001'))).status).toBe(400);
    expect((await api.handle(new Request(`${BASE}/t1`, { method: 'DELETE', headers: AUTH }))).status).toBe(405);
    expect((await api.handle(new Request('http://runner.test/client/v4/zones', { headers: AUTH }))).status).toBe(400);
  });
});
