import { delay, http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createNodeMock } from '@mocks/node';
import { checkGuardianConnection } from './check-guardian-connection';
import { checkPolicyTestConnection } from './check-policy-test-connection';

/** The real mock backend (both APIs, their quirks), on its default origin. */
const { server } = createNodeMock();
const MOCK = 'http://localhost';
const ELSEWHERE = 'http://elsewhere.test';
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  vi.useRealTimers();
});
afterAll(() => server.close());

const up = async () => true;
const down = async () => false;
const credentials = { authMode: 'token' as const, apiToken: 'demo-token', authEmail: '', apiKey: '' };

describe('Test connection: Guardian', () => {
  it('says connected when Guardian answers its own “policy not found”', async () => {
    const report = await checkGuardianConnection({ baseUrl: MOCK });
    expect(report).toMatchObject({ outcome: 'connected', summary: 'Connected: Guardian answered as expected.' });
    expect(report.detail).toContain('policy not found');
  });

  it('tells a web page at the address (a missing proxy) from Guardian', async () => {
    server.use(
      http.get(`${ELSEWHERE}/*`, () => new HttpResponse('<!doctype html><title>Console</title>', { status: 200 })),
    );
    const report = await checkGuardianConnection({ baseUrl: ELSEWHERE });
    expect(report.outcome).toBe('wrong-api');
    expect(report.summary).toMatch(/not Guardian’s API — the answer is not JSON/);
  });

  it('tells JSON of another API from Guardian, and points at the base URL', async () => {
    server.use(http.get(`${ELSEWHERE}/*`, () => HttpResponse.json({ error: 'no such route' }, { status: 404 })));
    const report = await checkGuardianConnection({ baseUrl: ELSEWHERE });
    expect(report).toMatchObject({ outcome: 'wrong-api' });
    expect(report.detail).toMatch(/give the server root/);
  });

  it('says an auth proxy refused, in its words', async () => {
    server.use(
      http.get(`${ELSEWHERE}/*`, () => HttpResponse.json({ code: 16, message: 'sign in first' }, { status: 401 })),
    );
    const report = await checkGuardianConnection({ baseUrl: ELSEWHERE });
    expect(report).toMatchObject({ outcome: 'auth-refused' });
    expect(report.summary).toContain('“sign in first”');
  });

  it('tells a server without CORS headers from one that is not there', async () => {
    server.use(http.get(`${ELSEWHERE}/*`, () => HttpResponse.error()));
    expect((await checkGuardianConnection({ baseUrl: ELSEWHERE, reach: up })).outcome).toBe('cors-missing');
    expect((await checkGuardianConnection({ baseUrl: ELSEWHERE, reach: down })).outcome).toBe('unreachable');
  });

  it('says a server that takes the request and never answers timed out', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    server.use(
      http.get(`${ELSEWHERE}/*`, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    const pending = checkGuardianConnection({ baseUrl: ELSEWHERE });
    await vi.advanceTimersByTimeAsync(10_500);
    expect((await pending).summary).toMatch(/did not answer within 10 s/);
  });
});

describe('Test connection: the policy-test API', () => {
  it('says connected when the API accepts the credentials', async () => {
    const report = await checkPolicyTestConnection({ ...credentials, policyTestUrl: MOCK, accountId: 'acc' });
    expect(report.outcome).toBe('connected');
  });

  it('says refused credentials and missing credentials are refused, with the API’s words', async () => {
    const refused = await checkPolicyTestConnection({
      ...credentials,
      apiToken: 'revoked',
      policyTestUrl: MOCK,
      accountId: 'acc',
    });
    expect(refused).toMatchObject({ outcome: 'auth-refused' });
    expect(refused.summary).toContain('Authentication error');
    const missing = await checkPolicyTestConnection({
      ...credentials,
      apiToken: '',
      policyTestUrl: MOCK,
      accountId: 'acc',
    });
    expect(missing.outcome).toBe('auth-refused');
  });

  it('asks for the account id before sending anything', async () => {
    expect(await checkPolicyTestConnection({ ...credentials, policyTestUrl: MOCK, accountId: ' ' })).toMatchObject({
      outcome: 'incomplete',
    });
  });

  it('tells an answer without the Cloudflare envelope from the API', async () => {
    server.use(http.get(`${ELSEWHERE}/*`, () => HttpResponse.json({ policies: [] })));
    const report = await checkPolicyTestConnection({ ...credentials, policyTestUrl: ELSEWHERE, accountId: 'acc' });
    expect(report.outcome).toBe('wrong-api');
  });
});
