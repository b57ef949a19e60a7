// First: configures zod before any schema module is evaluated.
import './lib/csp/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import './styles/tokens.css';
import './styles/base.css';

async function startMockBackend(): Promise<void> {
  // Statically false in a production build, so the mock and MSW are not even bundled there.
  if (import.meta.env.VITE_MOCK !== 'true') return;
  const { startBrowserMock } = await import('../mocks/browser');
  await startBrowserMock();
}

void startMockBackend()
  .catch((error: unknown) => console.error('The mock backend did not start:', error))
  .finally(() => {
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
