// First: configures zod before any schema module is evaluated.
import './lib/csp/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { prefetchFirstView } from './app/prefetch-first-view';
import { preloadFirstView } from './app/router';
import { startMockBackend } from './app/start-mock-backend';
import { warmUpFormatters } from './lib/format/warm-up-formatters';
import './styles/tokens.css';
import './styles/base.css';

// Demo builds: the mock backend starts beside the first render; API requests wait for it.
startMockBackend();
// Before the first render (and after the mock's start, which the request waits for): the catalog's
// list is on its way while React renders and the view's code loads.
prefetchFirstView();

/** Longest the first render waits for the first view's code; then it renders the view's loading state. */
const FIRST_VIEW_WAIT_MS = 500;

function render(): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  warmUpFormatters();
}

// The first view's code is preloaded beside the entry (index.html): the first render waits for it, so
// the view renders with the shell instead of behind a fallback (see lazy-view.tsx).
void Promise.race([
  preloadFirstView(window.location.pathname).catch(() => undefined),
  new Promise((resolve) => setTimeout(resolve, FIRST_VIEW_WAIT_MS)),
]).then(render);
