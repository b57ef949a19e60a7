/** The trace view's address for a version; `query` carries a form (see form/trace-params.ts). */
export const tracePath = (id: string, version: number, query?: URLSearchParams | string) => {
  const search = query === undefined ? '' : String(query);
  return `/policies/${encodeURIComponent(id)}/versions/${version}/trace${search ? `?${search}` : ''}`;
};
