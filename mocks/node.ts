import { setupServer } from 'msw/node';
import { createHandlers } from './handlers';
import { MockState, type MockStateOptions } from './state/mock-state';

/**
 * The mock for unit tests (msw/node): an isolated state and server per call, e.g. `createNodeMock({ clock })`;
 * `server.listen()` in a test, then plain `fetch('http://localhost/api/v1beta1/...')`.
 */
export function createNodeMock(options: MockStateOptions = {}) {
  const state = new MockState(options);
  return { state, server: setupServer(...createHandlers(state)) };
}
