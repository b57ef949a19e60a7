/** `?from=N`: the version an edit starts from. Absent means the latest; anything else is explained. */
export type FromParam = { kind: 'latest' } | { kind: 'version'; version: number } | { kind: 'invalid'; raw: string };

export function parseFromParam(raw: string | null): FromParam {
  if (raw === null || raw === '' || raw === '0' || raw === 'latest') return { kind: 'latest' };
  return /^[1-9]\d{0,8}$/.test(raw) ? { kind: 'version', version: Number(raw) } : { kind: 'invalid', raw };
}
