import { describe, expect, it } from 'vitest';
import { policySchema } from '@/lib/api/guardian/policy-schema';
import { catalogSearch, parseCatalogParams } from './catalog-params';
import { sortCatalog } from './sort-catalog';
import { filterCatalog, indexSummaries, labelOptions } from './filter-catalog';
import { summarizePolicies } from './summarize-policies';

const policy = (id: string, version: number, extra: Record<string, unknown> = {}) =>
  policySchema.parse({ id, version, steps: [{ name: 's', strategy: 'auto', approve_if: 'true' }], ...extra });

const versions = [
  policy('bigquery_approval', 1, { title: 'BigQuery' }),
  policy('bigquery_approval', 3, { title: 'BigQuery access', labels: { team: 'data' } }),
  policy('bigquery_approval', 2),
  policy('gcs', 1, { description: 'Buckets for the platform team', labels: { team: 'platform', tier: '1' } }),
  policy('metabase', 1, { labels: { tier: '1' } }),
];

describe('summarizePolicies', () => {
  it('groups the unordered list into one row per policy, told by its latest version', () => {
    const rows = summarizePolicies(versions);
    expect(rows.map((r) => [r.id, r.latestVersion, r.versions.map((v) => v.version)])).toEqual([
      ['bigquery_approval', 3, [3, 2, 1]],
      ['gcs', 1, [1]],
      ['metabase', 1, [1]],
    ]);
    expect(rows[0]!.title).toBe('BigQuery access');
  });
});

describe('filterCatalog', () => {
  const rows = indexSummaries(summarizePolicies(versions));
  const ids = (list: readonly { id: string }[]) => list.map((r) => r.id);

  it('searches id, title, description and labels, every word, any case', () => {
    expect(ids(filterCatalog(rows, 'BIGQUERY', []))).toEqual(['bigquery_approval']);
    expect(ids(filterCatalog(rows, 'platform buckets', []))).toEqual(['gcs']);
    expect(ids(filterCatalog(rows, 'tier:1', []))).toEqual(['gcs', 'metabase']);
    expect(ids(filterCatalog(rows, 'bigquery platform', []))).toEqual([]);
  });

  it('filters by label key:value, or by key alone', () => {
    expect(ids(filterCatalog(rows, '', [{ key: 'team', value: 'data' }]))).toEqual(['bigquery_approval']);
    expect(ids(filterCatalog(rows, '', [{ key: 'team' }]))).toEqual(['bigquery_approval', 'gcs']);
    expect(ids(filterCatalog(rows, '', [{ key: 'team' }, { key: 'tier', value: '1' }]))).toEqual(['gcs']);
  });

  it('lists label choices, most used first', () => {
    expect(labelOptions(rows)[0]).toEqual({ key: 'tier', value: '1', count: 2 });
  });

  it('finds the right rows among 10,000 policies', () => {
    const many = indexSummaries(
      summarizePolicies(
        Array.from({ length: 10_000 }, (_, i) => policy(`policy-${i}`, 1, { labels: { team: `t${i % 50}` } })),
      ),
    );
    const found = filterCatalog(many, 'policy-99', [{ key: 'team', value: 't49' }]);
    expect(found.map((r) => r.id)).toEqual(['policy-99', 'policy-9949', 'policy-999', 'policy-9999']);
  });
});

describe('catalog URL params', () => {
  it('reads q, repeated labels, sort and direction', () => {
    const params = parseCatalogParams(new URLSearchParams('q=big&label=team:data&label=tier&sort=steps&dir=asc'));
    expect(params).toEqual({
      q: 'big',
      labels: [{ key: 'team', value: 'data' }, { key: 'tier' }],
      sort: 'steps',
      dir: 'asc',
      page: 1,
      problems: [],
    });
  });

  it('keeps a colon inside a label value', () => {
    expect(parseCatalogParams(new URLSearchParams('label=url:http://x')).labels).toEqual([
      { key: 'url', value: 'http://x' },
    ]);
  });

  it('falls back to defaults for nonsense and says why', () => {
    const params = parseCatalogParams(new URLSearchParams('sort=%3Cscript%3E&dir=sideways&label=:x'));
    expect(params).toMatchObject({ sort: 'updated', dir: 'desc', labels: [] });
    expect(params.problems).toHaveLength(3);
  });

  it('defaults the direction by column, and leaves defaults out of the URL', () => {
    expect(parseCatalogParams(new URLSearchParams('sort=id')).dir).toBe('asc');
    expect(catalogSearch({ q: '', labels: [], sort: 'updated', dir: 'desc' }).toString()).toBe('');
    expect(catalogSearch({ q: 'a b', labels: [{ key: 'k', value: 'v' }], sort: 'id', dir: 'asc' }).toString()).toBe(
      'q=a+b&label=k%3Av&sort=id&dir=asc',
    );
  });
});

describe('sortCatalog', () => {
  const row = (id: string, stepCount: number, updatedAt: string) =>
    ({
      id,
      stepCount,
      updatedAt,
      title: '',
      description: '',
      labels: {},
      author: '',
      versions: [{ version: 1 }],
      latestVersion: 1,
    }) as unknown as Parameters<typeof sortCatalog>[0][number];
  const rows = [
    row('policy-10', 2, '2026-01-02T00:00:00Z'),
    row('Policy-9', 2, ''),
    row('alpha', 5, '2026-01-01T00:00:00Z'),
  ];

  it('sorts names case-insensitively with numbers by value', () => {
    expect(sortCatalog(rows, 'id', 'asc').map((r) => r.id)).toEqual(['alpha', 'Policy-9', 'policy-10']);
    expect(sortCatalog(rows, 'id', 'desc').map((r) => r.id)).toEqual(['policy-10', 'Policy-9', 'alpha']);
  });

  it('keeps the list order for ties, and puts missing dates last either way', () => {
    expect(sortCatalog(rows, 'steps', 'asc').map((r) => r.id)).toEqual(['policy-10', 'Policy-9', 'alpha']);
    expect(sortCatalog(rows, 'updated', 'desc').map((r) => r.id)).toEqual(['policy-10', 'alpha', 'Policy-9']);
    expect(sortCatalog(rows, 'updated', 'asc').map((r) => r.id)).toEqual(['alpha', 'policy-10', 'Policy-9']);
  });

  it('reads and writes the page, leaving page 1 out', () => {
    expect(parseCatalogParams(new URLSearchParams('page=3')).page).toBe(3);
    expect(parseCatalogParams(new URLSearchParams('page=0')).problems).toHaveLength(1);
    expect(catalogSearch({ q: '', labels: [], sort: 'updated', dir: 'desc', page: 1 }).toString()).toBe('');
    expect(catalogSearch({ q: '', labels: [], sort: 'updated', dir: 'desc', page: 2 }).toString()).toBe('page=2');
  });
});
