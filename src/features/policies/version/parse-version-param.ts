export type VersionParam =
  { kind: 'version'; version: number } | { kind: 'latest' } | { kind: 'invalid'; message: string };

/**
 * `/versions/:version` must be a positive whole number. Guardian reads 0 as "latest", so that one
 * goes to the latest version; anything else (`abc`, `-1`, `1.5`, `1e3`) is refused with words.
 */
export function parseVersionParam(raw: string | undefined): VersionParam {
  const text = (raw ?? '').trim();
  if (/^0+$/.test(text)) return { kind: 'latest' };
  if (!/^\d{1,9}$/.test(text)) {
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    return { kind: 'invalid', message: `“${shown}” is not a version number. Versions are whole numbers from 1 up.` };
  }
  return { kind: 'version', version: Number(text) };
}
