import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api/api-error';
import { loadPolicyCatalog } from './load-policy-catalog';
import { withSavedVersion } from './with-saved-version';
import { policySchema } from '@/lib/api/guardian/policy-schema';

const BASE = 'http://guardian.test';
const LIST = `${BASE}/api/v1beta1/policies`;
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const step = { name: 's', strategy: 'auto', approve_if: 'true' };
const row = (id: string, version: number, extra: Record<string, unknown> = {}) => ({
  id,
  version,
  steps: [step],
  created_at: `2026-01-0${version}T00:00:00Z`,
  ...extra,
});
/** 12 policies × 3 versions, listed in created_at order as goto/guardian does. */
const ROWS = [1, 2, 3].flatMap((v) => Array.from({ length: 12 }, (_, i) => row(`p${String(i).padStart(2, '0')}`, v)));

/** raystack: every version in one answer, whatever the query says. */
const raystack = (rows: unknown[], seen: URL[] = []) =>
  http.get(LIST, ({ request }) => {
    seen.push(new URL(request.url));
    return HttpResponse.json({ policies: rows });
  });

/** goto/guardian: size, offset and ids (`id` or `id:version`), and the total those ids match. */
const goto = (rows: ReturnType<typeof row>[], seen: URL[] = [], maxSize = Infinity) =>
  http.get(LIST, ({ request }) => {
    const url = new URL(request.url);
    seen.push(url);
    const ids = url.searchParams.getAll('ids');
    const matching = ids.length ? rows.filter((r) => ids.includes(r.id) || ids.includes(`${r.id}:${r.version}`)) : rows;
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const size = Math.min(Number(url.searchParams.get('size') ?? 0) || Infinity, maxSize);
    const page = matching.slice(offset, offset + size);
    return HttpResponse.json({
      ...(page.length ? { policies: page } : {}),
      ...(matching.length ? { total: matching.length } : {}),
    });
  });

