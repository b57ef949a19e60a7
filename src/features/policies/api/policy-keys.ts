/** Query keys of the Guardian policy API: one place, so writes know exactly what to refresh. */
export const policyKeys = {
  all: ['policies'] as const,
  /** The version stamps of one policy (from the list, or the list filtered by id). */
  versions: (id: string) => [...policyKeys.all, 'versions', id] as const,
  version: (id: string, version: number) => [...policyKeys.all, 'version', id, version] as const,
  preferences: (id: string, version: number) => [...policyKeys.all, 'preferences', id, version] as const,
};
