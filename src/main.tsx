// First: configures zod before any schema module is evaluated.
import './lib/csp/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { prefetchFirstView } from './app/prefetch-first-view';
import { startMockBackend } from './app/start-mock-backend';
import { warmUpFormatters } from './lib/format/warm-up-formatters';
import './styles/tokens.css';
import './styles/base.css';

// Demo builds: the mock backend starts beside the first render; API requests wait for it.
startMockBackend();
// Before the first render (and after the mock's start, which the request waits for): the catalog's
// list is on its way while React renders and the view's code loads.
prefetchFirstView();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
warmUpFormatters();
