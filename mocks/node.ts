import { setupServer } from 'msw/node';
import { createHandlers } from './handlers';
import { MockState, type MockStateOptions } from './state/mock-state';

/**
 * The mock for unit tests (msw/node): `mockServer.listen()` in a setup file or a test, then plain
 * `fetch('http://localhost/api/v1beta1/...')`. `mockState` is the data behind it — reset it between
 * tests (`mockState.reset()`), or build an isolated pair with `createNodeMock({ clock })`.
 */
export const mockState = new MockState();
export const mockServer = setupServer(...createHandlers(mockState));

export function createNodeMock(options: MockStateOptions = {}) {
  const state = new MockState(options);
  return { state, server: setupServer(...createHandlers(state)) };
}

export { MockState } from './state/mock-state';
export { FakeClock } from './lib/clock';
