import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Link, NavLink, Route, RouterRoot, Switch, useSearchParams } from '@/lib/router';
import { useBlocker } from '@/lib/router/use-blocker';
import { useParams } from '@/lib/router/use-params';
import { createTestRouter } from './test-router';

function Params() {
  return <p>{JSON.stringify(useParams())}</p>;
}

function Query() {
  const [params, setParams] = useSearchParams();
  return (
    <>
      <p>q={params.get('q')}</p>
      <button type="button" onClick={() => setParams({ q: 'a&b' })}>
        Set
      </button>
      <Link to="?page=2">Page 2</Link>
    </>
  );
}

function Guarded() {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => currentLocation.pathname !== nextLocation.pathname);
  return blocker.state === 'blocked' ? (
    <>
      <button type="button" onClick={blocker.reset}>
        Stay
      </button>
      <button type="button" onClick={blocker.proceed}>
        Leave
      </button>
    </>
  ) : (
    <p>Editing</p>
  );
}

function renderAt(path: string) {
  const router = createTestRouter(path);
  render(
    <RouterRoot router={router}>
      <nav>
        <NavLink to="/policies">Policies</NavLink>
        <NavLink to="/tests">Tests</NavLink>
      </nav>
      <Switch>
        <Route path="/policies/:id/versions/:version" component={Params} />
        <Route path="/policies" component={Query} />
        <Route path="/edit" component={Guarded} />
        <Route>
          <p>Elsewhere</p>
        </Route>
      </Switch>
    </RouterRoot>,
  );
  return { router, user: userEvent.setup() };
}

describe('the router glue', () => {
  it('decodes each path segment once', () => {
    renderAt('/policies/a%2Fb%2550/versions/2');
    expect(screen.getByText('{"id":"a/b%50","version":"2"}')).toBeInTheDocument();
  });

  it('marks the active section with aria-current, also below it', () => {
    renderAt('/policies/x/versions/1');
    expect(screen.getByRole('link', { name: 'Policies' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Policies' })).toHaveClass('active');
    expect(screen.getByRole('link', { name: 'Tests' })).not.toHaveAttribute('aria-current');
  });

  it('reads and writes the query, and resolves ?query links against this page', async () => {
    const { router, user } = renderAt('/policies?q=x');
    expect(screen.getByText('q=x')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Set' }));
    expect(router.state.location.search).toBe('?q=a%26b');
    expect(screen.getByText('q=a&b')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Page 2' })).toHaveAttribute('href', '/policies?page=2');
    await user.click(screen.getByRole('link', { name: 'Page 2' }));
    expect(router.state.location).toMatchObject({ pathname: '/policies', search: '?page=2' });
  });

  it('holds a navigation for a blocker until it proceeds', async () => {
    const { router, user } = renderAt('/edit');
    await user.click(screen.getByRole('link', { name: 'Tests' }));
    expect(router.state.location.pathname).toBe('/edit');
    await user.click(screen.getByRole('button', { name: 'Stay' }));
    expect(screen.getByText('Editing')).toBeInTheDocument();
    act(() => router.navigate('/policies'));
    await user.click(screen.getByRole('button', { name: 'Leave' }));
    expect(router.state.location.pathname).toBe('/policies');
  });
});
