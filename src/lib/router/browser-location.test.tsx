import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense, lazy, useState, type ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Link, Route, RouterRoot, Switch, useLocation, useSearchParams } from '@/lib/router';

/** A view whose code is still on its way until the test says so. */
function slowView(text: string) {
  let arrive!: () => void;
  const code = new Promise<{ default: () => ReactElement }>((resolve) => {
    arrive = () => resolve({ default: () => <p>{text}</p> });
  });
  return { View: lazy(() => code), arrive };
}

function SearchBox() {
  const [params, setParams] = useSearchParams();
  return (
    <label>
      Search
      <input value={params.get('q') ?? ''} onChange={(e) => setParams({ q: e.target.value }, { replace: true })} />
    </label>
  );
}

function Where() {
  const { pathname, search, state } = useLocation();
  return <output aria-label="where">{`${pathname}${search} ${JSON.stringify(state)}`}</output>;
}

describe('the browser location (RouterRoot without a test router)', () => {
  beforeEach(() => window.history.replaceState(null, '', '/editor'));
  afterEach(() => {
    cleanup();
    window.history.replaceState(null, '', '/');
  });

  it('renders a new path as a transition: a view on screen is not swapped for a fallback while the next one loads', async () => {
    const compare = slowView('The comparison');
    const user = userEvent.setup();
    render(
      <RouterRoot>
        <Suspense fallback={<p>Loading the view…</p>}>
          <Switch>
            <Route path="/editor">
              <p>The editor</p>
              <Link to="/compare">Open the delta</Link>
            </Route>
            <Route path="/compare" component={compare.View} />
          </Switch>
        </Suspense>
      </RouterRoot>,
    );
    await user.click(screen.getByRole('link', { name: 'Open the delta' }));
    expect(window.location.pathname).toBe('/compare');
    expect(screen.getByText('The editor')).toBeVisible();
    expect(screen.queryByText('Loading the view…')).toBeNull();
    await act(async () => compare.arrive());
    expect(await screen.findByText('The comparison')).toBeVisible();
    expect(screen.queryByText('The editor')).toBeNull();
  });

  it('renders what reads the address once as the app starts, not a second time to catch up with an address that has not changed', () => {
    const rendered = vi.fn();
    function Counted() {
      rendered();
      return <output aria-label="where">{useLocation().pathname}</output>;
    }
    render(
      <RouterRoot>
        <Counted />
      </RouterRoot>,
    );
    expect(screen.getByRole('status', { name: 'where' })).toHaveTextContent('/editor');
    expect(rendered).toHaveBeenCalledOnce();
  });

  it('keeps every character typed into a field kept in the query', async () => {
    window.history.replaceState(null, '', '/policies');
    const user = userEvent.setup();
    render(
      <RouterRoot>
        <SearchBox />
      </RouterRoot>,
    );
    await user.type(screen.getByRole('textbox', { name: 'Search' }), 'bigquery approval');
    expect(screen.getByRole('textbox', { name: 'Search' })).toHaveValue('bigquery approval');
    expect(new URLSearchParams(window.location.search).get('q')).toBe('bigquery approval');
  });

  it('follows Back and Forward, and gives each entry its own state', async () => {
    function Go() {
      const [, set] = useState(0);
      return (
        <Link to="/compare" state={{ from: 'editor' }} onClick={() => set((n) => n + 1)}>
          Open the delta
        </Link>
      );
    }
    const user = userEvent.setup();
    render(
      <RouterRoot>
        <Go />
        <Where />
      </RouterRoot>,
    );
    expect(screen.getByRole('status', { name: 'where' })).toHaveTextContent('/editor null');
    await user.click(screen.getByRole('link', { name: 'Open the delta' }));
    expect(screen.getByRole('status', { name: 'where' })).toHaveTextContent('/compare {"from":"editor"}');
    await act(async () => {
      window.history.back();
      await new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    });
    expect(screen.getByRole('status', { name: 'where' })).toHaveTextContent('/editor null');
  });
});
