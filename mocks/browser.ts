import { setupWorker } from 'msw/browser';
import { createHandlers } from './handlers';
import { MockState } from './state/mock-state';
import { localStoragePersistence } from './state/persistence';
import { windowControls, type PolicyConsoleMock } from './state/window-controls';

declare global {
  interface Window {
    __policyConsoleMock?: PolicyConsoleMock;
  }
}

/** The demo's default latency: enough to see loading states, not enough to annoy. */
const DEMO_LATENCY_MS = 150;

/**
 * The demo's mock backend: a service worker answering same-origin API calls from the handlers,
 * with state that survives reloads (localStorage, `policy-console.mock.*`).
 */
export async function startBrowserMock(): Promise<void> {
  const state = new MockState({ persistence: localStoragePersistence(window.localStorage), config: { latencyMs: DEMO_LATENCY_MS } });
  const worker = setupWorker(...createHandlers(state, window.location.origin));
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: '/mockServiceWorker.js' },
  });
  window.__policyConsoleMock = windowControls(state);
}
