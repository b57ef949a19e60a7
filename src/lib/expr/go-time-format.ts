/**
 * Go's time layouts (src/time/format.go, go1.19; the rules have not changed since): the layout
 * elements ("2006", "Jan", "Z07:00", ".999"…), Time.Format, Time.String and Duration.String.
 */
import {
  MICROSECOND,
  MILLISECOND,
  SECOND,
  civil,
  durationNs,
  nanosecondOf,
  type GoDuration,
  type GoTime,
} from './go-time';

export const LONG_MONTHS = [
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
export const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const SHORT_MONTHS = LONG_MONTHS.map((m) => m.slice(0, 3));
export const SHORT_DAYS = LONG_DAYS.map((d) => d.slice(0, 3));

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

export interface Chunk {
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
export const isDigitAt = (s: string, i: number) => i < s.length && s[i]! >= '0' && s[i]! <= '9';

/** Go's nextStdChunk: the first layout element in `layout`, with the text before and after it. */
export function nextStdChunk(layout: string): Chunk {
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

function pad(value: number, width: number): string {
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
        out += formatNano(nanosecondOf(t), chunk.digits ?? 0, chunk.separator ?? '.', chunk.std === 'FracSecond9');
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
  let u = durationNs(d) < 0n ? -durationNs(d) : durationNs(d);
  const neg = durationNs(d) < 0n;
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
