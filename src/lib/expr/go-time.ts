/**
 * Go's `time.Time`, `time.Duration` and `*time.Location` as expr's `now()`, `date()`, `duration()`
 * and `timezone()` return them, with Go's own rules for parsing (time.Parse, time.ParseDuration),
 * formatting (Time.Format, Time.String, Duration.String) and arithmetic. Ported from Go's
 * src/time/format.go and time.go (go1.19; the layout rules have not changed since).
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

export const INT64_MIN = -9223372036854775808n;
export const INT64_MAX = 9223372036854775807n;

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
  const hh = pad(Math.floor(minutes / 60), 2);
  return minutes % 60 === 0 ? `${sign}${hh}` : `${sign}${hh}${pad(minutes % 60, 2)}`;
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

export function isGoTime(value: unknown): value is GoTime {
  return value instanceof GoTime;
}
export function isGoDuration(value: unknown): value is GoDuration {
  return value instanceof GoDuration;
}
export function isGoLocation(value: unknown): value is GoLocation {
  return value instanceof GoLocation;
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

function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

const DAYS_BEFORE = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

function daysIn(month: number, year: number): number {
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

// ---- Formatting ----

const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const SHORT_MONTHS = LONG_MONTHS.map((m) => m.slice(0, 3));
const SHORT_DAYS = LONG_DAYS.map((d) => d.slice(0, 3));

export function monthName(month: number): string {
  return LONG_MONTHS[month - 1] ?? `%!Month(${month})`;
}
export function weekdayName(day: number): string {
  return LONG_DAYS[day] ?? `%!Weekday(${day})`;
}

type Std =
  | 'LongMonth'
  | 'Month'
  | 'NumMonth'
  | 'ZeroMonth'
  | 'LongWeekDay'
  | 'WeekDay'
  | 'Day'
  | 'UnderDay'
  | 'ZeroDay'
  | 'UnderYearDay'
  | 'ZeroYearDay'
  | 'Hour'
  | 'Hour12'
  | 'ZeroHour12'
  | 'Minute'
  | 'ZeroMinute'
  | 'Second'
  | 'ZeroSecond'
  | 'LongYear'
  | 'Year'
  | 'PM'
  | 'pm'
  | 'TZ'
  | 'ISO8601TZ'
  | 'ISO8601SecondsTZ'
  | 'ISO8601ShortTZ'
  | 'ISO8601ColonTZ'
  | 'ISO8601ColonSecondsTZ'
  | 'NumTZ'
  | 'NumSecondsTz'
  | 'NumShortTZ'
  | 'NumColonTZ'
  | 'NumColonSecondsTZ'
  | 'FracSecond0'
  | 'FracSecond9';

interface Chunk {
  prefix: string;
  std: Std | null;
  /** Digits of a fractional second, and its separator. */
  digits?: number;
  separator?: string;
  suffix: string;
}

const STD_0X: Std[] = ['ZeroMonth', 'ZeroDay', 'ZeroHour12', 'ZeroMinute', 'ZeroSecond', 'Year'];
const ZONES: [string, Std][] = [
  ['-070000', 'NumSecondsTz'],
  ['-07:00:00', 'NumColonSecondsTZ'],
  ['-0700', 'NumTZ'],
  ['-07:00', 'NumColonTZ'],
  ['-07', 'NumShortTZ'],
];
const ISO_ZONES: [string, Std][] = [
  ['Z070000', 'ISO8601SecondsTZ'],
  ['Z07:00:00', 'ISO8601ColonSecondsTZ'],
  ['Z0700', 'ISO8601TZ'],
  ['Z07:00', 'ISO8601ColonTZ'],
  ['Z07', 'ISO8601ShortTZ'],
];

const isLower = (c: string | undefined) => c !== undefined && c >= 'a' && c <= 'z';
const isDigitAt = (s: string, i: number) => i < s.length && s[i]! >= '0' && s[i]! <= '9';

