import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { guardianHandlers } from '@/test/guardian-handlers';
import { GUARDIAN, renderPolicyRoute } from '../test/render-policy-route';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const step = { name: 's', strategy: 'auto', approve_if: 'true' };
const ROWS = [
  {
    id: 'alpha',
    version: 1,
    title: 'Alpha access',
    steps: [step],
    created_at: '2026-01-01T00:00:00Z',
    labels: { team: 'data' },
  },
  {
    id: 'alpha',
    version: 2,
    title: 'Alpha access',
    steps: [step, { ...step, name: 't' }],
    created_at: '2026-03-01T00:00:00Z',
    labels: { team: 'data' },
  },
  {
    id: 'beta',
    version: 1,
    description: 'Beta buckets',
    steps: [step],
    created_at: '2026-02-01T00:00:00Z',
    labels: { team: 'platform' },
  },
  { id: '<img src=x onerror=alert(1)>', version: 1, steps: [step], created_at: '2025-01-01T00:00:00Z' },
];

/** `count` one-version policies, policy-000…, their numbers padded to `digits`. */
const manyPolicies = (count: number, digits: number) =>
  Array.from({ length: count }, (_, i) => ({
    id: `policy-${String(i).padStart(digits, '0')}`,
    version: 1,
    steps: [step],
    created_at: '2026-01-01T00:00:00Z',
  }));

const rowIds = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]!.textContent);

