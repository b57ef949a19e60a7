import { describe, expect, it } from 'vitest';
import { parseCompareView, writeCompareView } from './compare-params';

describe('parseCompareView', () => {
  it('reads both tests, the kind of change and the page', () => {
    expect(parseCompareView(new URLSearchParams('a=t1&b=t2&change=newly-blocked&page=2&per_page=100'))).toEqual({
      a: 't1',
      b: 't2',
      change: 'newly-blocked',
      page: 2,
      perPage: 100,
      notices: [],
    });
  });

  it('defaults to the changed users and says what it could not use', () => {
    const view = parseCompareView(new URLSearchParams('a=t1&change=worse&page=x'));
    expect(view).toMatchObject({ a: 't1', b: '', change: 'changed', page: 1 });
    expect(view.notices).toHaveLength(2);
  });

  it('round-trips, leaving defaults out', () => {
    const search = writeCompareView(new URLSearchParams(), { a: 'x', b: 'y', change: 'changed', page: 1, perPage: 25 });
    expect(search.toString()).toBe('a=x&b=y');
    const full = writeCompareView(new URLSearchParams(), {
      a: 'x',
      b: 'y',
      change: 'only-in-b',
      page: 4,
      perPage: 1000,
    });
    expect(parseCompareView(full)).toMatchObject({ change: 'only-in-b', page: 4, perPage: 1000 });
  });
});