/** Go's nextStdChunk: the first layout element in `layout`, with the text before and after it. */
function nextStdChunk(layout: string): Chunk {
  for (let i = 0; i < layout.length; i++) {
    const c = layout[i];
    const at = (s: string) => layout.startsWith(s, i);
    const chunk = (std: Std, length: number, extra: Partial<Chunk> = {}): Chunk => ({
      prefix: layout.slice(0, i),
      std,
      suffix: layout.slice(i + length),
      ...extra,
    });
    switch (c) {
      case 'J':
        if (at('Jan')) {
          if (at('January')) return chunk('LongMonth', 7);
          if (!isLower(layout[i + 3])) return chunk('Month', 3);
        }
        break;
      case 'M':
        if (at('Mon')) {
          if (at('Monday')) return chunk('LongWeekDay', 6);
          if (!isLower(layout[i + 3])) return chunk('WeekDay', 3);
        }
        if (at('MST')) return chunk('TZ', 3);
        break;
      case '0': {
        const n = layout[i + 1];
        if (n !== undefined && n >= '1' && n <= '6') return chunk(STD_0X[Number(n) - 1] as Std, 2);
        if (at('002')) return chunk('ZeroYearDay', 3);
        break;
      }
      case '1':
        if (layout[i + 1] === '5') return chunk('Hour', 2);
        return chunk('NumMonth', 1);
      case '2':
        if (at('2006')) return chunk('LongYear', 4);
        return chunk('Day', 1);
      case '_':
        if (layout[i + 1] === '2') {
          if (layout.startsWith('2006', i + 1))
            return { prefix: layout.slice(0, i + 1), std: 'LongYear', suffix: layout.slice(i + 5) };
          return chunk('UnderDay', 2);
        }
        if (at('__2')) return chunk('UnderYearDay', 3);
        break;
      case '3':
        return chunk('Hour12', 1);
      case '4':
        return chunk('Minute', 1);
      case '5':
        return chunk('Second', 1);
      case 'P':
        if (layout[i + 1] === 'M') return chunk('PM', 2);
        break;
      case 'p':
        if (layout[i + 1] === 'm') return chunk('pm', 2);
        break;
      case '-':
        for (const [text, std] of ZONES) if (at(text)) return chunk(std, text.length);
        break;
      case 'Z':
        for (const [text, std] of ISO_ZONES) if (at(text)) return chunk(std, text.length);
        break;
      case '.':
      case ',': {
        const ch = layout[i + 1];
        if (ch === '0' || ch === '9') {
          let j = i + 1;
          while (j < layout.length && layout[j] === ch) j++;
          if (!isDigitAt(layout, j)) {
            return chunk(ch === '0' ? 'FracSecond0' : 'FracSecond9', j - i, { digits: j - (i + 1), separator: c });
          }
        }
        break;
      }
    }
  }
  return { prefix: layout, std: null, suffix: '' };
}

export function pad(value: number, width: number): string {
  const text = String(Math.abs(value)).padStart(width, '0');
  return value < 0 ? `-${text}` : text;
}

function formatNano(nsec: number, digits: number, separator: string, trim: boolean): string {
  let text = String(nsec).padStart(9, '0').slice(0, Math.min(digits, 9));
  if (trim) text = text.replace(/0+$/, '');
  return text === '' ? '' : separator + text;
}

