import {
  USER_FILTER_BY_STATUS,
  type PolicyTest,
  type UserResultStatus,
  type UserStatusFilter,
} from '@/lib/api/policy-tests/policy-test-schema';

export const PAGE_SIZES = [25, 50, 100, 500, 1000] as const;
const DEFAULT_PAGE_SIZE = 25;

/** What the reader filters by, in the words the table shows and the URL carries. */
export type StatusView = 'all' | UserResultStatus;
export const STATUS_VIEWS: readonly StatusView[] = ['all', 'approved', 'blocked', 'error'];
export const STATUS_VIEW_LABELS: Record<StatusView, string> = {
  all: 'All',
  approved: 'Approved',
  blocked: 'Blocked',
  error: 'Error',
};

export interface UsersView {
  page: number;
  perPage: number;
  status: StatusView;
  /** Email or name containing this text (empty: everyone); sent as typed, never as a pattern. */
  search: string;
  /** Only users this step decided (a step name, or NO_STEP_FILTER); undefined: any. */
  step?: string;
}

/** Longer than any email or name; kept short enough for any URL a proxy passes on. */
const MAX_SEARCH = 1_000;

export interface ParsedUsersView extends UsersView {
  /** What in the address could not be used, said for people; empty when all of it was fine. */
  notices: string[];
}

/** The users endpoint filters with `success | fail | error`, not with the words it reports. */
export function apiStatusFilter(view: StatusView): UserStatusFilter | undefined {
  return view === 'all' ? undefined : USER_FILTER_BY_STATUS[view];
}

const API_WORDS: Record<string, StatusView> = { success: 'approved', fail: 'blocked' };

function shown(raw: string): string {
  return raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
}

export function parsePage(raw: string | null, notices: string[]): number {
  if (raw === null || raw === '') return 1;
  if (/^\d{1,9}$/.test(raw.trim()) && Number(raw) >= 1) return Number(raw);
  notices.push(`“${shown(raw)}” is not a page number; showing page 1.`);
  return 1;
}

export function parsePerPage(raw: string | null, notices: string[]): number {
  if (raw === null || raw === '') return DEFAULT_PAGE_SIZE;
  const asked = Number(raw);
  if ((PAGE_SIZES as readonly number[]).includes(asked)) return asked;
  if (!Number.isFinite(asked) || asked < 1) {
    notices.push(`“${shown(raw)}” is not a page size; showing ${DEFAULT_PAGE_SIZE} per page.`);
    return DEFAULT_PAGE_SIZE;
  }
  const nearest = PAGE_SIZES.reduce((best, size) => (Math.abs(size - asked) < Math.abs(best - asked) ? size : best));
  notices.push(`${shown(raw)} users per page is not offered; showing ${nearest} per page.`);
  return nearest;
}

function parseStatusView(raw: string | null, notices: string[]): StatusView {
  if (raw === null || raw === '' || raw === 'all') return 'all';
  const word = raw.toLowerCase();
  if ((STATUS_VIEWS as readonly string[]).includes(word)) return word as StatusView;
  // Links written with the API's filter words still work.
  if (word in API_WORDS) return API_WORDS[word]!;
  notices.push(`“${shown(raw)}” is not a status filter; showing all users.`);
  return 'all';
}

/** The search as the list uses it: the first MAX_SEARCH characters, said when cut. */
function parseSearch(raw: string | null, notices: string[]): string {
  if (raw === null) return '';
  if (raw.length <= MAX_SEARCH) return raw;
  notices.push(
    `The search is ${raw.length.toLocaleString('en')} characters long; it uses the first ${MAX_SEARCH.toLocaleString('en')}.`,
  );
  return raw.slice(0, MAX_SEARCH);
}

function parseStep(raw: string | null): string | undefined {
  return raw === null || raw === '' ? undefined : raw.slice(0, MAX_SEARCH);
}

export function parseUsersView(search: URLSearchParams): ParsedUsersView {
  const notices: string[] = [];
  const page = parsePage(search.get('page'), notices);
  const perPage = parsePerPage(search.get('per_page'), notices);
  const status = parseStatusView(search.get('status'), notices);
  const text = parseSearch(search.get('q'), notices);
  const step = parseStep(search.get('step'));
  return { page, perPage, status, search: text, ...(step === undefined ? {} : { step }), notices };
}

/** Writes the view into the search params, leaving defaults out so links stay short. */
export function writeUsersView(search: URLSearchParams, view: UsersView): URLSearchParams {
  const next = new URLSearchParams(search);
  const set = (key: string, value: string | undefined) =>
    value === undefined ? next.delete(key) : next.set(key, value);
  set('page', view.page === 1 ? undefined : String(view.page));
  set('per_page', view.perPage === DEFAULT_PAGE_SIZE ? undefined : String(view.perPage));
  set('status', view.status === 'all' ? undefined : view.status);
  set('q', view.search === '' ? undefined : view.search);
  set('step', view.step);
  return next;
}

/**
 * How many users the users endpoint has for a filter. There is no `result_info` in the spec, so
 * the status counts are the only source; "all" is the users processed so far, not the whole base.
 */
export function usersMatching(test: PolicyTest, view: StatusView): number {
  switch (view) {
    case 'approved':
      return test.usersApproved;
    case 'blocked':
      return test.usersBlocked;
    case 'error':
      return test.usersErrored;
    default:
      return test.usersApproved + test.usersBlocked + test.usersErrored;
  }
}

/** At least one page, so "page 1 of 1" reads right for an empty filter. */
export function pageCount(rows: number, perPage: number): number {
  return Math.max(1, Math.ceil(rows / perPage));
}
