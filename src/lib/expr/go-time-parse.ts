/**
 * Go's time.Parse / ParseInLocation and time.ParseDuration (src/time/format.go, go1.19), with the
 * same error words: what expr's `date(value[, layout[, zone]])` and `duration(text)` do.
 */
import { ExprEvalError } from './errors';
import {
  DAYS_BEFORE,
  GoDuration,
  GoLocation,
  GoTime,
  HOUR,
  MICROSECOND,
  MILLISECOND,
  MINUTE,
  NANOSECOND,
  SECOND,
  daysIn,
  goDate,
  isLeap,
  unixSeconds,
  zoneAt,
} from './go-time';
import { LONG_DAYS, LONG_MONTHS, SHORT_DAYS, SHORT_MONTHS, isDigitAt, nextStdChunk } from './go-time-format';

/** Go's quote() used in time's error messages (non-ASCII bytes as \x escapes). */
function goQuote(s: string): string {
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