/** Time.Format. */
export function formatTime(t: GoTime, layout: string): string {
  const c = civil(t);
  let out = '';
  let rest = layout;
  while (rest !== '') {
    const chunk = nextStdChunk(rest);
    out += chunk.prefix;
    if (chunk.std === null) break;
    rest = chunk.suffix;
    const hour12 = c.hour % 12 === 0 ? 12 : c.hour % 12;
    switch (chunk.std) {
      case 'Year':
        out += pad(Math.abs(c.year) % 100, 2);
        break;
      case 'LongYear':
        out += pad(c.year, 4);
        break;
      case 'Month':
        out += SHORT_MONTHS[c.month - 1];
        break;
      case 'LongMonth':
        out += LONG_MONTHS[c.month - 1];
        break;
      case 'NumMonth':
        out += String(c.month);
        break;
      case 'ZeroMonth':
        out += pad(c.month, 2);
        break;
      case 'WeekDay':
        out += SHORT_DAYS[c.weekday];
        break;
      case 'LongWeekDay':
        out += LONG_DAYS[c.weekday];
        break;
      case 'Day':
        out += String(c.day);
        break;
      case 'UnderDay':
        out += (c.day < 10 ? ' ' : '') + String(c.day);
        break;
      case 'ZeroDay':
        out += pad(c.day, 2);
        break;
      case 'UnderYearDay':
        out += (c.yearDay < 10 ? '  ' : c.yearDay < 100 ? ' ' : '') + String(c.yearDay);
        break;
      case 'ZeroYearDay':
        out += pad(c.yearDay, 3);
        break;
      case 'Hour':
        out += pad(c.hour, 2);
        break;
      case 'Hour12':
        out += String(hour12);
        break;
      case 'ZeroHour12':
        out += pad(hour12, 2);
        break;
      case 'Minute':
        out += String(c.minute);
        break;
      case 'ZeroMinute':
        out += pad(c.minute, 2);
        break;
      case 'Second':
        out += String(c.second);
        break;
      case 'ZeroSecond':
        out += pad(c.second, 2);
        break;
      case 'PM':
        out += c.hour >= 12 ? 'PM' : 'AM';
        break;
      case 'pm':
        out += c.hour >= 12 ? 'pm' : 'am';
        break;
      case 'TZ':
        if (c.abbreviation !== '') out += c.abbreviation;
        else out += formatOffset(c.offset, false, false);
        break;
      case 'FracSecond0':
      case 'FracSecond9':
        out += formatNano(t[NSEC], chunk.digits ?? 0, chunk.separator ?? '.', chunk.std === 'FracSecond9');
        break;
      default: {
        const std = chunk.std;
        if (
          c.offset === 0 &&
          std.startsWith('ISO8601') &&
          std !== 'ISO8601SecondsTZ' &&
          std !== 'ISO8601ColonSecondsTZ'
        ) {
          out += 'Z';
          break;
        }
        if (c.offset === 0 && (std === 'ISO8601SecondsTZ' || std === 'ISO8601ColonSecondsTZ')) {
          out += 'Z';
          break;
        }
        const colon = std.includes('Colon');
        const short = std.includes('Short');
        const seconds = std.includes('Seconds');
        out += formatZone(c.offset, colon, short, seconds);
      }
    }
  }
  return out;
}

function formatOffset(offset: number, colon: boolean, short: boolean): string {
  return formatZone(offset, colon, short, false);
}

function formatZone(offset: number, colon: boolean, short: boolean, seconds: boolean): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const minutes = Math.floor(abs / 60);
  let out = sign + pad(Math.floor(minutes / 60), 2);
  if (colon) out += ':';
  if (!short) out += pad(minutes % 60, 2);
  if (seconds) out += (colon ? ':' : '') + pad(abs % 60, 2);
  return out;
}

/** Time.String, without the monotonic clock reading (`m=+0.001`) Go appends to `time.Now()`. */
export function timeString(t: GoTime): string {
  return formatTime(t, '2006-01-02 15:04:05.999999999 -0700 MST');
}

/** What encoding/json writes for a time.Time (RFC 3339 with nanoseconds). */
export function timeJson(t: GoTime): string {
  return formatTime(t, '2006-01-02T15:04:05.999999999Z07:00');
}

/** Duration.String: "1h30m0s", "1.5s", "250ms", "0s". */
export function durationString(d: GoDuration): string {
  let u = d[NS] < 0n ? -d[NS] : d[NS];
  const neg = d[NS] < 0n;
  if (u === 0n) return '0s';
  let out: string;
  if (u < SECOND) {
    const [unit, prec] = u < MICROSECOND ? ['ns', 0] : u < MILLISECOND ? ['µs', 3] : ['ms', 6];
    out = fracAndInt(u, prec as number) + unit;
  } else {
    const seconds = fracAndInt(u % (60n * SECOND), 9);
    u /= 60n * SECOND;
    out = `${seconds}s`;
    if (u > 0n) {
      out = `${u % 60n}m${out}`;
      u /= 60n;
      if (u > 0n) out = `${u}h${out}`;
    }
  }
  return neg ? `-${out}` : out;
}

function fracAndInt(v: bigint, prec: number): string {
  const scale = 10n ** BigInt(prec);
  const whole = v / scale;
  const frac = (v % scale).toString().padStart(prec, '0').replace(/0+$/, '');
  return frac === '' ? String(whole) : `${whole}.${frac}`;
}

// ---- Parsing ----

