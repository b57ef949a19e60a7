/**
 * Every route and query parameter of the console, malformed or out of range: what the page must
 * say (the message, or the sane default it fell back to). `TEST` in a URL stands for the id of a
 * finished test started for the run. src/app/url-inputs.test.tsx opens every case in the whole app;
 * e2e/reliability-url-inputs.spec.ts opens one of each kind in Chromium.
 */
export interface UrlCase {
  url: string;
  /** Text the page must show: the message, or the sane default it fell back to. */
  says: RegExp;
  /** Where the address ends up, when the console corrects it. */
  lands?: RegExp;
}

const HUGE = '99999999999999999999';

export const URL_CASES: UrlCase[] = [
  // Catalog query: filter, labels, sort
  {
    url: '/policies?sort=bogus&dir=sideways',
    says: /Cannot sort by “bogus”: sorted by updated instead\.[\s\S]*“sideways” is not asc or desc/,
  },
  { url: '/policies?q=%3Cscript%3E&labels=nope:x', says: /No policy matches “<script>”/ },
  { url: `/policies?q=${'a'.repeat(3_000)}`, says: /0 of \d+ policies match/ },
  // Policy ids: unknown, with spaces, unicode, RTL override, a literal %
  { url: '/policies/no%20such%20policy', says: /Could not load this policy: Not found/ },
  { url: '/policies/%E2%80%AEevil', says: /Could not load this policy: Not found/ },
  { url: '/policies/100%25', says: /Could not load this policy: Not found/ },
  { url: '/policies/%F0%9F%94%91%20%E9%8D%B5', says: /Could not load this policy: Not found/ },
  // Version numbers
  {
    url: '/policies/bigquery_approval/versions/abc',
    says: /“abc” is not a version number\. Versions are whole numbers from 1 up\./,
  },
  { url: '/policies/bigquery_approval/versions/-1', says: /“-1” is not a version number/ },
  { url: '/policies/bigquery_approval/versions/1.5', says: /“1\.5” is not a version number/ },
  { url: '/policies/bigquery_approval/versions/1e3', says: /“1e3” is not a version number/ },
  { url: `/policies/bigquery_approval/versions/${HUGE}`, says: /is not a version number/ },
  {
    url: '/policies/bigquery_approval/versions/0',
    says: /bigquery_approval\s*v3/,
    lands: /\/policies\/bigquery_approval\/versions\/3$/,
  },
  {
    url: '/policies/bigquery_approval/versions/999',
    says: /Version 999 of this policy does not exist\. It has 3 versions; the latest is v3\./,
  },
  { url: '/policies/no_such/versions/1', says: /Policy not found\. The server has no policy with this id\./ },
  // Diff ranges and views
  {
    url: '/policies/bigquery_approval/diff/abc',
    says: /“abc” is not a range of versions\. Write it as two version numbers, like 3\.\.\.7\./,
  },
  { url: '/policies/bigquery_approval/diff/-1...2', says: /“-1\.\.\.2” is not a range of versions/ },
  { url: `/policies/bigquery_approval/diff/1...${HUGE}`, says: /is not a range of versions/ },
  { url: '/policies/bigquery_approval/diff/0...0', says: /Versions start at 1\./ },
  {
    url: '/policies/bigquery_approval/diff/1...999',
    says: /Version 999 of bigquery_approval does not exist\. Pick another version above; the latest is v3\./,
  },
  { url: '/policies/bigquery_approval/diff/3...1', says: /What changed from v3 to v1/ },
  {
    url: '/policies/bigquery_approval/diff/1...2?view=bogus',
    says: /There is no “bogus” view: showing the structural diff\./,
  },
  { url: '/policies/no_such/diff/1...2', says: /There is no policy no_such, or no version 1 of it\./ },
  // Editor
  {
    url: '/policies/bigquery_approval/edit?from=abc',
    says: /“from=abc” in the address is not a version number, so this edit starts from the latest version \(3\)\./,
  },
  { url: '/policies/bigquery_approval/edit?from=999', says: /Could not load version 999 of this policy: Not found/ },
  { url: '/policies/no_such/edit', says: /Could not load this policy: Not found/ },
  // Tests: ids, page, page size, status filter
  { url: '/tests/no-such-test', says: /This test no longer exists[\s\S]*knows no test with the id no-such-test/ },
  { url: '/tests/%25%E2%80%AE', says: /This test no longer exists/ },
  { url: 'TEST?page=-1', says: /“-1” is not a page number; showing page 1\./ },
  { url: 'TEST?page=abc', says: /“abc” is not a page number; showing page 1\./ },
  { url: `TEST?page=${HUGE}`, says: /is not a page number; showing page 1\./ },
  { url: 'TEST?page=999999', says: /Page 999,999 is past the end[\s\S]*Go to the last page/ },
  { url: 'TEST?per_page=0', says: /“0” is not a page size; showing 25 per page\./ },
  { url: 'TEST?per_page=abc', says: /“abc” is not a page size; showing 25 per page\./ },
  { url: 'TEST?per_page=100000', says: /100000 users per page is not offered; showing 1000 per page\./ },
  { url: 'TEST?status=bogus', says: /“bogus” is not a status filter; showing all users\./ },
  { url: 'TEST?status=fail&page=2', says: /Page 2 is past the end/ },
  // Launching and comparing tests
  { url: '/tests/new?policy=nope&version=abc', says: /There is no policy “nope”\. Choose one from the list\./ },
  {
    url: '/tests/new?policy=bigquery_approval&version=999',
    says: /Version 999 does not exist; choose one of the listed versions\./,
  },
  {
    url: '/tests/new?policy=bigquery_approval&version=-3',
    says: /“-3” is not a version number; the latest version is selected\./,
  },
  { url: '/tests/compare?a=x&b=y', says: /This test no longer exists/ },
  { url: '/tests/compare?a=TEST_ID&b=TEST_ID', says: /A and B are the same test; choose two different tests\./ },
  { url: '/tests/compare?a=%25%25%25', says: /Choose two tests/ },
  // No such route
  { url: '/policies/x/y/z', says: /Page not found/ },
];
