import { CF, cfFailure, cfSuccess } from './envelope';
import { personMatches } from './person-matches';

/**
 * An extension of our test servers (not Cloudflare's API): the people a test runs over, so that
 * the console's trace view can pick one and see what the IAM answers for them.
 *   GET …/accounts/{account_id}/access/policy-test-directory?search=&per_page=   → [{ id, email, name }]
 *   GET …/accounts/{account_id}/access/policy-test-directory/{email}             → { id, email, name, iam }
 * `iam` is `{ status: 200, body }` (what the IAM answers) or `{ status, message }` (the lookup failed).
 * A server without it answers 400 "No route", and the console falls back to a pasted profile.
 */
type IamReply = { status: 200; body: unknown } | { status: number; message: string };

interface DirectoryPerson {
  id: string;
  email: string;
  name: string;
}

export interface DirectorySource {
  search(text: string, limit: number): DirectoryPerson[] | Promise<DirectoryPerson[]>;
  /** undefined: nobody with that email. */
  lookup(
    email: string,
  ): (DirectoryPerson & { iam: IamReply }) | undefined | Promise<(DirectoryPerson & { iam: IamReply }) | undefined>;
}

export const DIRECTORY_ROUTE = /^\/client\/v4\/accounts\/([^/]+)\/access\/policy-test-directory(?:\/([^/]+))?$/;
const MAX_PER_PAGE = 50;
const MAX_SEARCH = 200;

export function directorySearch(source: DirectorySource) {
  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Number(url.searchParams.get('per_page')) || 10));
    return cfSuccess(await source.search((url.searchParams.get('search') ?? '').slice(0, MAX_SEARCH), perPage));
  };
}

export function directoryLookup(source: DirectorySource) {
  return async (_request: Request, email: string): Promise<Response> => {
    const person = await source.lookup(email);
    return person
      ? cfSuccess(person)
      : cfFailure(404, [{ code: CF.noRoute, message: `No user ${email.slice(0, 200)} in the directory` }]);
  };
}

/** People held as an indexed list (the runner's directory file, the mock's computed one). */
export interface IndexedPeople {
  size: number;
  user(i: number): DirectoryPerson;
  /** What the IAM answers for user i. */
  reply(i: number): IamReply | Promise<IamReply>;
  /** The index of the user with this email, when the list can tell at once; else it is scanned. */
  indexOf?(email: string): number;
}

/** Scans at most this many people per search or lookup: a million-user list answers in tens of ms. */
const SCAN_LIMIT = 200_000;

export function indexedDirectorySource(people: () => IndexedPeople): DirectorySource {
  const find = (list: IndexedPeople, email: string): number => {
    if (list.indexOf) return list.indexOf(email);
    const wanted = email.toLowerCase();
    for (let i = 0; i < Math.min(list.size, SCAN_LIMIT); i++) if (list.user(i).email.toLowerCase() === wanted) return i;
    return -1;
  };
  return {
    search(text, limit) {
      const list = people();
      const needle = text.trim().toLowerCase();
      const found: DirectoryPerson[] = [];
      const exact = needle === '' ? -1 : find(list, needle);
      if (exact >= 0) found.push(list.user(exact));
      for (let i = 0; i < Math.min(list.size, SCAN_LIMIT) && found.length < limit; i++) {
        if (i === exact) continue;
        const user = list.user(i);
        if (needle === '' || personMatches(user, needle)) found.push(user);
      }
      return found;
    },
    async lookup(email) {
      const list = people();
      const i = find(list, email);
      return i < 0 ? undefined : { ...list.user(i), iam: await list.reply(i) };
    },
  };
}