/** Go's quote() used in time's error messages (non-ASCII bytes as \x escapes). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x80 || code < 0x20) {
      for (const byte of new TextEncoder().encode(ch)) out += `\\x${byte.toString(16).padStart(2, '0')}`;
    } else {
      out += ch === '"' || ch === '\\' ? `\\${ch}` : ch;
    }
  }
  return `${out}"`;
}

class ParseError extends ExprEvalError {
  constructor(layout: string, value: string, layoutElem: string, valueElem: string, message: string) {
    super(
      'runtime',
      message === ''
        ? `parsing time ${goQuote(value)} as ${goQuote(layout)}: cannot parse ${goQuote(valueElem)} as ${goQuote(layoutElem)}`
        : `parsing time ${goQuote(value)}${message}`,
    );
  }
}

const BAD = Symbol('bad');

function leadingInt(s: string): { x: number; rest: string } | typeof BAD {
  let i = 0;
  let x = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    x = x * 10 + (c - 48);
    if (x > 2 ** 63) return BAD;
  }
  return { x, rest: s.slice(i) };
}

function atoi(s: string): number | typeof BAD {
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  const r = leadingInt(s);
  if (r === BAD || r.rest !== '') return BAD;
  return neg ? -r.x : r.x;
}

function getnum(s: string, fixed: boolean): { n: number; rest: string } | typeof BAD {
  if (!isDigitAt(s, 0)) return BAD;
  if (!isDigitAt(s, 1)) {
    if (fixed) return BAD;
    return { n: s.charCodeAt(0) - 48, rest: s.slice(1) };
  }
  return { n: (s.charCodeAt(0) - 48) * 10 + (s.charCodeAt(1) - 48), rest: s.slice(2) };
}

function getnum3(s: string, fixed: boolean): { n: number; rest: string } | typeof BAD {
  let n = 0;
  let i = 0;
  for (; i < 3 && isDigitAt(s, i); i++) n = n * 10 + (s.charCodeAt(i) - 48);
  if (i === 0 || (fixed && i !== 3)) return BAD;
  return { n, rest: s.slice(i) };
}

function skip(value: string, prefix: string): string | typeof BAD {
  while (prefix.length > 0) {
    if (prefix[0] === ' ') {
      if (value.length > 0 && value[0] !== ' ') return BAD;
      prefix = prefix.replace(/^ +/, '');
      value = value.replace(/^ +/, '');
      continue;
    }
    if (value.length === 0 || value[0] !== prefix[0]) return BAD;
    prefix = prefix.slice(1);
    value = value.slice(1);
  }
  return value;
}

function lookupName(table: string[], value: string): { index: number; rest: string } | typeof BAD {
  for (let i = 0; i < table.length; i++) {
    const name = table[i] as string;
    if (value.length >= name.length && value.slice(0, name.length).toLowerCase() === name.toLowerCase()) {
      return { index: i, rest: value.slice(name.length) };
    }
  }
  return BAD;
}

function parseSignedOffset(value: string): number {
  const sign = value[0];
  if (sign !== '-' && sign !== '+') return 0;
  const r = leadingInt(value.slice(1));
  if (r === BAD || r.rest === value.slice(1)) return 0;
  if (r.x > 23) return 0;
  return value.length - r.rest.length;
}

function parseTimeZone(value: string): number | null {
  if (value.length < 3) return null;
  if (value.startsWith('ChST') || value.startsWith('MeST')) return 4;
  if (value.startsWith('GMT')) return value.length === 3 ? 3 : 3 + parseSignedOffset(value.slice(3));
  if (value[0] === '+' || value[0] === '-') {
    const length = parseSignedOffset(value);
    return length > 0 ? length : null;
  }
  let upper = 0;
  for (; upper < 6 && upper < value.length; upper++) {
    const c = value[upper] as string;
    if (c < 'A' || c > 'Z') break;
  }
  switch (upper) {
    case 5:
      return value[4] === 'T' ? 5 : null;
    case 4:
      return value[3] === 'T' || value.startsWith('WITA') ? 4 : null;
    case 3:
      return 3;
    default:
      return null;
  }
}

function parseNanoseconds(value: string, nbytes: number): { ns: number } | typeof BAD {
  if (value[0] !== '.' && value[0] !== ',') return BAD;
  if (nbytes > 10) {
    value = value.slice(0, 10);
    nbytes = 10;
  }
  const n = atoi(value.slice(1, nbytes));
  if (n === BAD) return BAD;
  return { ns: n * 10 ** (10 - nbytes) };
}

/**
 * time.Parse (`local` = the server's zone, UTC) and time.ParseInLocation (`local` = `defaultLocation`).
 * Throws Go's ParseError text.
 */
