import { isApiError } from '@/lib/api/api-error';
import { describeApiError } from '@/lib/api/describe-api-error';

type LaunchMode = 'guardian' | 'ids';

export interface LaunchParams {
  mode: LaunchMode;
  policyId: string;
  /** undefined = the latest version. */
  version: number | undefined;
  /** Raw Access policy ids, one per line (from "Run again"). */
  ids: string;
  /** Start the test as soon as the page opens ("Test this version"), the form staying for options. */
  startNow: boolean;
  notices: string[];
}

export function parseLaunchParams(search: URLSearchParams): LaunchParams {
  const notices: string[] = [];
  const mode: LaunchMode = search.get('mode') === 'ids' ? 'ids' : 'guardian';
  const rawVersion = search.get('version');
  let version: number | undefined;
  if (rawVersion !== null && rawVersion !== '') {
    if (/^[1-9]\d{0,8}$/.test(rawVersion)) version = Number(rawVersion);
    else notices.push(`“${rawVersion.slice(0, 40)}” is not a version number; the latest version is selected.`);
  }
  return {
    mode,
    policyId: (search.get('policy') ?? '').trim(),
    version,
    ids: search.get('ids') ?? '',
    startNow: search.get('start') === 'now',
    notices,
  };
}

/**
 * The launch page, pre-filled with a Guardian policy version or with Access policy ids (the reverse
 * of the above); with `start`, it starts the test at once and shows its progress.
 */
export function launchTestPath(
  launch: { policyId: string; version: number } | { ids: readonly string[] },
  { start = false }: { start?: boolean } = {},
): string {
  const search =
    'ids' in launch
      ? new URLSearchParams({ mode: 'ids', ids: launch.ids.join('\n') })
      : new URLSearchParams({ policy: launch.policyId, version: String(launch.version) });
  if (start) search.set('start', 'now');
  return `/tests/new?${search.toString()}`;
}

export interface ParsedIds {
  ids: string[];
  problems: string[];
}

const MAX_POLICY_IDS = 100;

/** One id a line; blank lines and repeats are dropped, ids with spaces inside are refused. */
export function parsePolicyIds(text: string): ParsedIds {
  const ids: string[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const id = line.trim();
    if (!id) return;
    if (/\s/.test(id)) problems.push(`Line ${index + 1} holds a space: put one policy id on each line.`);
    else if (!ids.includes(id)) ids.push(id);
  });
  if (ids.length === 0 && problems.length === 0) problems.push('Enter at least one policy id.');
  if (ids.length > MAX_POLICY_IDS)
    problems.push(`At most ${MAX_POLICY_IDS} policies per test (this has ${ids.length}).`);
  return { ids, problems };
}

export interface Refusal {
  title: string;
  message: string;
  serverSays: string[];
}

/** Why the server would not start the test, in words an admin can act on. */
/** `missing`: the credentials Settings lacks (then a refusal is about them, not about the policies). */
export function explainRefusal(error: unknown, missing?: string): Refusal {
  const described = describeApiError(error);
  if (!isApiError(error) || error.kind !== 'http') {
    return { title: described.title, message: described.message, serverSays: [] };
  }
  const serverSays = error.serverMessages;
  if (missing && (error.status === 400 || error.status === 401 || error.status === 403)) {
    return {
      title: 'Credentials missing',
      message: `Settings has no ${missing}, so nothing was sent to sign in with, and the policy-test API refuses a request without credentials: the policies are not the problem. Add the ${missing} in Settings and start the test again.`,
      serverSays,
    };
  }
  switch (error.status) {
    case 400:
      return {
        title: 'The server refused this test as invalid',
        message:
          'It did not accept the request. Check that each policy id exists in this account (a Guardian version is sent as “policy_id:version”).',
        serverSays,
      };
    case 401:
      return {
        title: 'Not signed in to the policy-test API',
        message: 'The API token (or email and key) in Settings was missing or not accepted.',
        serverSays,
      };
    case 403:
      return {
        title: 'Not allowed to run policy tests',
        message: 'The credentials in Settings are valid but may not run Access policy tests on this account.',
        serverSays,
      };
    case 429:
      return {
        title: 'Too many requests',
        message:
          error.retryAfter !== undefined
            ? `The server is rate-limiting this account; it asks to wait ${error.retryAfter} s before trying again.`
            : 'The server is rate-limiting this account; wait a little and try again.',
        serverSays,
      };
    default:
      return {
        title: described.title,
        message: described.message,
        serverSays: serverSays.length > 1 ? serverSays : [],
      };
  }
}
