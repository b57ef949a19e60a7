import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/api-error';
import { explainRefusal, launchTestPath, parseLaunchParams, parsePolicyIds } from './launch-params';

const request = { api: 'policy-tests', method: 'POST', path: '/x' } as const;
const refused = (status: number, extra: Partial<ConstructorParameters<typeof ApiError>[0]> = {}) =>
  new ApiError({ kind: 'http', status, message: 'server words', serverMessages: ['server words'], request, ...extra });

describe('parseLaunchParams', () => {
  it('pre-fills from "Run again…" links, and starts at once from "Test this version"', () => {
    expect(parseLaunchParams(new URLSearchParams('policy=bigquery_approval&version=3'))).toEqual({
      mode: 'guardian',
      policyId: 'bigquery_approval',
      version: 3,
      ids: '',
      startNow: false,
      notices: [],
    });
    const path = launchTestPath({ policyId: 'bigquery_approval', version: 3 }, { start: true });
    expect(path).toBe('/tests/new?policy=bigquery_approval&version=3&start=now');
    expect(parseLaunchParams(new URL(path, 'http://x').searchParams).startNow).toBe(true);
  });

  it('treats a broken version as "latest" and says so', () => {
    const params = parseLaunchParams(new URLSearchParams('policy=p&version=abc'));
    expect(params.version).toBeUndefined();
    expect(params.notices).toEqual([expect.stringContaining('abc')]);
    expect(parseLaunchParams(new URLSearchParams('version=0')).version).toBeUndefined();
  });

  it('reads the raw-id mode', () => {
    expect(parseLaunchParams(new URLSearchParams('mode=ids&ids=a%0Ab'))).toMatchObject({ mode: 'ids', ids: 'a\nb' });
  });
});

describe('parsePolicyIds', () => {
  it('takes one id a line, dropping blanks and repeats', () => {
    expect(parsePolicyIds(' a \n\nb\r\na\n')).toEqual({ ids: ['a', 'b'], problems: [] });
  });

  it('refuses ids with spaces and an empty list', () => {
    expect(parsePolicyIds('a b').problems).toEqual([expect.stringContaining('Line 1')]);
    expect(parsePolicyIds('  \n').problems).toEqual(['Enter at least one policy id.']);
  });
});

describe('explainRefusal', () => {
  it.each([
    [400, /invalid/],
    [401, /Not signed in/],
    [403, /Not allowed/],
    [429, /Too many/],
  ])('explains HTTP %d in words and keeps the server message', (status, title) => {
    const refusal = explainRefusal(refused(status));
    expect(refusal.title).toMatch(title);
    expect(refusal.serverSays).toEqual(['server words']);
  });

  it.each([400, 401, 403])(
    'blames missing credentials, not the policy ids, for a %d when Settings has none',
    (status) => {
      const refusal = explainRefusal(refused(status), 'API token');
      expect(refusal.title).toBe('Credentials missing');
      expect(refusal.message).toMatch(/Settings has no API token.*the policies are not the problem/);
      expect(refusal.message).not.toMatch(/policy id exists/);
    },
  );

  it('passes on how long a 429 asks to wait', () => {
    expect(explainRefusal(refused(429, { retryAfter: 30 })).message).toContain('30 s');
  });

  it('describes a failure with no answer', () => {
    expect(explainRefusal(new ApiError({ kind: 'network', message: 'offline', request })).title).toMatch(
      /Cannot reach/,
    );
  });
});
