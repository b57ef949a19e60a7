/**
 * Methods of the Go values expr's time builtins return, as an expression calls them:
 * `(now() - date($appeal.created_at)).Hours() > 24`, `date(x).Year()`, `d.Format("2006-01-02")`.
 * The common methods of time.Time, time.Duration and time.Month/Weekday; any other name is
 * Go's "has no field or method" error (expr's checker reports it before running when it knows the type).
 */
import { ExprEvalError } from './errors';
import {
  GoDuration,
  GoLocation,
  GoNamedInt,
  GoTime,
  HOUR,
  MICROSECOND,
  MILLISECOND,
  MINUTE,
  SECOND,
  civil,
  durationNs,
  goDate,
  locationName,
  locationOf,
  nanosecondOf,
  timeAdd,
  timeCompare,
  timeIn,
  timeSub,
  timeTruncate,
  unixSeconds,
} from './go-time';
import { durationString, formatTime, monthName, timeString, weekdayName } from './go-time-format';

/** The kinds of Go values methods take and give, for the checker. */
export type GoKind = 'int' | 'float' | 'string' | 'bool' | 'time' | 'duration' | 'location' | 'named';

interface Method<R> {
  params: GoKind[];
  result: GoKind;
  run: (receiver: R, args: unknown[]) => unknown;
}

const month = (t: GoTime) => {
  const m = civil(t).month;
  return new GoNamedInt('time.Month', BigInt(m), monthName(m));
};
const weekday = (t: GoTime) => {
  const d = civil(t).weekday;
  return new GoNamedInt('time.Weekday', BigInt(d), weekdayName(d));
};

const duration = (value: unknown, method: string): GoDuration => {
  if (value instanceof GoDuration) return value;
  throw argumentError(value, 'time.Duration', method);
};
const time = (value: unknown, method: string): GoTime => {
  if (value instanceof GoTime) return value;
  throw argumentError(value, 'time.Time', method);
};
const int = (value: unknown, method: string): number => {
  if (typeof value === 'bigint') return Number(value);
  throw argumentError(value, 'int', method);
};

/**
 * expr calls a method with its arguments asserted to the parameter types; an int literal was
 * converted to the int64 a Duration is (checker.go), so that is what the assertion names.
 */
function argumentError(value: unknown, want: string, _method: string): ExprEvalError {
  const got = value === null || value === undefined ? 'nil' : typeof value === 'bigint' ? 'int64' : goTypeOf(value);
  return new ExprEvalError('type-mismatch', `interface conversion: interface {} is ${got}, not ${want}`);
}

function goTypeOf(value: unknown): string {
  if (value instanceof GoTime) return 'time.Time';
  if (value instanceof GoDuration) return 'time.Duration';
  if (typeof value === 'bigint') return 'int';
  if (typeof value === 'number') return 'float64';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  return Array.isArray(value) ? '[]interface {}' : 'map[string]interface {}';
}

const floatOf = (ns: bigint, unit: bigint) => Number(ns / unit) + Number(ns % unit) / Number(unit);

const DURATION_METHODS: Record<string, Method<GoDuration>> = {
  Hours: { params: [], result: 'float', run: (d) => floatOf(durationNs(d), HOUR) },
  Minutes: { params: [], result: 'float', run: (d) => floatOf(durationNs(d), MINUTE) },
  Seconds: { params: [], result: 'float', run: (d) => floatOf(durationNs(d), SECOND) },
  Milliseconds: { params: [], result: 'int', run: (d) => durationNs(d) / MILLISECOND },
  Microseconds: { params: [], result: 'int', run: (d) => durationNs(d) / MICROSECOND },
  Nanoseconds: { params: [], result: 'int', run: (d) => durationNs(d) },
  String: { params: [], result: 'string', run: (d) => durationString(d) },
  Abs: {
    params: [],
    result: 'duration',
    run: (d) => {
      const ns = durationNs(d);
      return ns >= 0n ? d : ns === -(2n ** 63n) ? new GoDuration(2n ** 63n - 1n) : new GoDuration(-ns);
    },
  },
  Truncate: {
    params: ['duration'],
    result: 'duration',
    run: (d, [m]) => {
      const step = durationNs(duration(m, 'Truncate'));
      return step <= 0n ? d : new GoDuration(durationNs(d) - (durationNs(d) % step));
    },
  },
  Round: {
    params: ['duration'],
    result: 'duration',
    run: (d, [m]) => {
      const step = durationNs(duration(m, 'Round'));
      const ns = durationNs(d);
      if (step <= 0n) return d;
      let r = ns % step;
      if (ns < 0n) {
        r = -r;
        return new GoDuration(r + r < step ? ns + r : ns + r - step);
      }
      return new GoDuration(r + r < step ? ns - r : ns + step - r);
    },
  },
};

