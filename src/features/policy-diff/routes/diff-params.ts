export type DiffView = 'summary' | 'split' | 'unified';
export const DIFF_VIEWS: readonly { id: DiffView; label: string }[] = [
  { id: 'summary', label: 'Structural' },
  { id: 'split', label: 'Split lines' },
  { id: 'unified', label: 'Unified lines' },
];

export type DiffRange = { ok: true; from: number; to: number } | { ok: false; message: string };

/** `3...7` (GitHub's spelling) or `3..7`: two positive version numbers. */
export function parseDiffRange(raw: string | undefined): DiffRange {
  const text = (raw ?? '').trim();
  const match = /^(\d{1,9})\.\.\.?(\d{1,9})$/.exec(text);
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  if (!match) {
    return {
      ok: false,
      message: `“${shown}” is not a range of versions. Write it as two version numbers, like 3...7.`,
    };
  }
  const from = Number(match[1]);
  const to = Number(match[2]);
  if (from === 0 || to === 0) return { ok: false, message: 'Versions start at 1.' };
  return { ok: true, from, to };
}

export function parseDiffView(raw: string | null): { view: DiffView; problem?: string } {
  if (raw === null || raw === '') return { view: 'summary' };
  if (raw === 'summary' || raw === 'split' || raw === 'unified') return { view: raw };
  return { view: 'summary', problem: `There is no “${raw.slice(0, 40)}” view: showing the structural diff.` };
}

export const diffRoute = (id: string, from: number, to: number, view: DiffView) =>
  `/policies/${encodeURIComponent(id)}/diff/${from}...${to}${view === 'summary' ? '' : `?view=${view}`}`;
