import { expect, type Page } from '@playwright/test';

/**
 * Drives the demo's mock backend from a test through `window.__policyConsoleMock` (mocks/state/
 * window-controls.ts). The mock keeps its state in the page's localStorage, so faults and config set
 * here survive the next `page.goto` of the same test, and never leak into another test's context.
 */
export type FaultKind = 'status' | 'hang' | 'offline' | 'malformed' | 'schema';

export interface FaultRule {
  /** A route name (`guardian.list`), a family (`tests.*`) or `METHOD /path/*`. */
  route: string;
  fault: FaultKind;
  status?: number;
  retryAfterSeconds?: number;
  times?: number;
}

interface MockWindow {
  __policyConsoleMock?: {
    setConfig(partial: Record<string, unknown>): unknown;
    setFaults(partial: { rules?: FaultRule[]; latencyMs?: number; errorRate?: number }): unknown;
    addFault(rule: FaultRule): unknown;
    clearFaults(): unknown;
    reset(): void;
  };
}

/** The first page of a test: any view of the demo, with the mock's controls ready. */
export async function openDemo(page: Page, path = '/settings'): Promise<void> {
  await page.goto(path);
  await page.waitForFunction(() => Boolean((window as MockWindow).__policyConsoleMock));
}

/** Config for fast, predictable runs: no latency, a small directory that a test runs through at once. */
export const FAST_MOCK = { latencyMs: 0, userCount: 1_000, usersPerSecond: 1_000_000 };

export async function configureMock(page: Page, config: Record<string, unknown>): Promise<void> {
  await page.evaluate((c) => (window as MockWindow).__policyConsoleMock!.setConfig(c), config);
}

export async function setFaults(page: Page, rules: FaultRule[]): Promise<void> {
  await page.evaluate((r) => (window as MockWindow).__policyConsoleMock!.setFaults({ rules: r }), rules);
}

/** Clears every fault; requests the mock left hanging end as network errors. */
export async function clearFaults(page: Page): Promise<void> {
  await page.evaluate(() => (window as MockWindow).__policyConsoleMock!.clearFaults());
}

export const DEMO_ACCOUNT = 'demo-account';
export const DEMO_TOKEN = 'demo-token';

/** Starts a policy test through the API (as another tab would) and returns its id. */
export async function startTestViaApi(page: Page, policies: string[]): Promise<string> {
  const id = await page.evaluate(
    async ({ account, token, body }) => {
      const response = await fetch(`/client/v4/accounts/${account}/access/policy-tests`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      const json = (await response.json()) as { result?: { id?: string } };
      return json.result?.id;
    },
    { account: DEMO_ACCOUNT, token: DEMO_TOKEN, body: { policies } },
  );
  expect(id, 'the mock started a test').toBeTruthy();
  return id!;
}

/** Saves a new version of a policy through the API, as a colleague in another browser would. */
export async function putPolicyViaApi(
  page: Page,
  id: string,
  policy: Record<string, unknown>,
  author = 'colleague@example.com',
) {
  return page.evaluate(
    async ({ id, policy, author }) => {
      const response = await fetch(`/api/v1beta1/policies/${encodeURIComponent(id)}`, {
        method: 'PUT',
        headers: { 'X-Auth-Email': author, 'Content-Type': 'application/json' },
        body: JSON.stringify(policy),
      });
      return { status: response.status, body: (await response.json()) as { policy?: { version?: number } } };
    },
    { id, policy, author },
  );
}

/** Reads one version straight from the API (the mock), in wire form. */
export async function getPolicyViaApi(page: Page, id: string, version = 0): Promise<Record<string, unknown>> {
  return page.evaluate(
    async ({ id, version }) => {
      const response = await fetch(`/api/v1beta1/policies/${encodeURIComponent(id)}/versions/${version}`);
      return ((await response.json()) as { policy: Record<string, unknown> }).policy;
    },
    { id, version },
  );
}

/** Creates a policy through the API (version 1), as another client would. */
export async function createPolicyViaApi(
  page: Page,
  policy: Record<string, unknown>,
  author = 'colleague@example.com',
) {
  const result = await page.evaluate(
    async ({ policy, author }) => {
      const response = await fetch('/api/v1beta1/policies', {
        method: 'POST',
        headers: { 'X-Auth-Email': author, 'Content-Type': 'application/json' },
        body: JSON.stringify(policy),
      });
      return { status: response.status, text: await response.text() };
    },
    { policy, author },
  );
  expect(result.status, result.text.slice(0, 300)).toBe(200);
}

/** The mock answering at once, for journeys that are not about waiting: set before the test's first page loads. */
export const NO_LATENCY = { latencyMs: 0 };
