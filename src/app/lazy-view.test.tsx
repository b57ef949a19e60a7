import { act, render, screen } from '@testing-library/react';
import { lazyView } from './lazy-view';

const view = () => Promise.resolve(() => <p>the view</p>);

describe('lazyView', () => {
  it('renders a preloaded view in its first commit, with no loading fallback', async () => {
    const View = lazyView(view);
    await View.preload();
    render(<View />);
    expect(screen.getByText('the view')).toBeInTheDocument();
    expect(screen.queryByText('Loading…')).not.toBeInTheDocument();
  });

  it('shows the loading fallback until a view that was not preloaded arrives', async () => {
    const View = lazyView(view);
    render(<View />);
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    await act(() => Promise.resolve());
    expect(await screen.findByText('the view')).toBeInTheDocument();
  });
});
