import { parsePage, parsePerPage } from '../users/users-url-params';
import { CHANGE_KINDS, type ChangeKind } from './compare-outcomes';

export type ChangeView = 'all' | 'changed' | ChangeKind;
export const CHANGE_VIEWS: readonly ChangeView[] = ['changed', 'all', ...CHANGE_KINDS];

export interface CompareView {
  a: string;
  b: string;
  change: ChangeView;
  /** Only changes B now decides at this step (a step name, or NO_STEP_FILTER). */
  step?: string;
  page: number;
  perPage: number;
}

export interface ParsedCompareView extends CompareView {
  notices: string[];
}

const DEFAULT_CHANGE_VIEW: ChangeView = 'changed';

/** `?a=<id>&b=<id>&change=newly-blocked&step=security_review&page=2&per_page=100` */
export function parseCompareView(search: URLSearchParams): ParsedCompareView {
  const notices: string[] = [];
  const rawChange = search.get('change');
  let change: ChangeView = DEFAULT_CHANGE_VIEW;
  if (rawChange) {
    if ((CHANGE_VIEWS as readonly string[]).includes(rawChange)) change = rawChange as ChangeView;
    else notices.push(`“${rawChange.slice(0, 40)}” is not a kind of change; showing every changed user.`);
  }
  const step = search.get('step');
  return {
    a: (search.get('a') ?? '').trim(),
    b: (search.get('b') ?? '').trim(),
    change,
    ...(step ? { step: step.slice(0, 1_000) } : {}),
    page: parsePage(search.get('page'), notices),
    perPage: parsePerPage(search.get('per_page'), notices),
    notices,
  };
}

export function writeCompareView(search: URLSearchParams, view: CompareView): URLSearchParams {
  const next = new URLSearchParams(search);
  const set = (key: string, value: string | undefined) => (value ? next.set(key, value) : next.delete(key));
  set('a', view.a);
  set('b', view.b);
  set('change', view.change === DEFAULT_CHANGE_VIEW ? undefined : view.change);
  set('step', view.step);
  set('page', view.page === 1 ? undefined : String(view.page));
  set('per_page', view.perPage === 25 ? undefined : String(view.perPage));
  return next;
}

/** The comparison of test A (before) with test B (after). */
export function compareTestsPath(a: string, b: string): string {
  return `/tests/compare?${new URLSearchParams({ a, b }).toString()}`;
}
