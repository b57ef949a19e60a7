import type { FaultState } from '../faults/fault-store';
import type { MockConfig } from '../state/config';
import { mockStarted } from '../../src/lib/api/mock-ready';

/** The panel talks to the mock the way tests do: HTTP to /__mock/*, through the service worker. */
async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  // The panel renders with the app, before the service worker answers.
  const started = await mockStarted();
  if (!started.ok) throw new Error(`the mock backend did not start (${started.error.message})`);
  const response = await fetch(`/__mock${path}`, {
    method,
    headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await response.json()) as T & { problems?: string[] };
  if (!response.ok) throw new Error(data.problems?.join('; ') ?? `HTTP ${response.status}`);
  return data;
}

/** Resolves once the mock has started (or failed to) and the page then has a moment to spare. */
export async function afterMockStartIdle(): Promise<void> {
  await mockStarted();
  await new Promise<void>((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 1_000 });
    else setTimeout(resolve, 0);
  });
}

export const mockApi = {
  config: () => call<MockConfig>('GET', '/config'),
  setConfig: (partial: Partial<MockConfig>) => call<MockConfig>('PUT', '/config', partial),
  faults: () => call<FaultState>('GET', '/faults'),
  setFaults: (partial: Partial<FaultState>) => call<FaultState>('PUT', '/faults', partial),
  addFault: (rule: { route: string; fault: string | number; times?: number }) =>
    call<FaultState>('POST', '/faults', rule),
  removeFault: (id: string) => call<FaultState>('DELETE', `/faults/${encodeURIComponent(id)}`),
  clearFaults: () => call<FaultState>('DELETE', '/faults'),
  reset: () => call<{ reset: true }>('POST', '/reset'),
};
