import { setMockStart } from '@/lib/api/mock-ready';

/**
 * Demo builds only: starts the in-page mock backend (MSW service worker and the seeded mock database)
 * beside the first render, not before it — the shell paints at once and API requests wait for the
 * mock (`src/lib/api/mock-ready.ts`). In a production build `VITE_MOCK` is statically false, so the
 * mock and MSW are not even bundled. A failed start is logged and shown in the mock bar; requests
 * then go to the network and fail visibly instead of hanging.
 */
export function startMockBackend(): void {
  if (import.meta.env.VITE_MOCK !== 'true') return;
  const started = import('../../mocks/browser').then(({ startBrowserMock }) => startBrowserMock());
  void setMockStart(started).then((outcome) => {
    if (!outcome.ok) console.error('The mock backend did not start:', outcome.error);
  });
}
