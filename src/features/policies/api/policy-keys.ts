/** Query keys of the Guardian policy API: one place, so writes know exactly what to refresh. */
export const policyKeys = {
  all: ['policies'] as const,
  list: () => [...policyKeys.all, 'list'] as const,
  version: (id: string, version: number) => [...policyKeys.all, 'version', id, version] as const,
  preferences: (id: string, version: number) => [...policyKeys.all, 'preferences', id, version] as const,
};