export function parseTime(layout: string, original: string, defaultLocation: GoLocation, local: GoLocation): GoTime {
  let value = original;
  let rest = layout;
  let rangeError = '';
  let amSet = false;
  let pmSet = false;
  let year = 0;
  let month = -1;
  let day = -1;
  let yday = -1;
  let hour = 0;
  let min = 0;
  let sec = 0;
  let nsec = 0;
  let z: GoLocation | null = null;
  let zoneOffset = -1;
  let zoneName = '';

  for (;;) {
    const chunk = nextStdChunk(rest);
    const stdText = rest.slice(chunk.prefix.length, rest.length - chunk.suffix.length);
    const skipped = skip(value, chunk.prefix);
    if (skipped === BAD) throw new ParseError(layout, original, chunk.prefix, value, '');
    value = skipped;
    if (chunk.std === null) {
      if (value.length !== 0) throw new ParseError(layout, original, '', value, `: extra text: ${goQuote(value)}`);
      break;
    }
    rest = chunk.suffix;
    let bad = false;
    const take = <T extends { rest: string }>(r: T | typeof BAD): T | null => {
      if (r === BAD) {
        bad = true;
        return null;
      }
      value = r.rest;
      return r;
    };
    switch (chunk.std) {
      case 'Year': {
        if (value.length < 2) {
          bad = true;
          break;
        }
        const n = atoi(value.slice(0, 2));
        if (n === BAD) {
          bad = true;
          break;
        }
        value = value.slice(2);
        year = n >= 69 ? n + 1900 : n + 2000;
        break;
      }
      case 'LongYear': {
        if (value.length < 4 || !isDigitAt(value, 0)) {
          bad = true;
          break;
        }
        const n = atoi(value.slice(0, 4));
        value = value.slice(4);
        if (n === BAD) bad = true;
        else year = n;
        break;
      }
      case 'Month':
      case 'LongMonth': {
        const r = take(lookupName(chunk.std === 'Month' ? SHORT_MONTHS : LONG_MONTHS, value));
        if (r) month = r.index + 1;
        break;
      }
      case 'NumMonth':
      case 'ZeroMonth': {
        const r = take(getnum(value, chunk.std === 'ZeroMonth'));
        if (r) {
          month = r.n;
          if (month <= 0 || month > 12) rangeError = 'month';
        }
        break;
      }
      case 'WeekDay':
      case 'LongWeekDay':
        take(lookupName(chunk.std === 'WeekDay' ? SHORT_DAYS : LONG_DAYS, value));
        break;
      case 'Day':
      case 'UnderDay':
      case 'ZeroDay': {
        if (chunk.std === 'UnderDay' && value[0] === ' ') value = value.slice(1);
        const r = take(getnum(value, chunk.std === 'ZeroDay'));
        if (r) day = r.n;
        break;
      }
      case 'UnderYearDay':
      case 'ZeroYearDay': {
        for (let i = 0; i < 2; i++) if (chunk.std === 'UnderYearDay' && value[0] === ' ') value = value.slice(1);
        const r = take(getnum3(value, chunk.std === 'ZeroYearDay'));
        if (r) yday = r.n;
        break;
      }
      case 'Hour': {
        const r = take(getnum(value, false));
        if (r) hour = r.n;
        if (hour < 0 || hour >= 24) rangeError = 'hour';
        break;
      }
      case 'Hour12':
      case 'ZeroHour12': {
        const r = take(getnum(value, chunk.std === 'ZeroHour12'));
        if (r) hour = r.n;
        if (hour < 0 || hour > 12) rangeError = 'hour';
        break;
      }
      case 'Minute':
      case 'ZeroMinute': {
        const r = take(getnum(value, chunk.std === 'ZeroMinute'));
        if (r) min = r.n;
        if (min < 0 || min >= 60) rangeError = 'minute';
        break;
      }
      case 'Second':
      case 'ZeroSecond': {
        const r = take(getnum(value, chunk.std === 'ZeroSecond'));
        if (!r) break;
        sec = r.n;
        if (sec < 0 || sec >= 60) {
          rangeError = 'second';
          break;
        }
        // A fractional second in the value is accepted even where the layout has none.
        if (value.length >= 2 && (value[0] === '.' || value[0] === ',') && isDigitAt(value, 1)) {
          const next = nextStdChunk(rest).std;
          if (next === 'FracSecond0' || next === 'FracSecond9') break;
          let n = 2;
          while (n < value.length && isDigitAt(value, n)) n++;
          const ns = parseNanoseconds(value, n);
          if (ns === BAD) bad = true;
          else nsec = ns.ns;
          value = value.slice(n);
        }
        break;
      }
      case 'PM':
      case 'pm': {
        if (value.length < 2) {
          bad = true;
          break;
        }
        const p = value.slice(0, 2);
        value = value.slice(2);
        const [am, pm] = chunk.std === 'PM' ? ['AM', 'PM'] : ['am', 'pm'];
        if (p === pm) pmSet = true;
        else if (p === am) amSet = true;
        else bad = true;
        break;
      }
      case 'TZ': {
        if (value.startsWith('UTC')) {
          z = GoLocation.UTC;
          value = value.slice(3);
          break;
        }
        const n = parseTimeZone(value);
        if (n === null) {
          bad = true;
          break;
        }
        zoneName = value.slice(0, n);
        value = value.slice(n);
        break;
      }
      case 'FracSecond0': {
        const ndigit = 1 + (chunk.digits ?? 0);
        if (value.length < ndigit) {
          bad = true;
          break;
        }
        const ns = parseNanoseconds(value, ndigit);
        if (ns === BAD) bad = true;
        else nsec = ns.ns;
        value = value.slice(ndigit);
        break;
      }
      case 'FracSecond9': {
        if (value.length < 2 || (value[0] !== '.' && value[0] !== ',') || !isDigitAt(value, 1)) break;
        let i = 0;
        while (i < 9 && i + 1 < value.length && isDigitAt(value, i + 1)) i++;
        const ns = parseNanoseconds(value, 1 + i);
        if (ns === BAD) bad = true;
        else nsec = ns.ns;
        value = value.slice(1 + i);
        break;
      }
      default: {
        const std = chunk.std;
        if ((std === 'ISO8601TZ' || std === 'ISO8601ShortTZ' || std === 'ISO8601ColonTZ') && value[0] === 'Z') {
          value = value.slice(1);
          z = GoLocation.UTC;
          break;
        }
        let parts: [string, string, string, string] | null = null;
        const colon = std === 'ISO8601ColonTZ' || std === 'NumColonTZ';
        const short = std === 'NumShortTZ' || std === 'ISO8601ShortTZ';
        const colonSeconds = std === 'ISO8601ColonSecondsTZ' || std === 'NumColonSecondsTZ';
        const seconds = std === 'ISO8601SecondsTZ' || std === 'NumSecondsTz';
        if (colon) {
          if (value.length >= 6 && value[3] === ':') parts = [value[0]!, value.slice(1, 3), value.slice(4, 6), '00'];
          if (parts) value = value.slice(6);
        } else if (short) {
          if (value.length >= 3) parts = [value[0]!, value.slice(1, 3), '00', '00'];
          if (parts) value = value.slice(3);
        } else if (colonSeconds) {
          if (value.length >= 9 && value[3] === ':' && value[6] === ':')
            parts = [value[0]!, value.slice(1, 3), value.slice(4, 6), value.slice(7, 9)];
          if (parts) value = value.slice(9);
        } else if (seconds) {
          if (value.length >= 7) parts = [value[0]!, value.slice(1, 3), value.slice(3, 5), value.slice(5, 7)];
          if (parts) value = value.slice(7);
        } else {
          if (value.length >= 5) parts = [value[0]!, value.slice(1, 3), value.slice(3, 5), '00'];
          if (parts) value = value.slice(5);
        }
        if (!parts) {
          bad = true;
          break;
        }
        const [sign, hh, mm, ss] = parts;
        const h = atoi(hh);
        const m = atoi(mm);
        const s = atoi(ss);
        if (h === BAD || m === BAD || s === BAD) {
          bad = true;
          break;
        }
        zoneOffset = (h * 60 + m) * 60 + s;
        if (sign === '-') zoneOffset = -zoneOffset;
        else if (sign !== '+') bad = true;
      }
    }
    if (rangeError !== '') throw new ParseError(layout, original, stdText, value, `: ${rangeError} out of range`);
    if (bad) throw new ParseError(layout, original, stdText, value, '');
  }
  if (pmSet && hour < 12) hour += 12;
  else if (amSet && hour === 12) hour = 0;

  if (yday >= 0) {
    let d = 0;
    let m = 0;
    if (isLeap(year)) {
      if (yday === 31 + 29) {
        m = 2;
        d = 29;
      } else if (yday > 31 + 29) yday--;
    }
    if (yday < 1 || yday > 365) throw new ParseError(layout, original, '', value, ': day-of-year out of range');
    if (m === 0) {
      m = Math.floor((yday - 1) / 31) + 1;
      if ((DAYS_BEFORE[m] as number) < yday) m++;
      d = yday - (DAYS_BEFORE[m - 1] as number);
    }
    if (month >= 0 && month !== m)
      throw new ParseError(layout, original, '', value, ': day-of-year does not match month');
    month = m;
    if (day >= 0 && day !== d) throw new ParseError(layout, original, '', value, ': day-of-year does not match day');
    day = d;
  } else {
    if (month < 0) month = 1;
    if (day < 0) day = 1;
  }
  if (day < 1 || day > daysIn(month, year)) throw new ParseError(layout, original, '', value, ': day out of range');

  if (z) return goDate(year, month, day, hour, min, sec, nsec, z);
  if (zoneOffset !== -1) {
    const utc = goDate(year, month, day, hour, min, sec, nsec, GoLocation.UTC);
    const instant = unixSeconds(utc) - zoneOffset;
    const zone = zoneAt(local, instant);
    if (zone.offset === zoneOffset && (zoneName === '' || zone.abbreviation === zoneName)) {
      return new GoTime(instant, nsec, local);
    }
    return new GoTime(instant, nsec, GoLocation.fixedZone(zoneName, zoneOffset));
  }
  if (zoneName !== '') {
    const utc = goDate(year, month, day, hour, min, sec, nsec, GoLocation.UTC);
    const zone = zoneAt(local, unixSeconds(utc));
    if (zone.abbreviation === zoneName) {
      return new GoTime(unixSeconds(utc) - zone.offset, nsec, local);
    }
    let offset = 0;
    if (zoneName.length > 3 && zoneName.startsWith('GMT')) {
      const n = atoi(zoneName.slice(3));
      offset = (n === BAD ? 0 : n) * 3600;
    }
    // Go only re-labels the time (t.setLoc): the clock read as UTC stays the instant.
    return new GoTime(unixSeconds(utc), nsec, GoLocation.fixedZone(zoneName, offset));
  }
  return goDate(year, month, day, hour, min, sec, nsec, defaultLocation);
}

