import { afterAll, beforeAll, beforeEach } from 'vitest';
import { FakeClock } from '../lib/clock';
import { createNodeMock } from '../node';

/** The origin unit tests address the mock with (msw/node answers any origin). */
export const ORIGIN = 'http://mock.test';
export const GUARDIAN = `${ORIGIN}/api/v1beta1`;
export const ACCOUNT = 'acc123';
export const TESTS = `${ORIGIN}/client/v4/accounts/${ACCOUNT}/access/policy-tests`;
export const BEARER = { Authorization: 'Bearer test-token' };

/**
 * One msw/node mock per test file, with a fake clock; reset before each test so every test starts
 * from the seeded data and no faults.
 */
export function setupNodeMock() {
  const clock = new FakeClock();
  const mock = createNodeMock({ clock });
  beforeAll(() => mock.server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => mock.state.reset());
  afterAll(() => mock.server.close());
  return { ...mock, clock };
}

export async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

export function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export function put(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export const ADMIN = { 'X-Auth-Email': 'admin@example.com' };

export const MINIMAL_POLICY = {
  id: 'new_policy',
  steps: [{ name: 'manager_approval', strategy: 'manual', approvers: ['$appeal.creator.manager_email'] }],
};
