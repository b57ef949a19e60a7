/**
 * Go's `time.Time`, `time.Duration` and `*time.Location` as expr's `now()`, `date()`, `duration()`
 * and `timezone()` return them: the values, their zones, the civil calendar and Go's arithmetic
 * (time.go). Layouts are in go-time-format.ts, parsing in go-time-parse.ts.
 *
 * The state lives under symbols, so an expression cannot read it as map keys (`now().sec` is a
 * method lookup in Go, never a field).
 *
 * Time zones: a named zone's offsets come from the browser's / Node's tz database through Intl.
 * Zone abbreviations are what Intl knows ("CEST", "EDT"), else Go-style numbers ("+07").
 * The server's `Local` zone is taken as UTC, as in the container images Guardian ships in.
 */
import { ExprEvalError } from './errors';

const SEC = Symbol('sec');
const NSEC = Symbol('nsec');
const LOC = Symbol('loc');
const NS = Symbol('ns');

const INT64_MIN = -9223372036854775808n;
const INT64_MAX = 9223372036854775807n;

const ZONE = Symbol('zone');

interface Zone {
  name: string;
  fixed: { offset: number; abbreviation: string } | null;
  formatter: Intl.DateTimeFormat | null;
}

/** A `*time.Location`: UTC, a fixed offset, or a named tz database zone. */
export class GoLocation {
  readonly [ZONE]: Zone;
  constructor(name: string, fixed: { offset: number; abbreviation: string } | null) {
    this[ZONE] = { name, fixed, formatter: null };
  }
  static readonly UTC = new GoLocation('UTC', { offset: 0, abbreviation: 'UTC' });
  static fixedZone(name: string, offset: number): GoLocation {
    return new GoLocation(name, { offset, abbreviation: name });
  }
}

export function locationName(loc: GoLocation): string {
  return loc[ZONE].name;
}

/** The zone in effect at `unixSec`: its abbreviation and its offset east of UTC in seconds. */
export function zoneAt(loc: GoLocation, unixSec: number): { abbreviation: string; offset: number } {
  const zone = loc[ZONE];
  if (zone.fixed) return zone.fixed;
  zone.formatter ??= new Intl.DateTimeFormat('en-US', { timeZone: zone.name, timeZoneName: 'longOffset' });
  const date = new Date(clampMs(unixSec * 1000));
  const text = zone.formatter.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})(?::(\d{2}))?/.exec(text);
  const offset = match
    ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4] ?? 0))
    : 0;
  return { abbreviation: abbreviationOf(zone.name, date, offset), offset };
}

const abbreviationFormatters = new Map<string, Intl.DateTimeFormat>();

function abbreviationOf(zone: string, date: Date, offset: number): string {
  // Each locale names the zones of its own region ("EDT", "CEST", "IST", "AEST"); others get "GMT+2".
  for (const locale of ['en-US', 'en-GB', 'en-IN', 'en-AU', 'en-NZ']) {
    const key = `${locale} ${zone}`;
    let formatter = abbreviationFormatters.get(key);
    if (!formatter) {
      formatter = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' });
      abbreviationFormatters.set(key, formatter);
    }
    const name = formatter.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? '';
    if (/^[A-Z]{2,5}$/.test(name)) return name;
  }
  // The tz database names zones without an abbreviation by their offset: "+07", "+0530".
  const sign = offset < 0 ? '-' : '+';
  const minutes = Math.abs(offset) / 60;
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  return minutes % 60 === 0 ? `${sign}${hh}` : `${sign}${hh}${String(minutes % 60).padStart(2, '0')}`;
}

function clampMs(ms: number): number {
  return Math.max(-8.64e15, Math.min(8.64e15, ms));
}

/** time.LoadLocation: "" and "UTC" are UTC, "Local" is the server's zone (UTC), else a tz database name. */
export function loadLocation(name: string): GoLocation {
  if (name === '' || name === 'UTC' || name === 'Local') return GoLocation.UTC;
  const cached = namedLocations.get(name);
  if (cached) return cached;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
  } catch {
    throw new ExprEvalError('runtime', `unknown time zone ${name}`);
  }
  const location = new GoLocation(name, null);
  namedLocations.set(name, location);
  return location;
}
const namedLocations = new Map<string, GoLocation>();

/** A `time.Duration`: int64 nanoseconds. */
export class GoDuration {
  readonly [NS]: bigint;
  constructor(ns: bigint) {
    this[NS] = BigInt.asIntN(64, ns);
  }
}

export function durationNs(d: GoDuration): bigint {
  return d[NS];
}

/** A `time.Time`: an instant (Unix seconds and nanoseconds) and the zone it is shown in. */
export class GoTime {
  readonly [SEC]: number;
  readonly [NSEC]: number;
  readonly [LOC]: GoLocation;
  constructor(sec: number, nsec: number, loc: GoLocation) {
    const carry = Math.floor(nsec / 1e9);
    this[SEC] = sec + carry;
    this[NSEC] = nsec - carry * 1e9;
    this[LOC] = loc;
  }
}

