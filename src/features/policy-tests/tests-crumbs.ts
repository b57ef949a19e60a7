/** Where every page about one test sits: under the list of recent tests. */
export const TESTS_CRUMBS = [{ to: '/tests', label: 'Tests' }] as const;
