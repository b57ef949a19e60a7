import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getSettings, updateSettings } from '@/lib/settings';
import { ApiError } from '../api-error';
import { missingCredentials, policyTestRequest } from './policy-test-client';
import { policyTestSchema, policyTestUserSchema } from './policy-test-schema';

const BASE = 'http://cf.test';
const TESTS = `${BASE}/client/v4/accounts/acc-1/access/policy-tests`;
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
beforeEach(() =>
  updateSettings({ policyTestUrl: BASE, accountId: 'acc-1', authMode: 'token', apiToken: 'secret-token' }),
);

const envelope = (result: unknown) => ({ success: true, errors: [], messages: [], result });

describe('policyTestRequest', () => {
  it('unwraps the envelope and normalises the status to camelCase', async () => {
    server.use(
      http.get(`${TESTS}/t1`, () =>
        HttpResponse.json(
          envelope({
            id: 't1',
            status: 'exceeded time',
            total_users: 10,
            percent_users_processed: 50,
            users_approved: 3,
            users_blocked: 1,
            users_errored: 1,
            percent_approved: 60,
            percent_blocked: 20,
            percent_errored: 20,
          }),
        ),
      ),
    );
    const test = await policyTestRequest(policyTestSchema, { path: '/t1', what: 'status' });
    expect(test).toMatchObject({
      status: 'exceeded time',
      totalUsers: 10,
      percentUsersProcessed: 50,
      usersApproved: 3,
    });
  });

  it('sends the bearer token, or email + key, and never puts them in the request info', async () => {
    const headers: Headers[] = [];
    server.use(
      http.get(`${TESTS}/t1/users`, ({ request }) => {
        headers.push(request.headers);
        return HttpResponse.json(envelope([{ id: 'u', email: 'a@b.co', name: 'A', status: 'approved' }]));
      }),
    );
    await policyTestRequest(z.array(policyTestUserSchema), { path: '/t1/users', query: { page: 2 }, what: 'users' });
    expect(headers[0]!.get('authorization')).toBe('Bearer secret-token');
    updateSettings({ authMode: 'key', authEmail: 'me@example.com', apiKey: 'k3y' });
    await policyTestRequest(z.array(policyTestUserSchema), { path: '/t1/users', what: 'users' });
    expect(headers[1]!.get('x-auth-email')).toBe('me@example.com');
    expect(headers[1]!.get('x-auth-key')).toBe('k3y');
    expect(headers[1]!.get('authorization')).toBeNull();
  });

  it('turns the failure envelope into an ApiError with every server message', async () => {
    server.use(
      http.get(`${TESTS}/gone`, () =>
        HttpResponse.json(
          {
            success: false,
            errors: [
              { code: 7003, message: 'Could not route' },
              { code: 7000, message: 'No route' },
            ],
            messages: [],
            result: null,
          },
          { status: 404 },
        ),
      ),
    );
    const error = (await policyTestRequest(policyTestSchema, { path: '/gone', what: 'status' }).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 7003, serverMessages: ['Could not route', 'No route'] });
    expect(JSON.stringify(error.request)).not.toContain('secret-token');
  });

  it('treats success:false on a 200 as a failure', async () => {
    server.use(
      http.get(`${TESTS}/t1`, () =>
        HttpResponse.json({ success: false, errors: [{ code: 1, message: 'nope' }], result: null }),
      ),
    );
    await expect(policyTestRequest(policyTestSchema, { path: '/t1', what: 'status' })).rejects.toMatchObject({
      kind: 'http',
      message: 'nope',
    });
  });

  it('reports an unknown test status word as a schema mismatch', async () => {
    server.use(http.get(`${TESTS}/t1`, () => HttpResponse.json(envelope({ id: 't1', status: 'running' }))));
    await expect(policyTestRequest(policyTestSchema, { path: '/t1', what: 'the test status' })).rejects.toMatchObject({
      kind: 'schema',
      issues: [expect.stringMatching(/^result\.status: /)],
    });
  });

  it('says so when no account id is set, without calling the server', async () => {
    updateSettings({ accountId: '' });
    await expect(policyTestRequest(policyTestSchema, { path: '/t1', what: 'status' })).rejects.toThrow(/account id/);
  });
});

describe('missingCredentials', () => {
  it('names what Settings lacks for the chosen way of signing in', () => {
    const defaultSettings = getSettings();
    expect(missingCredentials({ ...defaultSettings, authMode: 'token', apiToken: '  ' })).toBe('API token');
    expect(missingCredentials({ ...defaultSettings, authMode: 'token', apiToken: 't' })).toBeUndefined();
    expect(missingCredentials({ ...defaultSettings, authMode: 'key', authEmail: '', apiKey: '' })).toBe(
      'account email and API key',
    );
    expect(missingCredentials({ ...defaultSettings, authMode: 'key', authEmail: 'a@b.co', apiKey: '' })).toBe(
      'API key',
    );
  });
});
