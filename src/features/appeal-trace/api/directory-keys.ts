/** Query keys of the directory extension; the settings they depend on are part of the key. */
export const directoryKeys = {
  all: ['policy-test-directory'] as const,
  search: (base: string, account: string, text: string) =>
    [...directoryKeys.all, base, account, 'search', text] as const,
  user: (base: string, account: string, email: string) => [...directoryKeys.all, base, account, 'user', email] as const,
};
