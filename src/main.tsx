// First: configures zod before any schema module is evaluated.
import './lib/csp/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { prefetchFirstView } from './app/prefetch-first-view';
import { preloadFirstView } from './app/router';
import { startMockBackend } from './app/start-mock-backend';
import './styles/tokens.css';
import './styles/base.css';

// Demo builds: the mock backend starts beside the first render; API requests wait for it.
startMockBackend();
// Before the first render (and after the mock's start, which the request waits for): the catalog's
// list is on its way while React renders and the view's code loads.
const firstViewData = prefetchFirstView();

/** How long the first render waits for the first view's code and data (see below). */
const FIRST_RENDER_WAIT_MS = 80;

const root = createRoot(document.getElementById('root')!);
const render = () =>
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
// The first view's code is preloaded beside the entry (index.html), and the catalog's list is usually
// in by the time the entry has run: the first render waits a moment for both, so that its frame shows
// the rows, not a loading state painted and laid out only to be replaced a frame later. It waits no
// longer than that moment; when they come later, rendering again shows the view at once (left to its
// own retry, React would reveal it no sooner than 300 ms after the loading state).
const firstView = preloadFirstView(window.location.pathname);
if (firstView) {
  let rendered = false;
  const renderFirst = () => {
    if (rendered) return;
    rendered = true;
    render();
  };
  setTimeout(renderFirst, FIRST_RENDER_WAIT_MS);
  void Promise.all([firstView, firstViewData]).then(() => (rendered ? render() : renderFirst()), renderFirst);
} else render();