// Whole routes with lazy chunks: slow on a busy machine, so a longer limit than unit tests.
describe('CatalogRoute', { timeout: 20_000 }, () => {
  it('lists one row per policy, newest first, ids as inert text', async () => {
    server.use(...guardianHandlers(ROWS));
    renderPolicyRoute('/policies');
    expect(await screen.findByRole('link', { name: 'alpha' }, { timeout: 5000 })).toHaveAttribute(
      'href',
      '/policies/alpha/versions/2',
    );
    expect(rowIds()).toEqual(['alpha', 'beta', '<img src=x onerror=alert(1)>']);
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByText('3 policies')).toBeInTheDocument();
  });

  it('shows a version the server lists twice once, and says so', async () => {
    const twice = [...ROWS, { ...ROWS[1]!, title: 'Another alpha' }, ROWS[0]!];
    server.use(...guardianHandlers(twice));
    const { user } = renderPolicyRoute('/policies');
    const row = (await screen.findByRole('link', { name: 'alpha' }, { timeout: 5000 })).closest('tr')!;
    // Versions column: v2 with its two versions, not "4 listed".
    expect(row).toHaveTextContent('v2');
    expect(row).not.toHaveTextContent(/listed/);
    const notice = screen.getByText(/The server listed 2 versions more than once; each is shown once, and 1 of them/);
    await user.click(notice);
    expect(screen.getByText(/listed 2 times, not all the same/)).toBeInTheDocument();
  });

  it('searches and filters by label, keeping both in the URL', async () => {
    server.use(...guardianHandlers(ROWS));
    const { user, router } = renderPolicyRoute('/policies');
    await screen.findByRole('link', { name: 'alpha' }, { timeout: 5000 });
    await user.type(screen.getByRole('searchbox', { name: 'Search policies' }), 'buckets');
    await waitFor(() => expect(rowIds()).toEqual(['beta']));
    expect(router.state.location.search).toBe('?q=buckets');
    await user.clear(screen.getByRole('searchbox', { name: 'Search policies' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Label' }), 'team:data');
    await waitFor(() => expect(rowIds()).toEqual(['alpha']));
    expect(router.state.location.search).toBe('?label=team%3Adata');
  });

  it('sorts by a column header, says so with aria-sort, and keeps it in the URL', async () => {
    server.use(...guardianHandlers(ROWS));
    const { user, router } = renderPolicyRoute('/policies?sort=id&dir=asc');
    await screen.findByRole('link', { name: 'alpha' }, { timeout: 5000 });
    expect(screen.getByRole('columnheader', { name: /Policy/ })).toHaveAttribute('aria-sort', 'ascending');
    await user.click(screen.getByRole('button', { name: /Steps/ }));
    expect(router.state.location.search).toBe('?sort=steps&dir=desc');
    expect(screen.getByRole('columnheader', { name: /Steps/ })).toHaveAttribute('aria-sort', 'descending');
    expect(rowIds()[0]).toBe('alpha');
    await user.click(screen.getByRole('button', { name: /Steps/ }));
    expect(router.state.location.search).toBe('?sort=steps&dir=asc');
  });

  it('says when nothing matches, and clears the filters', async () => {
    server.use(...guardianHandlers(ROWS));
    const { user } = renderPolicyRoute('/policies?q=zzz');
    expect(await screen.findByText('No policy matches “zzz”')).toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: 'Clear filters' })[0]!);
    await waitFor(() => expect(rowIds()).toHaveLength(3));
  });

  it('explains a malformed URL instead of failing', async () => {
    server.use(...guardianHandlers(ROWS));
    renderPolicyRoute('/policies?sort=bogus&dir=up');
    expect(await screen.findByText(/Cannot sort by “bogus”/)).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /Updated/ })).toHaveAttribute('aria-sort', 'descending');
  });

  it('tells about rows that failed the schema, without hiding the rest', async () => {
    server.use(...guardianHandlers([...ROWS, { id: 'broken', version: 1, steps: 'many' }, { version: 2 }]));
    const { user } = renderPolicyRoute('/policies');
    const notice = await screen.findByText(/2 policies could not be read/);
    expect(notice).toBeInTheDocument();
    await user.click(notice);
    expect(screen.getByText(/steps/, { selector: 'li.mono' })).toBeInTheDocument();
    expect(rowIds()).toHaveLength(3);
  });

  it('shows the server’s error with a retry', async () => {
    server.use(
      http.get(`${GUARDIAN}/api/v1beta1/policies`, () =>
        HttpResponse.json({ code: 13, message: 'db down' }, { status: 503 }),
      ),
    );
    renderPolicyRoute('/policies');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the policy list');
    expect(alert).toHaveTextContent('db down');
  });

  it('has an empty state for a server with no policies', async () => {
    server.use(...guardianHandlers([]));
    renderPolicyRoute('/policies');
    expect(await screen.findByText('No policies yet')).toBeInTheDocument();
  });

  it(
    'pages 100 rows at a time, the page in the URL, and starts again at page 1 on a new filter',
    { timeout: 40_000 },
    async () => {
      server.use(...guardianHandlers(manyPolicies(130, 3)));
      const { user, router } = renderPolicyRoute('/policies?sort=id&dir=asc');
      await screen.findByRole('link', { name: 'policy-000' }, { timeout: 5000 });
      // The first rows come at once, the rest of the page a slice per frame after it (four frames,
      // each a render that jsdom is slow at when the whole suite runs).
      await waitFor(() => expect(rowIds()).toHaveLength(100), { timeout: 20_000 });
      const pager = screen.getByRole('navigation', { name: 'Pages of policies' });
      expect(pager).toHaveTextContent('1–100 of 130');
      expect(within(pager).getByRole('button', { name: 'Previous' })).toBeDisabled();
      await user.click(within(pager).getByRole('link', { name: 'Next' }));
      expect(router.state.location.search).toBe('?sort=id&dir=asc&page=2');
      await waitFor(() => expect(rowIds()).toHaveLength(30), { timeout: 5000 });
      expect(rowIds()[0]).toBe('policy-100');
      expect(pager).toHaveTextContent('101–130 of 130');
      expect(within(pager).getByRole('button', { name: 'Next' })).toBeDisabled();
      await user.type(screen.getByRole('searchbox', { name: 'Search policies' }), '2');
      await waitFor(() => expect(rowIds()).toHaveLength(31), { timeout: 5000 });
      expect(rowIds()[0]).toBe('policy-002');
      expect(router.state.location.search).toBe('?q=2&sort=id&dir=asc');
    },
  );

  it('writes its counts with the thousands grouped, as the pager does', async () => {
    server.use(...guardianHandlers(manyPolicies(1_005, 4)));
    renderPolicyRoute('/policies?q=policy-100');
    expect(await screen.findByText('5 of 1,005 policies match', {}, { timeout: 10_000 })).toBeInTheDocument();
  });

  it('shows the last page for a page number past the end, and explains a bad one', async () => {
    server.use(...guardianHandlers(ROWS));
    renderPolicyRoute('/policies?page=7');
    await screen.findByRole('link', { name: 'alpha' }, { timeout: 5000 });
    expect(rowIds()).toHaveLength(3);
    expect(screen.getByRole('navigation', { name: 'Pages of policies' })).toHaveTextContent('1–3 of 3');
  });

  it('explains a page number it cannot read', async () => {
    server.use(...guardianHandlers(ROWS));
    renderPolicyRoute('/policies?page=two');
    expect(await screen.findByText(/There is no page “two”/)).toBeInTheDocument();
  });

  it('filters by several labels at once, and a label in a row adds itself to the filters', async () => {
    server.use(
      ...guardianHandlers(ROWS.map((r) => (r.id === 'beta' ? { ...r, labels: { team: 'data', env: 'prod' } } : r))),
    );
    const { user, router } = renderPolicyRoute('/policies');
    await screen.findByRole('link', { name: 'alpha' }, { timeout: 5000 });
    // Each row says how its steps decide, and shows one version number.
    const alphaRow = screen.getByRole('link', { name: 'alpha' }).closest('tr')!;
    expect(within(alphaRow).getAllByRole('cell')[2]).toHaveTextContent(/^v2$/);
    expect(within(alphaRow).getAllByRole('cell')[3]).toHaveTextContent(/^22 auto$/);
    await user.click(within(alphaRow).getByRole('button', { name: 'Filter by label team: data' }));
    expect(router.state.location.search).toBe('?label=team%3Adata');
    expect(rowIds()).toEqual(['alpha', 'beta']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Label' }), 'env:prod');
    expect(router.state.location.search).toBe('?label=team%3Adata&label=env%3Aprod');
    expect(rowIds()).toEqual(['beta']);
    await user.click(screen.getByRole('button', { name: 'Remove the label filter team:data' }));
    expect(router.state.location.search).toBe('?label=env%3Aprod');
  });
});