describe('loadPolicyCatalog', () => {
  it('reads a raystack list whole: one request, one summary per policy, every version stamped', async () => {
    const seen: URL[] = [];
    server.use(raystack(ROWS, seen));
    const catalog = await loadPolicyCatalog({ baseUrl: BASE }, { pageSize: 5 });
    expect(seen).toHaveLength(1);
    expect(catalog.serverPages).toBe(false);
    expect(catalog.versionCount).toBe(36);
    expect(catalog.policies.map((p) => p.id)).toEqual(ROWS.slice(0, 12).map((r) => r.id));
    expect(catalog.policies[0]).toMatchObject({
      latestVersion: 3,
      versions: [
        { version: 3, createdAt: '2026-01-03T00:00:00Z' },
        { version: 2, createdAt: '2026-01-02T00:00:00Z' },
        { version: 1, createdAt: '2026-01-01T00:00:00Z' },
      ],
      stepCount: 1,
    });
  });

  it('pages a goto/guardian list, several pages at once, and reports progress against its total', async () => {
    const seen: URL[] = [];
    server.use(goto(ROWS, seen));
    const progress: { rows: number; total?: number }[] = [];
    const catalog = await loadPolicyCatalog({ baseUrl: BASE }, { pageSize: 5, onProgress: (p) => progress.push(p) });
    expect(catalog.serverPages).toBe(true);
    expect(catalog.versionCount).toBe(36);
    expect(catalog.policies).toHaveLength(12);
    expect(seen.map((u) => u.search)).toEqual([
      '?size=5',
      '?size=5&offset=5',
      '?size=5&offset=10',
      '?size=5&offset=15',
      '?size=5&offset=20',
      '?size=5&offset=25',
      '?size=5&offset=30',
      '?size=5&offset=35',
    ]);
    expect(progress[0]).toEqual({ rows: 5, total: 36 });
  });

  it('reports progress every 2,000 rows, and at most every 250 ms', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => row(`p${i}`, 1));
    server.use(raystack(many));
    const rowsAt = async (msPerCall: number) => {
      let now = 1_000_000;
      const clock = vi.spyOn(Date, 'now').mockImplementation(() => (now += msPerCall));
      const progress: number[] = [];
      try {
        await loadPolicyCatalog({ baseUrl: BASE }, { onProgress: (p) => progress.push(p.rows) });
      } finally {
        clock.mockRestore();
      }
      return progress;
    };
    // A slow machine: every 2,000 rows is news.
    expect(await rowsAt(1_000)).toEqual([2_000, 4_000, 6_000, 8_000, 10_000]);
    // A fast one: the rows come quicker than the page needs to hear of them.
    expect(await rowsAt(0)).toEqual([2_000]);
  });

  it('follows a server that caps the page size below what was asked', async () => {
    const seen: URL[] = [];
    server.use(goto(ROWS, seen, 10));
    const catalog = await loadPolicyCatalog({ baseUrl: BASE }, { pageSize: 50 });
    expect(catalog.versionCount).toBe(36);
    expect(seen.map((u) => u.searchParams.get('offset'))).toEqual([null, '10', '20', '30']);
  });

  it('asks for one policy by id; goto sends only it, raystack everything', async () => {
    const seen: URL[] = [];
    server.use(goto(ROWS, seen));
    const only = await loadPolicyCatalog({ baseUrl: BASE, ids: ['p03'] });
    expect(seen[0]!.search).toBe('?ids=p03');
    expect(only).toMatchObject({ serverPages: true, versionCount: 3 });
    expect(only.policies.map((p) => p.id)).toEqual(['p03']);

    server.use(raystack(ROWS));
    const all = await loadPolicyCatalog({ baseUrl: BASE, ids: ['p03'] });
    expect(all).toMatchObject({ serverPages: false, versionCount: 36 });
  });

  it('keeps rows that fail the schema out, told by index, id and problem', async () => {
    server.use(raystack([row('ok', 1), { id: 'bad', version: 2, steps: 'nope' }, 42, row('ok', 1)]));
    const catalog = await loadPolicyCatalog({ baseUrl: BASE });
    expect(catalog.policies.map((p) => p.id)).toEqual(['ok']);
    expect(catalog.duplicateVersions).toBe(1);
    expect(catalog.unreadableCount).toBe(2);
    expect(catalog.unreadable.map((u) => [u.index, u.id, u.version])).toEqual([
      [1, 'bad', 2],
      [2, undefined, undefined],
    ]);
    expect(catalog.unreadable[0]!.problems[0]).toMatch(/^steps/);
  });

  it('reads a first page over 1 MB row by row as it arrives, to the same catalog as a small one read whole', async () => {
    // The same rows, with and without 1.2 MB of a field the console does not read: the small answer
    // is parsed whole, the big one split row by row as it arrives (load-policy-catalog.ts readPage).
    const rows = (padding: string) => [
      ...ROWS.map((r) => ({ ...r, x_unread: padding })),
      { id: 'bad', version: 2, steps: 'nope' },
      42,
      row('p00', 1, { title: 'p00, again', x_unread: padding }),
      row('p01', 1, { x_unread: padding }),
    ];
    const load = async (padding: string) => {
      server.use(raystack(rows(padding)));
      const catalog = await loadPolicyCatalog({ baseUrl: BASE });
      return {
        ...catalog,
        unreadable: catalog.unreadable.map(({ index, id, version, problems }) => ({ index, id, version, problems })),
      };
    };
    const whole = await load('');
    const split = await load('x'.repeat(35_000));
    expect(JSON.stringify(rows('x'.repeat(35_000))).length).toBeGreaterThan(1 << 20);
    expect(split).toEqual(whole);
    expect(whole.policies).toHaveLength(12);
    expect(whole.versionCount).toBe(36);
    expect(whole.duplicates).toEqual([
      { id: 'p00', version: 1, repeats: 1, differs: true },
      { id: 'p01', version: 1, repeats: 1, differs: false },
    ]);
    expect(whole.unreadable.map((u) => [u.index, u.id])).toEqual([
      [36, 'bad'],
      [37, undefined],
    ]);
  });

  it('tells whether a repeated version’s copies are the same policy, by content, not by text', async () => {
    const same = { id: 'a', version: 1, steps: [step], createdAt: '2026-01-01T00:00:00Z' };
    const other = row('b', 1, { title: 'B' });
    server.use(raystack([row('a', 1), same, other, row('b', 1, { title: 'B, again' })]));
    const catalog = await loadPolicyCatalog({ baseUrl: BASE });
    expect(catalog.duplicates).toEqual([
      { id: 'a', version: 1, repeats: 1, differs: false },
      { id: 'b', version: 1, repeats: 1, differs: true },
    ]);
  });

  it('reads the shown (latest) version in full: a broken latest is reported and the one before it shown', async () => {
    const broken = { steps: [{ name: 'x', strategy: 'sometimes' }] };
    server.use(
      raystack([row('a', 1, { title: 'A1' }), row('a', 3, broken), row('a', 2, { title: 'A2' }), row('b', 1, broken)]),
    );
    const catalog = await loadPolicyCatalog({ baseUrl: BASE });
    expect(catalog.policies.map((p) => [p.id, p.latestVersion, p.title])).toEqual([['a', 2, 'A2']]);
    expect(catalog.policies[0]!.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(catalog.unreadable.map((u) => [u.id, u.version])).toEqual([
      ['a', 3],
      ['b', 1],
    ]);
    expect(catalog.unreadable[0]!.problems[0]).toMatch(/strategy/);
  });

  it('checks every row’s stamp; an older version’s body is read when it is opened, not here', async () => {
    server.use(raystack([row('a', 2), row('a', 1, { steps: 'not a list' }), row('a', 3, { created_by: 42 })]));
    const catalog = await loadPolicyCatalog({ baseUrl: BASE });
    expect(catalog.policies[0]!.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(catalog.unreadable.map((u) => [u.version, u.problems[0]])).toEqual([
      [3, expect.stringMatching(/^createdBy/)],
    ]);
  });

  it('describes the first 200 unreadable rows of a list that is all bad, and counts the rest', async () => {
    server.use(raystack(Array.from({ length: 1000 }, (_, i) => ({ id: `x${i}`, steps: 5 }))));
    const catalog = await loadPolicyCatalog({ baseUrl: BASE });
    expect(catalog.unreadableCount).toBe(1000);
    expect(catalog.unreadable).toHaveLength(200);
    expect(catalog.unreadable.at(-1)!.index).toBe(199);
  });

  it('fails with the right ApiError: Guardian’s error, a body that is not JSON, a body of the wrong shape', async () => {
    const failure = () =>
      loadPolicyCatalog({ baseUrl: BASE }).then(
        () =>
          new ApiError({
            kind: 'network',
            message: 'did not fail',
            request: { api: 'guardian', method: 'GET', path: '' },
          }),
        (e: unknown) => e as ApiError,
      );

    server.use(http.get(LIST, () => HttpResponse.json({ code: 13, message: 'db is down' }, { status: 500 })));
    expect(await failure()).toMatchObject({ kind: 'http', status: 500, message: 'db is down' });

    server.use(http.get(LIST, () => new HttpResponse('{"policies":[{"id":"a","steps":[]},{"id":')));
    expect(await failure()).toMatchObject({ kind: 'malformed', status: 200 });

    server.use(http.get(LIST, () => new HttpResponse('<html>proxy login</html>')));
    expect(await failure()).toMatchObject({ kind: 'malformed' });

    server.use(http.get(LIST, () => HttpResponse.json({ policies: 'all of them' })));
    const schema = await failure();
    expect(schema).toBeInstanceOf(ApiError);
    expect(schema).toMatchObject({ kind: 'schema' });
    expect(schema.message).toMatch(/policy list this console cannot read \(policies/);
  });

  it('stops the other pages when one fails', async () => {
    const seen: URL[] = [];
    server.use(
      http.get(LIST, ({ request }) => {
        const url = new URL(request.url);
        seen.push(url);
        if (url.searchParams.get('offset') === '5')
          return HttpResponse.json({ code: 14, message: 'unavailable' }, { status: 503 });
        return HttpResponse.json({ policies: ROWS.slice(0, 5), total: 1000 });
      }),
    );
    await expect(loadPolicyCatalog({ baseUrl: BASE }, { pageSize: 5 })).rejects.toMatchObject({ status: 503 });
    expect(seen.length).toBeLessThan(10);
  });
});

describe('the first page sent by the page as it started', () => {
  const answer = (body: unknown, init: ResponseInit = {}) =>
    Promise.resolve(new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' }, ...init }));

  it('is read as the first request’s answer: no request of its own, the rest paged as usual', async () => {
    const seen: URL[] = [];
    server.use(goto(ROWS, seen));
    const firstPage = answer({ policies: ROWS.slice(0, 5), total: ROWS.length });
    const catalog = await loadPolicyCatalog({ baseUrl: BASE }, { pageSize: 5, firstPage });
    expect(seen.map((u) => u.searchParams.get('offset'))).toEqual(['5', '10', '15', '20', '25', '30', '35']);
    expect(catalog.versionCount).toBe(36);
  });

  it('fails as a request of its own would: Guardian’s error with its Retry-After, a body of the wrong shape', async () => {
    const seen: URL[] = [];
    server.use(raystack(ROWS, seen));
    const unavailable = answer({ code: 14, message: 'try later' }, { status: 503, headers: { 'Retry-After': '7' } });
    await expect(loadPolicyCatalog({ baseUrl: BASE }, { firstPage: unavailable })).rejects.toMatchObject({
      kind: 'http',
      status: 503,
      retryAfter: 7,
    });
    await expect(
      loadPolicyCatalog({ baseUrl: BASE }, { firstPage: answer({ policies: 'all of them' }) }),
    ).rejects.toMatchObject({ kind: 'schema' });
    expect(seen).toEqual([]);
  });

  it('is asked again here when the page could not hand it over', async () => {
    const seen: URL[] = [];
    server.use(raystack(ROWS, seen));
    const catalog = await loadPolicyCatalog({ baseUrl: BASE }, { firstPage: Promise.resolve(undefined) });
    expect(seen.map((u) => u.search)).toEqual(['?size=5000']);
    expect(catalog.policies).toHaveLength(12);
  });

  it('can be cancelled while it has not arrived', async () => {
    const firstPage = new Promise<Response | undefined>(() => undefined);
    const stop = new AbortController();
    const loading = loadPolicyCatalog({ baseUrl: BASE }, { firstPage, signal: stop.signal });
    stop.abort();
    await expect(loading).rejects.toMatchObject({ kind: 'aborted' });
  });
});

describe('withSavedVersion', () => {
  it('adds a saved version to its policy, or a new policy in id order, without reloading the list', async () => {
    server.use(raystack([row('b', 1, { title: 'Old' }), row('d', 1)]));
    const catalog = await loadPolicyCatalog({ baseUrl: BASE });
    const saved = withSavedVersion(catalog, policySchema.parse(row('b', 2, { title: 'New title' })));
    expect(saved.policies[0]).toMatchObject({ id: 'b', latestVersion: 2, title: 'New title' });
    expect(saved.policies[0]!.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(saved.policies[0]!.haystack).toContain('new title');
    const created = withSavedVersion(saved, policySchema.parse(row('c', 1)));
    expect(created.policies.map((p) => p.id)).toEqual(['b', 'c', 'd']);
    expect(created.versionCount).toBe(4);
    expect(withSavedVersion(created, policySchema.parse(row('c', 1)))).toBe(created);
  });
});

describe('in a Web Worker (no meta CSP there), held to the CSP the page hands over', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('refuses a Guardian the page may not connect to, with the fix, before any request', async () => {
    vi.stubGlobal('location', { origin: 'http://console.test' });
    const seen: URL[] = [];
    server.use(raystack(ROWS, seen));
    const error = await loadPolicyCatalog({
      baseUrl: BASE,
      connectSources: ["'self'", 'https://guardian.example.com'],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).blockedByPolicy).toBe(true);
    expect((error as ApiError).message).toContain('VITE_GUARDIAN_URL');
    expect(seen).toEqual([]);
  });

  it('reads the list from a Guardian the page may connect to', async () => {
    vi.stubGlobal('location', { origin: 'http://console.test' });
    server.use(raystack(ROWS));
    const catalog = await loadPolicyCatalog({ baseUrl: BASE, connectSources: ["'self'", BASE] });
    expect(catalog.policies).toHaveLength(12);
  });
});
