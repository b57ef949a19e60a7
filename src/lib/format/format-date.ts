// Made on first use (or just after the first paint, src/lib/format/warm-up-formatters.ts): building
// a DateTimeFormat loads locale data, which no module load should pay for.
let dateTime: Intl.DateTimeFormat | undefined;

/** A timestamp for people; an unknown or broken one says so instead of "Invalid Date". */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '—';
  const time = Date.parse(iso);
  return Number.isNaN(time)
    ? iso
    : (dateTime ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })).format(time);
}
