// Made on first use, not as the module loads; the locale data it needs is loaded as the page starts
// (warm-up-intl-script.ts).
let dateTime: Intl.DateTimeFormat | undefined;

/** A timestamp for people; an unknown or broken one says so instead of "Invalid Date". */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '—';
  const time = Date.parse(iso);
  return Number.isNaN(time)
    ? iso
    : (dateTime ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })).format(time);
}
