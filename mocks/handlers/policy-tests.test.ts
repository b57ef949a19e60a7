import { describe, expect, it } from 'vitest';
import { ACCOUNT, BEARER, ORIGIN, TESTS, json, post, setupNodeMock } from '../test/harness';

const mock = setupNodeMock();

type Envelope = { success: boolean; errors: { code: number; message: string }[]; messages: unknown[]; result: unknown };
const envelope = async (r: Response) => (await r.json()) as Envelope;

async function start(policies: unknown[] = ['bigquery_approval:1']): Promise<string> {
  const r = await post(TESTS, { policies }, BEARER);
  expect(r.status).toBe(200);
  const body = await envelope(r);
  expect(body).toMatchObject({ success: true, errors: [], messages: [], result: { status: 'success' } });
  return (body.result as { id: string }).id;
}

const status = async (id: string) =>
  (await envelope(await fetch(`${TESTS}/${id}`, { headers: BEARER }))).result as Record<string, unknown>;
const users = async (id: string, query = '') => fetch(`${TESTS}/${id}/users${query}`, { headers: BEARER });

describe('policy tests: start', () => {
  it('answers the envelope with {id, status:"success"} and application/json', async () => {
    const r = await post(TESTS, { policies: ['bigquery_approval:1'] }, BEARER);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await envelope(r);
    expect((body.result as { id: string }).id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses an unknown ref, an empty list and a bad body with 400 envelopes', async () => {
    for (const body of [
      { policies: ['nope:1'] },
      { policies: ['bigquery_approval:99'] },
      { policies: [] },
      {},
      { policies: [42] },
    ]) {
      const r = await post(TESTS, body, BEARER);
      expect(r.status).toBe(400);
      const e = await envelope(r);
      expect(e).toMatchObject({ success: false, result: null, messages: [] });
      expect(e.errors[0]!.code).toBeGreaterThanOrEqual(1000);
    }
    const r = await post(TESTS, 'not json', BEARER);
    expect(r.status).toBe(400);
  });

  it('accepts a bare id (latest version) and inline Access policies', async () => {
    const id = await start([
      'my-first-policy',
      { name: 'Employees', decision: 'allow', include: [{ email_domain: { domain: 'example.com' } }] },
    ]);
    mock.clock.advance(600_000);
    expect(await status(id)).toMatchObject({ status: 'complete', users_approved: 5000 });
  });
});

describe('policy tests: auth', () => {
  it('no credentials: 400 code 9106; bad header formats: 400 code 6003; a rejected token: 403 code 10000', async () => {
    const none = await post(TESTS, { policies: ['bigquery_approval:1'] });
    expect(none.status).toBe(400);
    expect((await envelope(none)).errors[0]!.code).toBe(9106);
    const bad = await fetch(`${TESTS}/x`, { headers: { Authorization: 'Bearer' } });
    expect(bad.status).toBe(400);
    expect((await envelope(bad)).errors[0]).toMatchObject({ code: 6003, error_chain: [{ code: 6111 }] });
    const emailOnly = await fetch(`${TESTS}/x`, { headers: { 'X-Auth-Email': 'a@example.com' } });
    expect((await envelope(emailOnly)).errors[0]).toMatchObject({ code: 6003, error_chain: [{ code: 6103 }] });
    const rejected = await fetch(`${TESTS}/x`, { headers: { Authorization: 'Bearer invalid' } });
    expect(rejected.status).toBe(403);
    expect((await envelope(rejected)).errors[0]).toEqual({ code: 10000, message: 'Authentication error' });
  });

  it('accepts X-Auth-Email + X-Auth-Key', async () => {
    const r = await post(
      TESTS,
      { policies: ['bigquery_approval:1'] },
      { 'X-Auth-Email': 'admin@example.com', 'X-Auth-Key': 'k' },
    );
    expect(r.status).toBe(200);
  });
});

describe('policy tests: status', () => {
  it('progresses with the clock, integer percentages, then completes', async () => {
    const id = await start();
    const first = await status(id);
    expect(first).toMatchObject({
      id,
      status: 'processing',
      total_users: 5000,
      percent_users_processed: 0,
      users_approved: 0,
    });
    mock.clock.advance(3000);
    const mid = await status(id);
    const processed = (mid.users_approved as number) + (mid.users_blocked as number) + (mid.users_errored as number);
    expect(mid.status).toBe('processing');
    expect(processed).toBe(2100); // auto rate: 700 users/s for 5,000 users
    expect(mid.percent_users_processed).toBe(42);
    for (const key of ['percent_approved', 'percent_blocked', 'percent_errored', 'percent_users_processed'])
      expect(Number.isInteger(mid[key])).toBe(true);
    expect(mid.percent_approved).toBe(Math.round(((mid.users_approved as number) / processed) * 100));
    mock.clock.advance(10_000);
    const done = await status(id);
    expect(done).toMatchObject({ status: 'complete', percent_users_processed: 100 });
    expect((done.users_approved as number) + (done.users_blocked as number) + (done.users_errored as number)).toBe(
      5000,
    );
  });

  it('404 envelope for an unknown test, or a test of another account', async () => {
    const r = await fetch(`${TESTS}/00000000-0000-4000-8000-000000000000`, { headers: BEARER });
    expect(r.status).toBe(404);
    expect(await envelope(r)).toMatchObject({ success: false, result: null });
    const id = await start();
    const other = await fetch(`${ORIGIN}/client/v4/accounts/someone-else/access/policy-tests/${id}`, {
      headers: BEARER,
    });
    expect(other.status).toBe(404);
  });

  it('ends as "exceeded time" past the budget, and "blocked" over the concurrency limit', async () => {
    await fetch(`${ORIGIN}/__mock/config`, {
      method: 'PUT',
      body: JSON.stringify({ userCount: 100_000, usersPerSecond: 1000, timeBudgetMs: 5000, concurrencyLimit: 2 }),
    });
    const a = await start();
    const b = await start();
    const c = await start();
    expect((await status(c)).status).toBe('blocked');
    expect(await status(c)).toMatchObject({ total_users: 100_000, percent_users_processed: 0 });
    mock.clock.advance(6000);
    const over = await status(a);
    expect(over.status).toBe('exceeded time');
    expect((over.users_approved as number) + (over.users_blocked as number) + (over.users_errored as number)).toBe(
      5000,
    );
    expect((await status(b)).status).toBe('exceeded time');
    // Nothing is processing any more, so a new test runs.
    expect((await status(await start())).status).toBe('processing');
  });
});

describe('policy tests: users', () => {
  it('pages are 1-based, 25 by default, in directory order, and [] past the end (never clamped)', async () => {
    const id = await start();
    mock.clock.advance(600_000);
    const page1 = (await envelope(await users(id))).result as {
      id: string;
      email: string;
      name: string;
      status: string;
    }[];
    expect(page1).toHaveLength(25);
    expect(page1[0]).toMatchObject({ email: expect.stringMatching(/0@example\.com$/) });
    // The four fields the official SDK reads, then our why-fields.
    expect(Object.keys(page1[0]!)).toEqual(['id', 'email', 'name', 'status', 'step', 'reason']);
    const explicit = (await envelope(await users(id, '?page=1&per_page=25'))).result;
    expect(explicit).toEqual(page1);
    const last = (await envelope(await users(id, '?page=5&per_page=1000'))).result as unknown[];
    expect(last).toHaveLength(1000);
    expect((await envelope(await users(id, '?page=6&per_page=1000'))).result).toEqual([]);
    expect((await envelope(await users(id, '?page=999999'))).result).toEqual([]);
  });

  it('filters with success|fail|error and reports approved|blocked|error', async () => {
    const id = await start(['my-second-policy:1']);
    mock.clock.advance(600_000);
    const s = await status(id);
    const blocked = (await envelope(await users(id, `?status=fail&per_page=1000`))).result as { status: string }[];
    const blockedPage2 = (await envelope(await users(id, `?status=fail&per_page=1000&page=2`))).result as {
      status: string;
    }[];
    expect(blocked.length + blockedPage2.length).toBe(s.users_blocked);
    expect(new Set(blocked.map((u) => u.status))).toEqual(new Set(['blocked']));
    const approved = (await envelope(await users(id, '?status=success&per_page=10&page=3'))).result as {
      status: string;
    }[];
    expect(approved.every((u) => u.status === 'approved')).toBe(true);
  });

  it('lists only processed users while the test runs', async () => {
    const id = await start();
    mock.clock.advance(1000);
    expect((await envelope(await users(id, '?per_page=1000'))).result).toHaveLength(700);
  });

  it('400 envelopes for per_page > 1000, page < 1, non-integers and unknown status words', async () => {
    const id = await start();
    for (const q of [
      '?per_page=1001',
      '?per_page=0',
      '?page=0',
      '?page=-1',
      '?page=1.5',
      '?page=two',
      '?status=approved',
      '?status=blocked',
    ]) {
      const r = await users(id, q);
      expect(r.status, q).toBe(400);
      expect((await envelope(r)).success).toBe(false);
    }
  });

  it('a test survives a reload: the record alone gives the same users', async () => {
    const id = await start(['bigquery_approval:1']);
    mock.clock.advance(600_000);
    const before = await json(await users(id, '?status=error&per_page=50'));
    mock.state.tests.get(id, ACCOUNT)!.release();
    expect(await json(await users(id, '?status=error&per_page=50'))).toEqual(before);
  });
});
