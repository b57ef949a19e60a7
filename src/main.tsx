// First: configures zod before any schema module is evaluated.
import './lib/csp/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { startMockBackend } from './app/start-mock-backend';
import { warmUpFormatters } from './lib/format/warm-up-formatters';
import './styles/tokens.css';
import './styles/base.css';

// Demo builds: the mock backend starts beside the first render; API requests wait for it.
startMockBackend();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
warmUpFormatters();
