// Talks to the mock HTTP server directly (not through the app's origin, so that none of this shows
// up in a page's network log): its control API under /__mock/ and the two REST APIs.
import { NotAvailable } from './types';

const BENCH_ACCOUNT = 'bench-account';
const BENCH_TOKEN = 'bench-token';
const BENCH_EMAIL = 'bench@example.com';

const POLICY_TESTS = `/client/v4/accounts/${BENCH_ACCOUNT}/access/policy-tests`;

export interface TestStatus {
  status: 'processing' | 'complete' | 'exceeded time' | 'blocked';
  total_users?: number;
  percent_users_processed?: number;
  users_approved?: number;
  users_blocked?: number;
  users_errored?: number;
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
  status: string;
}

export class MockControl {
  constructor(readonly base: string) {}

  private async send(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<unknown> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        Authorization: `Bearer ${BENCH_TOKEN}`,
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    return text ? (JSON.parse(text) as unknown) : undefined;
  }

  async reset(): Promise<void> {
    await this.send('POST', '/__mock/reset', {});
  }

  async configure(config: Record<string, unknown>): Promise<void> {
    try {
      await this.send('POST', '/__mock/config', config);
    } catch (error) {
      throw new NotAvailable(`the mock refused its config ${JSON.stringify(config)}: ${(error as Error).message}`);
    }
  }

  async startTest(policies: string[]): Promise<string> {
    const body = (await this.send('POST', POLICY_TESTS, { policies })) as { result?: { id?: string } };
    const id = body.result?.id;
    if (!id) throw new Error(`starting a test gave no id: ${JSON.stringify(body).slice(0, 200)}`);
    return id;
  }

  async testStatus(id: string): Promise<TestStatus> {
    const body = (await this.send('GET', `${POLICY_TESTS}/${encodeURIComponent(id)}`)) as { result: TestStatus };
    return body.result;
  }

  async users(id: string, page: number, perPage: number): Promise<TestUser[]> {
    const body = (await this.send(
      'GET',
      `${POLICY_TESTS}/${encodeURIComponent(id)}/users?page=${page}&per_page=${perPage}`,
    )) as { result: TestUser[] };
    return body.result;
  }

  /** Polls the status until it is no longer processing. */
  async waitForEnd(id: string, timeoutMs: number): Promise<TestStatus> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const status = await this.testStatus(id);
      if (status.status !== 'processing') return status;
      if (Date.now() > deadline) {
        throw new NotAvailable(
          `test ${id} still processing after ${timeoutMs / 1000} s (${status.percent_users_processed ?? '?'}%)`,
        );
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /** One line per test the mock holds (policies, users, status, progress), newest last: for failure reports. */
  async describeTests(): Promise<string> {
    const state = (await this.send('GET', '/__mock/state')) as {
      tests: { id: string; policies: string[]; userCount: number; status: string; processed: number }[];
      config: Record<string, unknown>;
    };
    return [
      `Mock config: ${JSON.stringify(state.config)}`,
      `Mock tests (${state.tests.length}):`,
      ...state.tests.map(
        (t) => `  ${t.id} ${t.policies.join(', ')}: ${t.status}, ${t.processed} of ${t.userCount} users`,
      ),
    ].join('\n');
  }

  async createPolicy(policy: unknown): Promise<{ id: string; version: number }> {
    const body = (await this.send('POST', '/api/v1beta1/policies', policy, { 'X-Auth-Email': BENCH_EMAIL })) as {
      policy: { id: string; version: number };
    };
    return body.policy;
  }

  async updatePolicy(id: string, policy: unknown): Promise<{ id: string; version: number }> {
    const body = (await this.send('PUT', `/api/v1beta1/policies/${encodeURIComponent(id)}`, policy, {
      'X-Auth-Email': BENCH_EMAIL,
    })) as { policy: { id: string; version: number } };
    return body.policy;
  }
}

/** Settings the production build reads at start-up: which account to test in, who is saving. */
export function settingsInitScript(): string {
  const settings = { accountId: BENCH_ACCOUNT, identityEmail: BENCH_EMAIL, authMode: 'token' };
  const credentials = { apiToken: BENCH_TOKEN };
  return `
    localStorage.setItem('policy-console.settings', ${JSON.stringify(JSON.stringify(settings))});
    sessionStorage.setItem('policy-console.credentials', ${JSON.stringify(JSON.stringify(credentials))});
  `;
}
