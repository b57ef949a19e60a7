/** The addresses of a policy's views, ids encoded: an id can hold anything. */
export const policyPath = (id: string) => `/policies/${encodeURIComponent(id)}`;
export const versionPath = (id: string, version: number) => `${policyPath(id)}/versions/${version}`;
export const diffPath = (id: string, from: number, to: number, view?: string) =>
  `${policyPath(id)}/diff/${from}...${to}${view ? `?view=${view}` : ''}`;
export const editPath = (id: string, from?: number) =>
  `${policyPath(id)}/edit${from !== undefined ? `?from=${from}` : ''}`;
