/** The catalog's state, all of it in the URL: `?q=&label=key:value&sort=updated&dir=desc&page=2`. */

const CATALOG_SORT_KEYS = ['id', 'title', 'latest', 'versions', 'steps', 'labels', 'author', 'updated'] as const;
export type CatalogSortKey = (typeof CATALOG_SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

export interface LabelFilter {
  key: string;
  /** Absent: any value of that key. */
  value?: string;
}

export interface CatalogParams {
  q: string;
  labels: LabelFilter[];
  sort: CatalogSortKey;
  dir: SortDirection;
  /** 1-based page of `CATALOG_PAGE_SIZE` rows; may be past the end (the view clamps it). */
  page: number;
  /** What was wrong with the URL and what is used instead, said for people. */
  problems: string[];
}

/** Rows on one page: enough to scan, few enough to render in a frame. */
export const CATALOG_PAGE_SIZE = 100;

const DEFAULT_SORT: CatalogSortKey = 'updated';
/** Numbers and dates read best biggest/newest first; names A→Z. */
export const DEFAULT_DIR: Record<CatalogSortKey, SortDirection> = {
  id: 'asc',
  title: 'asc',
  latest: 'desc',
  versions: 'desc',
  steps: 'desc',
  labels: 'asc',
  author: 'asc',
  updated: 'desc',
};

const isSortKey = (value: string): value is CatalogSortKey => (CATALOG_SORT_KEYS as readonly string[]).includes(value);

export function parseLabelFilter(raw: string): LabelFilter | undefined {
  const colon = raw.indexOf(':');
  const key = (colon === -1 ? raw : raw.slice(0, colon)).trim();
  if (key === '') return undefined;
  return colon === -1 ? { key } : { key, value: raw.slice(colon + 1) };
}

export function formatLabelFilter(filter: LabelFilter): string {
  return filter.value === undefined ? filter.key : `${filter.key}:${filter.value}`;
}

export function parseCatalogParams(params: URLSearchParams): CatalogParams {
  const problems: string[] = [];
  const q = params.get('q') ?? '';
  const labels: LabelFilter[] = [];
  for (const raw of params.getAll('label')) {
    const filter = parseLabelFilter(raw);
    if (filter) labels.push(filter);
    else problems.push(`Ignored the label filter “${raw}”: write it as key or key:value.`);
  }
  const rawSort = params.get('sort');
  let sort = DEFAULT_SORT;
  if (rawSort !== null) {
    if (isSortKey(rawSort)) sort = rawSort;
    else problems.push(`Cannot sort by “${rawSort}”: sorted by ${DEFAULT_SORT} instead.`);
  }
  const rawDir = params.get('dir');
  let dir = DEFAULT_DIR[sort];
  if (rawDir !== null) {
    if (rawDir === 'asc' || rawDir === 'desc') dir = rawDir;
    else problems.push(`The sort direction “${rawDir}” is not asc or desc: used ${dir}.`);
  }
  const rawPage = params.get('page');
  let page = 1;
  if (rawPage !== null) {
    if (/^\d+$/.test(rawPage) && Number(rawPage) >= 1) page = Number(rawPage);
    else problems.push(`There is no page “${rawPage}”: showing the first page.`);
  }
  return { q, labels, sort, dir, page, problems };
}

/** Writes the catalog state back, leaving defaults out so that URLs stay short. */
export function catalogSearch(
  state: Pick<CatalogParams, 'q' | 'labels' | 'sort' | 'dir'> & { page?: number },
): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const label of state.labels) params.append('label', formatLabelFilter(label));
  if (state.sort !== DEFAULT_SORT || state.dir !== DEFAULT_DIR[DEFAULT_SORT]) {
    params.set('sort', state.sort);
    params.set('dir', state.dir);
  }
  if (state.page !== undefined && state.page > 1) params.set('page', String(state.page));
  return params;
}
