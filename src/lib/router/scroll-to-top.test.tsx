import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Link, Route, RouterRoot, Switch } from '@/lib/router';

function Page({ name }: { name: string }) {
  return (
    <>
      <h1>{name}</h1>
      <Link to="/b">To b</Link>
      <Link to="?tab=json">Same page, new query</Link>
    </>
  );
}

describe('ScrollToTop (the browser router)', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('starts a new page at its top, but not a new query of the same page, nor Back', async () => {
    window.history.replaceState(null, '', '/a');
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    const user = userEvent.setup();
    const view = render(
      <RouterRoot>
        <Switch>
          <Route path="/a">
            <Page name="A" />
          </Route>
          <Route path="/b">
            <Page name="B" />
          </Route>
        </Switch>
      </RouterRoot>,
    );
    expect(scrollTo).not.toHaveBeenCalled(); // the first load is the browser's

    await user.click(screen.getByRole('link', { name: 'To b' }));
    expect(await screen.findByRole('heading', { name: 'B' })).toBeInTheDocument();
    expect(scrollTo).toHaveBeenCalledTimes(1);
    expect(scrollTo).toHaveBeenLastCalledWith(0, 0);

    await user.click(screen.getByRole('link', { name: 'Same page, new query' }));
    expect(window.location.search).toBe('?tab=json');
    expect(scrollTo).toHaveBeenCalledTimes(1);

    // Back, as the browser does it: the address changes, then popstate.
    act(() => {
      window.history.replaceState(null, '', '/a');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(await screen.findByRole('heading', { name: 'A' })).toBeInTheDocument();
    expect(scrollTo).toHaveBeenCalledTimes(1);
    view.unmount();
    scrollTo.mockRestore();
  });
});