const TIME_METHODS: Record<string, Method<GoTime>> = {
  Year: { params: [], result: 'int', run: (t) => BigInt(civil(t).year) },
  Month: { params: [], result: 'named', run: month },
  Day: { params: [], result: 'int', run: (t) => BigInt(civil(t).day) },
  Hour: { params: [], result: 'int', run: (t) => BigInt(civil(t).hour) },
  Minute: { params: [], result: 'int', run: (t) => BigInt(civil(t).minute) },
  Second: { params: [], result: 'int', run: (t) => BigInt(civil(t).second) },
  Nanosecond: { params: [], result: 'int', run: (t) => BigInt(nanosecondOf(t)) },
  YearDay: { params: [], result: 'int', run: (t) => BigInt(civil(t).yearDay) },
  Weekday: { params: [], result: 'named', run: weekday },
  Unix: { params: [], result: 'int', run: (t) => BigInt(unixSeconds(t)) },
  UnixMilli: {
    params: [],
    result: 'int',
    run: (t) => BigInt(unixSeconds(t)) * 1000n + BigInt(Math.floor(nanosecondOf(t) / 1e6)),
  },
  UnixNano: { params: [], result: 'int', run: (t) => BigInt(unixSeconds(t)) * SECOND + BigInt(nanosecondOf(t)) },
  IsZero: { params: [], result: 'bool', run: (t) => unixSeconds(t) === -62135596800 && nanosecondOf(t) === 0 },
  Before: { params: ['time'], result: 'bool', run: (t, [u]) => timeCompare(t, time(u, 'Before')) < 0 },
  After: { params: ['time'], result: 'bool', run: (t, [u]) => timeCompare(t, time(u, 'After')) > 0 },
  Equal: { params: ['time'], result: 'bool', run: (t, [u]) => timeCompare(t, time(u, 'Equal')) === 0 },
  Add: { params: ['duration'], result: 'time', run: (t, [d]) => timeAdd(t, duration(d, 'Add')) },
  Sub: { params: ['time'], result: 'duration', run: (t, [u]) => timeSub(t, time(u, 'Sub')) },
  AddDate: {
    params: ['int', 'int', 'int'],
    result: 'time',
    run: (t, [y, m, d]) => {
      const c = civil(t);
      return goDate(
        c.year + int(y, 'AddDate'),
        c.month + int(m, 'AddDate'),
        c.day + int(d, 'AddDate'),
        c.hour,
        c.minute,
        c.second,
        nanosecondOf(t),
        locationOf(t),
      );
    },
  },
  Format: {
    params: ['string'],
    result: 'string',
    run: (t, [layout]) => {
      if (typeof layout !== 'string') throw argumentError(layout, 'string', 'Format');
      return formatTime(t, layout);
    },
  },
  String: { params: [], result: 'string', run: (t) => timeString(t) },
  UTC: { params: [], result: 'time', run: (t) => timeIn(t, GoLocation.UTC) },
  // The server's zone is taken as UTC (see go-time.ts).
  Local: { params: [], result: 'time', run: (t) => timeIn(t, GoLocation.UTC) },
  In: {
    params: ['location'],
    result: 'time',
    run: (t, [loc]) => {
      if (!(loc instanceof GoLocation)) throw argumentError(loc, '*time.Location', 'In');
      return timeIn(t, loc);
    },
  },
  Truncate: { params: ['duration'], result: 'time', run: (t, [d]) => timeTruncate(t, duration(d, 'Truncate'), false) },
  Round: { params: ['duration'], result: 'time', run: (t, [d]) => timeTruncate(t, duration(d, 'Round'), true) },
};

const NAMED_INT_METHODS: Record<string, Method<GoNamedInt>> = {
  String: { params: [], result: 'string', run: (n) => n.text },
};

const LOCATION_METHODS: Record<string, Method<GoLocation>> = {
  String: { params: [], result: 'string', run: (l) => locationName(l) },
};

export function methodsOf(goType: 'time' | 'duration' | 'location' | 'named'): Record<string, Method<never>> {
  switch (goType) {
    case 'time':
      return TIME_METHODS;
    case 'duration':
      return DURATION_METHODS;
    case 'location':
      return LOCATION_METHODS;
    case 'named':
      return NAMED_INT_METHODS;
  }
}

const hasOwn = Object.prototype.hasOwnProperty;

/** The method value `value.name`, called by expr with the arguments of the call. */
export function goMethod(value: GoTime | GoDuration | GoLocation | GoNamedInt, name: string): unknown {
  const [table, typeName] =
    value instanceof GoTime
      ? [TIME_METHODS, 'time.Time']
      : value instanceof GoDuration
        ? [DURATION_METHODS, 'time.Duration']
        : value instanceof GoLocation
          ? [LOCATION_METHODS, '*time.Location']
          : [NAMED_INT_METHODS, value.goType];
  const method = hasOwn.call(table, name) ? (table as Record<string, Method<unknown>>)[name] : undefined;
  if (!method) throw new ExprEvalError('type-mismatch', `type ${typeName} has no field ${name}`);
  return (args: unknown[]) => {
    if (args.length < method.params.length)
      throw new ExprEvalError('type-mismatch', 'reflect: Call with too few input arguments');
    if (args.length > method.params.length)
      throw new ExprEvalError('type-mismatch', 'reflect: Call with too many input arguments');
    return method.run(value, args);
  };
}
