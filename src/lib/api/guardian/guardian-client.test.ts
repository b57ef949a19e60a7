import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { updateSettings } from '@/lib/settings';
import { ApiError } from '../api-error';
import { guardianRequest } from './guardian-client';
import { policyEnvelopeSchema } from './policy-schema';

const BASE = 'http://guardian.test';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
beforeEach(() => updateSettings({ guardianUrl: BASE, identityEmail: 'admin@example.com' }));

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('guardianRequest', () => {
  it('parses a snake_case policy response into the domain model', async () => {
    server.use(
      http.get(`${BASE}/api/v1beta1/policies/p/versions/0`, () =>
        HttpResponse.json({
          policy: { id: 'p', version: 3, steps: [{ name: 's', strategy: 'auto', approve_if: 'true' }] },
        }),
      ),
    );
    const { policy } = await guardianRequest(policyEnvelopeSchema, {
      path: '/policies/p/versions/0',
      what: 'a policy',
    });
    expect(policy).toMatchObject({ id: 'p', version: 3, steps: [{ approveIf: 'true', approvers: [] }] });
  });

  it('turns Guardian’s {code, message} error into an ApiError with the server’s words', async () => {
    server.use(
      http.get(`${BASE}/api/v1beta1/policies/nope/versions/0`, () =>
        HttpResponse.json({ code: 5, message: 'policy not found', details: [] }, { status: 404 }),
      ),
    );
    const error = await failure(
      guardianRequest(policyEnvelopeSchema, { path: '/policies/nope/versions/0', what: 'a policy' }),
    );
    expect(error).toMatchObject({ kind: 'http', status: 404, code: 5, message: 'policy not found' });
    expect(error.request).toEqual({ api: 'guardian', method: 'GET', path: '/api/v1beta1/policies/nope/versions/0' });
    expect(error.isTransient).toBe(false);
  });

  it('reports a body that does not match the schema, with the path of the mismatch', async () => {
    server.use(
      http.get(`${BASE}/api/v1beta1/policies/p/versions/1`, () =>
        HttpResponse.json({ policy: { id: 'p', steps: 'many' } }),
      ),
    );
    const error = await failure(
      guardianRequest(policyEnvelopeSchema, { path: '/policies/p/versions/1', what: 'a policy' }),
    );
    expect(error.kind).toBe('schema');
    expect(error.issues[0]).toMatch(/^policy\.steps: /);
    expect(error.message).toContain('a policy');
  });

  it('reports a body that is not JSON', async () => {
    server.use(http.get(`${BASE}/api/v1beta1/policies`, () => new HttpResponse('<html>bad gateway', { status: 200 })));
    const error = await failure(guardianRequest(z.unknown(), { path: '/policies', what: 'the list' }));
    expect(error.kind).toBe('malformed');
  });

  it('reports a network failure as transient', async () => {
    server.use(http.get(`${BASE}/api/v1beta1/policies`, () => HttpResponse.error()));
    const error = await failure(guardianRequest(z.unknown(), { path: '/policies', what: 'the list' }));
    expect(error.kind).toBe('network');
    expect(error.isTransient).toBe(true);
  });

  it('reads Retry-After on a 429', async () => {
    server.use(
      http.get(`${BASE}/api/v1beta1/policies`, () =>
        HttpResponse.json({ code: 8, message: 'slow down' }, { status: 429, headers: { 'Retry-After': '7' } }),
      ),
    );
    const error = await failure(guardianRequest(z.unknown(), { path: '/policies', what: 'the list' }));
    expect(error).toMatchObject({ status: 429, retryAfter: 7, isTransient: true });
  });

  it('sends X-Auth-Email on writes only, and the dry_run flag as a query parameter', async () => {
    const seen: { method: string; email: string | null; url: string }[] = [];
    server.use(
      http.all(`${BASE}/api/v1beta1/policies`, ({ request }) => {
        seen.push({ method: request.method, email: request.headers.get('x-auth-email'), url: request.url });
        return HttpResponse.json({ policy: { id: 'p', version: 1 } });
      }),
    );
    await guardianRequest(z.unknown(), { path: '/policies', what: 'x' });
    await guardianRequest(z.unknown(), {
      path: '/policies',
      method: 'POST',
      body: {},
      query: { dry_run: true },
      what: 'x',
    });
    expect(seen[0]).toMatchObject({ method: 'GET', email: null });
    expect(seen[1]).toMatchObject({ method: 'POST', email: 'admin@example.com' });
    expect(seen[1]!.url).toContain('?dry_run=true');
  });
});