const UNITS: Record<string, bigint> = {
  ns: NANOSECOND,
  us: MICROSECOND,
  µs: MICROSECOND,
  μs: MICROSECOND,
  ms: MILLISECOND,
  s: SECOND,
  m: MINUTE,
  h: HOUR,
};

/** time.ParseDuration: "300ms", "-1.5h", "2h45m". Throws Go's error text. */
export function parseDuration(original: string): GoDuration {
  let s = original;
  let d = 0n;
  let neg = false;
  const invalid = () => new ExprEvalError('runtime', `time: invalid duration ${goQuote(original)}`);
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return new GoDuration(0n);
  if (s === '') throw invalid();
  const limit = 1n << 63n;
  while (s !== '') {
    if (!(s[0] === '.' || (s[0]! >= '0' && s[0]! <= '9'))) throw invalid();
    const whole = /^\d*/.exec(s)?.[0] ?? '';
    s = s.slice(whole.length);
    let v = whole === '' ? 0n : BigInt(whole);
    if (v > limit) throw invalid();
    let fraction = '';
    let post = false;
    if (s[0] === '.') {
      s = s.slice(1);
      fraction = /^\d*/.exec(s)?.[0] ?? '';
      s = s.slice(fraction.length);
      post = fraction !== '';
    }
    if (whole === '' && !post) throw invalid();
    const unitText = /^[^.0-9]*/.exec(s)?.[0] ?? '';
    if (unitText === '') throw new ExprEvalError('runtime', `time: missing unit in duration ${goQuote(original)}`);
    s = s.slice(unitText.length);
    const unit = UNITS[unitText];
    if (unit === undefined)
      throw new ExprEvalError('runtime', `time: unknown unit ${goQuote(unitText)} in duration ${goQuote(original)}`);
    if (v > limit / unit) throw invalid();
    v *= unit;
    if (fraction !== '') {
      // Go keeps at most 19 significant fraction digits and scales in float64.
      const digits = fraction.slice(0, 18);
      const f = Number(digits);
      if (f > 0) v += BigInt(Math.floor(f * (Number(unit) / 10 ** digits.length)));
      if (v > limit) throw invalid();
    }
    d += v;
    if (d > limit) throw invalid();
  }
  if (neg) return new GoDuration(-d);
  if (d > limit - 1n) throw invalid();
  return new GoDuration(d);
}
