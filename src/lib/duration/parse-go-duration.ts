/**
 * Go's `time.ParseDuration`, exactly: the grammar `[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+` (plus a bare
 * "0"), units ns us µs μs ms s m h, and int64 nanosecond overflow. Guardian parses duration options
 * and the extension window with it, so anything it rejects the server rejects too.
 */
export type GoDurationResult = { ok: true; nanoseconds: bigint } | { ok: false; message: string };

const UNITS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n, // U+00B5 micro sign
  μs: 1_000n, // U+03BC Greek mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

const MAX = 1n << 63n;
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const quote = (s: string) => JSON.stringify(s);

export function parseGoDuration(input: string): GoDurationResult {
  const invalid = (): GoDurationResult => ({ ok: false, message: `time: invalid duration ${quote(input)}` });
  let s = input;
  let neg = false;
  if (s[0] === '-' || s[0] === '+') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return { ok: true, nanoseconds: 0n };
  if (s === '') return invalid();

  let total = 0n;
  while (s !== '') {
    if (!(s[0] === '.' || isDigit(s[0]))) return invalid();
    let i = 0;
    let whole = 0n;
    while (isDigit(s[i])) {
      if (whole > (MAX - 1n) / 10n) return invalid();
      whole = whole * 10n + BigInt(s.charCodeAt(i) - 48);
      if (whole > MAX) return invalid();
      i++;
    }
    const pre = i > 0;
    let fraction = 0n;
    let scale = 1n;
    let post = false;
    if (s[i] === '.') {
      i++;
      const start = i;
      let overflow = false;
      while (isDigit(s[i])) {
        // Like Go, digits beyond int64 precision are ignored rather than rejected.
        if (!overflow && fraction <= (MAX - 1n) / 10n) {
          fraction = fraction * 10n + BigInt(s.charCodeAt(i) - 48);
          scale *= 10n;
        } else overflow = true;
        i++;
      }
      post = i > start;
    }
    if (!pre && !post) return invalid();
    s = s.slice(i);

    let u = 0;
    while (u < s.length && s[u] !== '.' && !isDigit(s[u])) u++;
    if (u === 0) return { ok: false, message: `time: missing unit in duration ${quote(input)}` };
    const unitName = s.slice(0, u);
    s = s.slice(u);
    const unit = UNITS[unitName];
    if (unit === undefined) {
      return { ok: false, message: `time: unknown unit ${quote(unitName)} in duration ${quote(input)}` };
    }
    if (whole > MAX / unit) return invalid();
    let value = whole * unit;
    if (fraction > 0n) {
      // Go computes this part in float64; the result is the same to the nanosecond for real inputs.
      value += BigInt(Math.floor(Number(fraction) * (Number(unit) / Number(scale))));
      if (value > MAX) return invalid();
    }
    total += value;
    if (total > MAX) return invalid();
  }
  if (!neg && total > MAX - 1n) return invalid();
  return { ok: true, nanoseconds: neg ? -total : total };
}

/** A message for people: what is wrong and how to write it instead. */
export function explainDurationError(input: string): string | undefined {
  const result = parseGoDuration(input.trim() === input ? input : '\u0000');
  if (result.ok) return undefined;
  if (input.trim() !== input) return 'Remove the spaces around the duration.';
  if (/^\s*$/.test(input)) return 'Enter a duration such as 24h, 1h30m or 0h (permanent).';
  const unit = /unknown unit "(.*?)"/.exec(result.message)?.[1];
  if (unit === 'd' || unit === 'D') return `Go durations have no days: write ${dayHint(input)} instead of "${input}".`;
  if (unit === 'w') return 'Go durations have no weeks: write hours, e.g. 168h for one week.';
  if (unit !== undefined) return `"${unit}" is not a unit. Use h, m, s, ms, us or ns, e.g. 24h or 1h30m.`;
  if (result.message.includes('missing unit')) return 'Every number needs a unit, e.g. 24h, 90m or 1h30m.';
  return 'Not a Go duration. Write it like 24h, 1h30m, 300ms or 0h (permanent).';
}

function dayHint(input: string): string {
  const days = Number(/^(\d+(?:\.\d+)?)d$/i.exec(input)?.[1]);
  return Number.isFinite(days) ? `${days * 24}h` : 'hours (24h = 1 day)';
}

const NS_PER_HOUR = 3_600_000_000_000n;

/** "3 days", "36 hours", "permanent": for showing a valid duration option next to its value. */
export function describeDuration(nanoseconds: bigint): string {
  if (nanoseconds === 0n) return 'permanent';
  const hours = Number(nanoseconds) / Number(NS_PER_HOUR);
  if (hours >= 24 && Number.isInteger(hours / 24)) return plural(hours / 24, 'day');
  if (hours >= 1) return plural(Math.round(hours * 100) / 100, 'hour');
  const minutes = hours * 60;
  if (minutes >= 1) return plural(Math.round(minutes * 100) / 100, 'minute');
  return plural(Math.round(minutes * 6000) / 100, 'second');
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}