export function unixSeconds(t: GoTime): number {
  return t[SEC];
}
export function nanosecondOf(t: GoTime): number {
  return t[NSEC];
}
export function locationOf(t: GoTime): GoLocation {
  return t[LOC];
}

/** A Go int of a named type with a String method, e.g. time.Month (prints "March", equals only a Month). */
export class GoNamedInt {
  constructor(
    readonly goType: string,
    readonly value: bigint,
    readonly text: string,
  ) {}
}

export const NANOSECOND = 1n;
export const MICROSECOND = 1000n;
export const MILLISECOND = 1_000_000n;
export const SECOND = 1_000_000_000n;
export const MINUTE = 60n * SECOND;
export const HOUR = 60n * MINUTE;

// ---- Civil calendar (proleptic Gregorian, as Go's) ----

/** Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): { year: number; month: number; day: number } {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export const DAYS_BEFORE = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

export function daysIn(month: number, year: number): number {
  if (month === 2 && isLeap(year)) return 29;
  return (DAYS_BEFORE[month] as number) - (DAYS_BEFORE[month - 1] as number);
}

export interface Civil {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  yearDay: number;
  /** 0 = Sunday. */
  weekday: number;
  offset: number;
  abbreviation: string;
}

/** The wall clock of `t` in its own zone. */
export function civil(t: GoTime): Civil {
  const { abbreviation, offset } = zoneAt(t[LOC], t[SEC]);
  const local = t[SEC] + offset;
  const days = Math.floor(local / 86400);
  const secOfDay = local - days * 86400;
  const { year, month, day } = civilFromDays(days);
  const yearDay = days - daysFromCivil(year, 1, 1) + 1;
  return {
    year,
    month,
    day,
    hour: Math.floor(secOfDay / 3600),
    minute: Math.floor((secOfDay % 3600) / 60),
    second: secOfDay % 60,
    yearDay,
    weekday: (((days + 4) % 7) + 7) % 7,
    offset,
    abbreviation,
  };
}

/** time.Date: the instant of a wall clock in `loc` (out-of-range fields carry over). */
export function goDate(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  nsec: number,
  loc: GoLocation,
): GoTime {
  const monthIndex = month - 1;
  const y = year + Math.floor(monthIndex / 12);
  const m = (((monthIndex % 12) + 12) % 12) + 1;
  const local = (daysFromCivil(y, m, 1) + day - 1) * 86400 + hour * 3600 + minute * 60 + second;
  let offset = zoneAt(loc, local).offset;
  if (offset !== 0) {
    const again = zoneAt(loc, local - offset).offset;
    if (again !== offset) offset = again;
  }
  return new GoTime(local - offset, nsec, loc);
}

export function timeFromDate(date: Date, loc: GoLocation = GoLocation.UTC): GoTime {
  const ms = date.getTime();
  const sec = Math.floor(ms / 1000);
  return new GoTime(sec, (ms - sec * 1000) * 1e6, loc);
}

// ---- Arithmetic and comparison ----

export function timeCompare(a: GoTime, b: GoTime): number {
  if (a[SEC] !== b[SEC]) return a[SEC] < b[SEC] ? -1 : 1;
  return a[NSEC] === b[NSEC] ? 0 : a[NSEC] < b[NSEC] ? -1 : 1;
}

/** Time.Add. */
export function timeAdd(t: GoTime, d: GoDuration): GoTime {
  const ns = d[NS];
  const sec = ns / SECOND;
  const nsec = ns - sec * SECOND;
  return new GoTime(t[SEC] + Number(sec), t[NSEC] + Number(nsec), t[LOC]);
}

/** Time.Sub: saturates at the largest and smallest Duration, as Go does. */
export function timeSub(a: GoTime, b: GoTime): GoDuration {
  const ns = BigInt(a[SEC] - b[SEC]) * SECOND + BigInt(a[NSEC] - b[NSEC]);
  if (ns > INT64_MAX) return new GoDuration(INT64_MAX);
  if (ns < INT64_MIN) return new GoDuration(INT64_MIN);
  return new GoDuration(ns);
}

export function timeIn(t: GoTime, loc: GoLocation): GoTime {
  return new GoTime(t[SEC], t[NSEC], loc);
}

/** Time.Truncate / Time.Round against the zero time, as Go measures them (on absolute time). */
export function timeTruncate(t: GoTime, d: GoDuration, round: boolean): GoTime {
  const step = d[NS];
  if (step <= 0n) return t;
  // Go measures from the zero time (year 1), whose Unix time is -62135596800.
  const sinceZero = (BigInt(t[SEC]) + 62135596800n) * SECOND + BigInt(t[NSEC]);
  let remainder = sinceZero % step;
  if (remainder < 0n) remainder += step;
  let shift = -remainder;
  if (round && remainder + remainder >= step) shift = step - remainder;
  return timeAdd(t, new GoDuration(shift));
}
