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

const root = createRoot(document.getElementById('root')!);
const render = () =>
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
render();
warmUpFormatters();
// The first view's code is preloaded beside the entry (index.html) and arrives just after this first
// render, which shows its loading state meanwhile. Rendering again then shows the view at once: left
// to its own retry, React would reveal it no sooner than 300 ms after that loading state.
void preloadFirstView(window.location.pathname)?.then(render, () => undefined);
