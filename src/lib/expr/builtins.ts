/**
 * Which functions each target can call, and how the console evaluates them.
 * On raystack Guardian (expr 1.12) only len/abs/int/float are builtins (plus the predicate builtins
 * and Guardian's own `Split`, a method of its environment). Any other call compiles — expr treats an
 * unknown name as an environment lookup — and then fails on every run with
 * "reflect: call of reflect.Value.Call on zero Value".
 */
import { ExprEvalError } from './errors';
import { GoDuration, GoLocation, GoTime, durationNs, loadLocation, timeIn } from './go-time';
import { parseDuration, parseTime } from './go-time-parse';
import { currentTime } from './run-context';
import type { Target } from './targets';
import {
  ANY_KEY_MAPS,
  abs,
  assertionError,
  compare,
  deepEqual,
  goFormat,
  goTypeName,
  isGoValue,
  isMap,
  isNil,
  length,
  toFloat64,
  toInt,
  toPlain,
  typeMismatch,
  typedArray,
} from './values';

type Since = '1.12' | '1.15' | 'latest';

interface BuiltinSpec {
  since: Since;
  /** [min, max] argument count, max -1 for variadic. */
  arity: [number, number];
  /** Where the latest expr takes other arguments (`now(tz)`, `date(tz, value, …)`). */
  latestArity?: [number, number];
  /** Absent when the console cannot evaluate it (time functions): running it is a clear error. */
  run?: (args: unknown[], target: Target) => unknown;
}

const str = (value: unknown, fn: string, position: number): string => {
  if (typeof value === 'string') return value;
  throw typeMismatch(`invalid argument no. ${position} for ${fn} (type ${goTypeName(value)})`);
};
const list = (value: unknown, fn: string): unknown[] => {
  if (Array.isArray(value)) return value;
  throw typeMismatch(`invalid argument for ${fn} (type ${goTypeName(value)})`);
};
const numbers = (values: unknown[], fn: string): (number | bigint)[] => {
  const flat: (number | bigint)[] = [];
  for (const v of values) {
    if (Array.isArray(v)) flat.push(...numbers(v, fn));
    else if (typeof v === 'number' || typeof v === 'bigint') flat.push(v);
    else throw typeMismatch(`invalid argument for ${fn} (type ${goTypeName(v)})`);
  }
  return flat;
};

function toJson(value: unknown, indent: string): string {
  return (
    JSON.stringify(
      value,
      (_key, v: unknown) => (typeof v === 'bigint' ? Number(v) : isGoValue(v) ? toPlain(v) : v),
      indent,
    ) ?? 'null'
  );
}

/** The layouts `date(value)` tries in turn (builtin/builtin.go at v1.15.3 and v1.17.8). */
const DATE_LAYOUTS = [
  '2006-01-02',
  '15:04:05',
  '2006-01-02 15:04:05',
  '2006-01-02T15:04:05Z07:00', // RFC3339
  '02 Jan 06 15:04 MST', // RFC822
  'Monday, 02-Jan-06 15:04:05 MST', // RFC850
  'Mon, 02 Jan 2006 15:04:05 MST', // RFC1123
];

function date(input: unknown[], target: Target): GoTime {
  let args = input;
  let zone: GoLocation | null = null;
  if (target === 'expr-latest' && args[0] instanceof GoLocation) {
    zone = args[0];
    args = args.slice(1);
    if (args.length === 0 || args.length > 3)
      throw typeMismatch(`invalid number of arguments (expected at most 3, got ${args.length})`);
  }
  const value = args[0];
  if (typeof value !== 'string') throw assertionError(value, 'string');
  if (args.length >= 2) {
    const layout = args[1];
    if (typeof layout !== 'string') throw assertionError(layout, 'string');
    if (args.length === 3) {
      const name = args[2];
      if (typeof name !== 'string') throw assertionError(name, 'string');
      const location = loadLocation(name);
      return parseTime(layout, value, location, location);
    }
    return zone ? parseTime(layout, value, zone, zone) : parseTime(layout, value, GoLocation.UTC, GoLocation.UTC);
  }
  for (const layout of DATE_LAYOUTS) {
    try {
      return zone ? parseTime(layout, value, zone, zone) : parseTime(layout, value, GoLocation.UTC, GoLocation.UTC);
    } catch {
      // try the next layout
    }
  }
  throw new ExprEvalError('runtime', `invalid date ${value}`);
}

/** expr 1.15 builtin/sort.go: elements (or their `field`) of one type, ints or strings only. */
function sortV115(items: unknown, order: unknown, field: unknown, hasField: boolean): unknown[] {
  if (!Array.isArray(items)) throw new ExprEvalError('runtime', `cannot sort ${reflectKind(items)}`);
  let desc = false;
  if (order !== undefined) desc = ascOrDesc(order);
  if (hasField && typeof field !== 'string')
    throw new ExprEvalError('runtime', `invalid argument for sort (expected string, got ${reflectType(field)})`);
  const keyed = items.map((item) => {
    let key: unknown = item;
    if (hasField && isMap(item)) {
      if (!Object.prototype.hasOwnProperty.call(item, field as string))
        throw new ExprEvalError('runtime', 'cannot deref <invalid reflect.Value>');
      key = item[field as string];
    }
    return { item, key };
  });
  let previous: string | null = null;
  for (const { key } of keyed) {
    const type = goTypeName(key);
    if (previous !== null && type !== previous)
      throw new ExprEvalError('runtime', `cannot sort array of different types (${type} and ${previous})`);
    previous = type;
  }
  for (const entry of keyed.slice(0, 2)) {
    // A Duration sorts as the int64 it is.
    if (entry.key instanceof GoDuration) entry.key = durationNs(entry.key);
    if (typeof entry.key !== 'bigint' && typeof entry.key !== 'string')
      throw new ExprEvalError('runtime', `sort: unsupported type ${reflectKind(entry.key)}`);
  }
  for (const entry of keyed) if (entry.key instanceof GoDuration) entry.key = durationNs(entry.key);
  const sign = desc ? -1 : 1;
  keyed.sort((a, b) => {
    const x = a.key as bigint | string;
    const y = b.key as bigint | string;
    return x < y ? -sign : x > y ? sign : 0;
  });
  return keyed.map((k) => k.item);
}

function ascOrDesc(order: unknown): boolean {
  if (typeof order !== 'string')
    throw new ExprEvalError('runtime', `invalid argument for sort (expected string, got ${reflectType(order)})`);
  if (order === 'desc') return true;
  if (order === 'asc') return false;
  throw new ExprEvalError(
    'runtime',
    `invalid argument for sort (expected "asc" or "desc", got ${JSON.stringify(order)})`,
  );
}

/** The latest expr's sort: any values `<` can order. */
function sortLatest(items: unknown, order: unknown): unknown[] {
  if (!Array.isArray(items)) throw new ExprEvalError('runtime', `cannot sort ${reflectKind(items)}`);
  let desc = false;
  if (order !== undefined) {
    if (order !== 'asc' && order !== 'desc')
      throw new ExprEvalError('runtime', `invalid order ${goFormat(order)}, expected asc or desc`);
    desc = order === 'desc';
  }
  const sign = desc ? -1 : 1;
  return [...items].sort((a, b) => (compare('<', a, b) ? -sign : compare('<', b, a) ? sign : 0));
}

/** reflect.Kind's name of a value, as Go prints it in these errors. */
function reflectKind(value: unknown): string {
  if (isNil(value)) return 'invalid';
  if (Array.isArray(value)) return 'slice';
  if (typeof value === 'bigint') return 'int';
  if (typeof value === 'number') return 'float64';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'string') return 'string';
  if (value instanceof GoTime) return 'struct';
  if (value instanceof GoDuration) return 'int64';
  return 'map';
}

function reflectType(value: unknown): string {
  return isNil(value) ? '%!s(<nil>)' : goTypeName(value);
}

/** strings.SplitN / SplitAfterN (n < 0: all pieces; 0: none; n > 0: at most n, the last one the rest). */
function splitN(s: string, sep: string, n: number, after: boolean): string[] {
  if (n === 0) return [];
  const pieces = sep === '' ? Array.from(s) : s.split(sep);
  const withSep = after && sep !== '' ? pieces.map((p, i) => (i < pieces.length - 1 ? p + sep : p)) : pieces;
  if (n < 0 || withSep.length <= n) return withSep;
  const head = withSep.slice(0, n - 1);
  const rest = after || sep === '' ? withSep.slice(n - 1).join('') : pieces.slice(n - 1).join(sep);
  return [...head, rest];
}

const SPECS: Record<string, BuiltinSpec> = {
  len: { since: '1.12', arity: [1, 1], run: ([v], target) => length(v, target) },
  abs: { since: '1.12', arity: [1, 1], run: ([v]) => abs(v) },
  int: { since: '1.12', arity: [1, 1], run: ([v], target) => toInt(v, target) },
  float: { since: '1.12', arity: [1, 1], run: ([v]) => toFloat64(v) },

  upper: { since: '1.15', arity: [1, 1], run: ([s]) => str(s, 'upper', 1).toUpperCase() },
  lower: { since: '1.15', arity: [1, 1], run: ([s]) => str(s, 'lower', 1).toLowerCase() },
  trim: {
    since: '1.15',
    arity: [1, 2],
    run: ([s, cutset]) => {
      const text = str(s, 'trim', 1);
      if (cutset === undefined) return text.replace(/^\s+|\s+$/gu, '');
      const cut = new Set(Array.from(str(cutset, 'trim', 2)));
      const chars = Array.from(text);
      let a = 0;
      let b = chars.length;
      while (a < b && cut.has(chars[a] as string)) a++;
      while (b > a && cut.has(chars[b - 1] as string)) b--;
      return chars.slice(a, b).join('');
    },
  },
  trimPrefix: {
    since: '1.15',
    arity: [2, 2],
    run: ([s, p]) => {
      const text = str(s, 'trimPrefix', 1);
      const prefix = str(p, 'trimPrefix', 2);
      return text.startsWith(prefix) ? text.slice(prefix.length) : text;
    },
  },
  trimSuffix: {
    since: '1.15',
    arity: [2, 2],
    run: ([s, p]) => {
      const text = str(s, 'trimSuffix', 1);
      const suffix = str(p, 'trimSuffix', 2);
      return suffix !== '' && text.endsWith(suffix) ? text.slice(0, text.length - suffix.length) : text;
    },
  },
  split: {
    since: '1.15',
    arity: [2, 3],
    run: ([s, sep, n]) =>
      typedArray(
        splitN(str(s, 'split', 1), str(sep, 'split', 2), n === undefined ? -1 : Number(toInt(n)), false),
        'string',
      ),
  },
  splitAfter: {
    since: '1.15',
    arity: [2, 3],
    run: ([s, sep, n]) =>
      typedArray(
        splitN(str(s, 'splitAfter', 1), str(sep, 'splitAfter', 2), n === undefined ? -1 : Number(toInt(n)), true),
        'string',
      ),
  },
  replace: {
    since: '1.15',
    arity: [3, 3],
    run: ([s, from, to]) =>
      str(s, 'replace', 1)
        .split(str(from, 'replace', 2))
        .join(str(to, 'replace', 3)),
  },
  repeat: {
    since: '1.15',
    arity: [2, 2],
    run: ([s, n]) => {
      const count = Number(toInt(n));
      // builtin.go: `if n > 1e6 { panic("memory budget exceeded") }`.
      if (count > 1e6) throw new ExprEvalError('runtime', 'memory budget exceeded');
      if (count < 0) throw new ExprEvalError('runtime', 'strings: negative Repeat count');
      return str(s, 'repeat', 1).repeat(count);
    },
  },
  join: {
    since: '1.15',
    arity: [1, 2],
    run: ([xs, sep]) => {
      const items = list(xs, 'join').map((item) => {
        if (typeof item !== 'string') throw assertionError(item, 'string');
        return item;
      });
      return items.join(sep === undefined ? '' : str(sep, 'join', 2));
    },
  },
  indexOf: {
    since: '1.15',
    arity: [2, 2],
    run: ([s, sub]) => runeIndex(str(s, 'indexOf', 1), str(s, 'indexOf', 1).indexOf(str(sub, 'indexOf', 2))),
  },
  lastIndexOf: {
    since: '1.15',
    arity: [2, 2],
    run: ([s, sub]) =>
      runeIndex(str(s, 'lastIndexOf', 1), str(s, 'lastIndexOf', 1).lastIndexOf(str(sub, 'lastIndexOf', 2))),
  },
  hasPrefix: {
    since: '1.15',
    arity: [2, 2],
    run: ([s, p]) => str(s, 'hasPrefix', 1).startsWith(str(p, 'hasPrefix', 2)),
  },
  hasSuffix: { since: '1.15', arity: [2, 2], run: ([s, p]) => str(s, 'hasSuffix', 1).endsWith(str(p, 'hasSuffix', 2)) },
  max: { since: '1.15', arity: [1, -1], run: (args) => extreme(orderedArgs(args, 'max'), '>') },
  min: { since: '1.15', arity: [1, -1], run: (args) => extreme(orderedArgs(args, 'min'), '<') },
  sum: {
    since: '1.15',
    arity: [1, 1],
    run: ([xs]) => {
      const values = numbers(list(xs, 'sum'), 'sum');
      if (values.every((v) => typeof v === 'bigint')) return values.reduce<bigint>((a, b) => a + (b as bigint), 0n);
      return values.reduce<number>((a, b) => a + Number(b), 0);
    },
  },
  mean: {
    since: '1.15',
    arity: [1, 1],
    run: ([xs]) => {
      const values = numbers(list(xs, 'mean'), 'mean');
      return values.length === 0 ? 0 : values.reduce<number>((a, b) => a + Number(b), 0) / values.length;
    },
  },
  median: {
    since: '1.15',
    arity: [1, 1],
    run: ([xs]) => {
      const values = numbers(list(xs, 'median'), 'median')
        .map(Number)
        .sort((a, b) => a - b);
      if (values.length === 0) return 0;
      const mid = values.length >> 1;
      return values.length % 2 ? (values[mid] as number) : ((values[mid - 1] as number) + (values[mid] as number)) / 2;
    },
  },
  first: { since: '1.15', arity: [1, 1], run: ([xs]) => (Array.isArray(xs) && xs.length > 0 ? xs[0] : null) },
  last: {
    since: '1.15',
    arity: [1, 1],
    run: ([xs]) => (Array.isArray(xs) && xs.length > 0 ? xs[xs.length - 1] : null),
  },
  get: {
    since: '1.15',
    arity: [2, 2],
    run: ([from, key]) => {
      if (isNil(from)) return null;
      if (Array.isArray(from)) {
        let i = Number(toInt(key));
        if (i < 0) i += from.length;
        return i >= 0 && i < from.length ? from[i] : null;
      }
      if (isMap(from) && typeof key === 'string')
        return Object.prototype.hasOwnProperty.call(from, key) ? from[key] : null;
      return null;
    },
  },
  keys: {
    since: '1.15',
    arity: [1, 1],
    run: ([m]) => {
      if (!isMap(m)) throw typeMismatch(`cannot get keys from ${goTypeName(m)}`);
      return Object.keys(m);
    },
  },
  values: {
    since: '1.15',
    arity: [1, 1],
    run: ([m]) => {
      if (!isMap(m)) throw typeMismatch(`cannot get values from ${goTypeName(m)}`);
      return Object.values(m);
    },
  },
  string: { since: '1.15', arity: [1, 1], run: ([v]) => goString(v) },
  type: { since: '1.15', arity: [1, 1], run: ([v]) => exprTypeName(v) },
  toJSON: { since: '1.15', arity: [1, 1], run: ([v]) => toJson(v, '  ') },
  fromJSON: {
    since: '1.15',
    arity: [1, 1],
    run: ([s]) => {
      try {
        return JSON.parse(str(s, 'fromJSON', 1)) as unknown;
      } catch (e) {
        throw new ExprEvalError('runtime', e instanceof Error ? e.message : String(e));
      }
    },
  },
  toBase64: { since: '1.15', arity: [1, 1], run: ([s]) => toBase64(str(s, 'toBase64', 1)) },
  fromBase64: { since: '1.15', arity: [1, 1], run: ([s]) => fromBase64(str(s, 'fromBase64', 1)) },
  now: {
    since: '1.15',
    arity: [0, 0],
    latestArity: [0, 1],
    run: (args) => {
      const now = currentTime();
      if (args.length === 0) return now;
      if (args[0] instanceof GoLocation) return timeIn(now, args[0]);
      throw typeMismatch(`invalid number of arguments (expected 0, got ${args.length})`);
    },
  },
  duration: {
    since: '1.15',
    arity: [1, 1],
    run: ([s]) => {
      if (typeof s !== 'string') throw assertionError(s, 'string');
      return parseDuration(s);
    },
  },
  date: { since: '1.15', arity: [1, 3], latestArity: [1, 4], run: date },
  timezone: {
    since: 'latest',
    arity: [1, 1],
    run: ([name]) => {
      if (typeof name !== 'string') throw assertionError(name, 'string');
      return loadLocation(name);
    },
  },

  ceil: { since: 'latest', arity: [1, 1], run: ([x]) => (typeof x === 'bigint' ? Number(x) : Math.ceil(toFloat64(x))) },
  floor: {
    since: 'latest',
    arity: [1, 1],
    run: ([x]) => (typeof x === 'bigint' ? Number(x) : Math.floor(toFloat64(x))),
  },
  round: { since: 'latest', arity: [1, 1], run: ([x]) => (typeof x === 'bigint' ? Number(x) : goRound(toFloat64(x))) },
  uniq: {
    since: 'latest',
    arity: [1, 1],
    run: ([xs]) => {
      const out: unknown[] = [];
      for (const item of list(xs, 'uniq')) if (!out.some((seen) => deepEqual(seen, item))) out.push(item);
      return out;
    },
  },
  concat: {
    since: 'latest',
    arity: [1, -1],
    run: (args) => args.flatMap((a) => list(a, 'concat')),
  },
  flatten: { since: 'latest', arity: [1, 1], run: ([xs]) => flattenDeep(list(xs, 'flatten')) },
  reverse: { since: 'latest', arity: [1, 1], run: ([xs]) => [...list(xs, 'reverse')].reverse() },
  sort: {
    since: '1.15',
    arity: [1, 2],
    run: ([xs, order], target) => (target === 'expr-latest' ? sortLatest(xs, order) : sortV115(xs, order, null, false)),
  },
  // expr 1.15's sortBy(xs, "field"[, order]); the latest expr parses sortBy as a closure builtin.
  sortBy: { since: '1.15', arity: [2, 3], run: ([xs, field, order]) => sortV115(xs, order, field, true) },
  take: {
    since: '1.15',
    arity: [2, 2],
    run: ([xs, n]) => list(xs, 'take').slice(0, Math.max(0, Number(toInt(n)))),
  },
  toPairs: {
    since: '1.15',
    arity: [1, 1],
    run: ([m]) => {
      if (!isMap(m)) throw new ExprEvalError('runtime', `cannot transform ${reflectKind(m)} to pairs`);
      return Object.keys(m).map((k) => [k, m[k]]);
    },
  },
  fromPairs: {
    since: '1.15',
    arity: [1, 1],
    run: ([pairs]) => {
      if (!Array.isArray(pairs)) throw new ExprEvalError('runtime', `cannot transform ${goFormat(pairs)} from pairs`);
      const out: Record<string, unknown> = {};
      ANY_KEY_MAPS.add(out);
      for (const pair of pairs) {
        if (!Array.isArray(pair)) throw new ExprEvalError('runtime', `invalid pair ${goFormat(pair)}`);
        if (pair.length !== 2) throw new ExprEvalError('runtime', `invalid pair length ${goFormat(pair)}`);
        Object.defineProperty(out, goFormat(pair[0]), {
          value: pair[1],
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    },
  },
  count: {
    // The latest expr's count(xs) without a predicate counts the `true` elements.
    since: 'latest',
    arity: [1, 1],
    run: ([xs]) => {
      let count = 0n;
      for (const item of list(xs, 'count')) {
        if (item !== true && item !== false) throw assertionError(item, 'bool');
        if (item) count++;
      }
      return count;
    },
  },
  bitand: { since: 'latest', arity: [2, 2], run: ([a, b]) => toInt(a) & toInt(b) },
  bitor: { since: 'latest', arity: [2, 2], run: ([a, b]) => toInt(a) | toInt(b) },
  bitxor: { since: 'latest', arity: [2, 2], run: ([a, b]) => toInt(a) ^ toInt(b) },
  bitnand: { since: 'latest', arity: [2, 2], run: ([a, b]) => toInt(a) & ~toInt(b) },
  bitnot: { since: 'latest', arity: [1, 1], run: ([a]) => ~toInt(a) },
  bitshl: { since: 'latest', arity: [2, 2], run: ([a, b]) => BigInt.asIntN(64, toInt(a) << toInt(b)) },
  bitshr: { since: 'latest', arity: [2, 2], run: ([a, b]) => toInt(a) >> toInt(b) },
  bitushr: {
    since: 'latest',
    arity: [2, 2],
    run: ([a, b]) => BigInt.asIntN(64, BigInt.asUintN(64, toInt(a)) >> toInt(b)),
  },
};

/**
 * Closure builtins the parser reads specially from expr 1.15 on (see grammar.ts); listed for
 * messages and completion. On expr 1.12 `find(xs, # > 1)` fails to parse: `#` outside a closure.
 */
const CLOSURE_BUILTINS: Record<string, Since> = {
  all: '1.12',
  none: '1.12',
  any: '1.12',
  one: '1.12',
  filter: '1.12',
  map: '1.12',
  count: '1.12',
  find: '1.15',
  findIndex: '1.15',
  findLast: '1.15',
  findLastIndex: '1.15',
  groupBy: '1.15',
  reduce: '1.15',
};

/** Guardian adds `Split(s, sep)` as a method of its expression environment (pkg/evaluator). */
const GUARDIAN_FUNCTIONS = ['Split'] as const;

const RANK: Record<Since, number> = { '1.12': 0, '1.15': 1, latest: 2 };
const TARGET_RANK: Record<Target, number> = { 'guardian-1.12': 0, 'guardian-1.15': 1, 'expr-latest': 2 };

export type FunctionStatus = 'builtin' | 'guardian' | 'unavailable' | 'unknown';

export function functionStatus(name: string, target: Target): FunctionStatus {
  if ((GUARDIAN_FUNCTIONS as readonly string[]).includes(name)) return 'guardian';
  const spec = Object.prototype.hasOwnProperty.call(SPECS, name) ? SPECS[name] : undefined;
  if (!spec) return hasOwn(CLOSURE_BUILTINS, name) ? 'unavailable' : 'unknown';
  return RANK[spec.since] <= TARGET_RANK[target] ? 'builtin' : 'unavailable';
}

const hasOwn = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/** The first target (in order) that has this builtin, for messages. */
export function firstTargetWith(name: string): Since | null {
  const spec = hasOwn(SPECS, name) ? SPECS[name] : undefined;
  if (spec) return spec.since;
  return hasOwn(CLOSURE_BUILTINS, name) ? (CLOSURE_BUILTINS[name] as Since) : null;
}

export function builtinArity(name: string, target: Target = 'guardian-1.12'): [number, number] | null {
  const spec = hasOwn(SPECS, name) ? SPECS[name] : undefined;
  if (!spec) return null;
  return target === 'expr-latest' && spec.latestArity ? spec.latestArity : spec.arity;
}

/** Every function name an expression can call on the target: builtins, closure builtins, Guardian's own. */
export function builtinNames(target: Target): string[] {
  const names = new Set(Object.keys(SPECS).filter((name) => functionStatus(name, target) === 'builtin'));
  for (const [name, since] of Object.entries(CLOSURE_BUILTINS)) if (RANK[since] <= TARGET_RANK[target]) names.add(name);
  if (target === 'expr-latest') names.add('sortBy').add('sum');
  return [...names].sort();
}

export type BuiltinImpl = (args: unknown[], target: Target) => unknown;

export function builtinImplementation(name: string, target: Target = 'guardian-1.12'): BuiltinImpl {
  const spec = SPECS[name];
  if (!spec) throw new Error(`not a builtin: ${name}`);
  const [min, max] = target === 'expr-latest' && spec.latestArity ? spec.latestArity : spec.arity;
  const run = spec.run;
  return (args, target) => {
    if (args.length < min || (max >= 0 && args.length > max)) {
      const expected = min === max ? String(min) : max < 0 ? `at least ${min}` : `${min} or ${max}`;
      throw typeMismatch(`invalid number of arguments for ${name} (expected ${expected}, got ${args.length})`);
    }
    if (!run)
      throw new ExprEvalError(
        'runtime',
        `\`${name}\` cannot be evaluated by the console (time and closure builtins are not simulated)`,
      );
    return run(args, target);
  };
}

/** Guardian's `Split(s, sep)`, called through reflection: arguments must be exactly two strings. */
export function guardianSplit(args: unknown[]): string[] {
  if (args.length < 2) throw typeMismatch('reflect: Call with too few input arguments');
  if (args.length > 2) throw typeMismatch('reflect: Call with too many input arguments');
  for (const arg of args) {
    if (typeof arg !== 'string') {
      throw typeMismatch(`reflect: Call using ${isNil(arg) ? 'interface {}' : goTypeName(arg)} as type string`);
    }
  }
  return typedArray(goSplit(args[0] as string, args[1] as string), 'string');
}

/** strings.Split: an empty separator splits after each UTF-8 sequence (each character). */
function goSplit(s: string, sep: string): string[] {
  if (sep === '') return Array.from(s);
  return s.split(sep);
}

function runeIndex(s: string, utf16Index: number): bigint {
  return utf16Index < 0 ? -1n : BigInt(Array.from(s.slice(0, utf16Index)).length);
}

/** max/min compare with runtime.Less: numbers, or durations and times among themselves. */
function orderedArgs(args: unknown[], fn: string): unknown[] {
  if (args.length > 0 && args.every((a) => a instanceof GoDuration || a instanceof GoTime)) return args;
  return numbers(args, fn);
}

function extreme(values: unknown[], op: '<' | '>'): unknown {
  let best: unknown;
  for (const v of values) if (best === undefined || compare(op, v, best)) best = v;
  return best ?? null;
}

function flattenDeep(items: unknown[]): unknown[] {
  return items.flatMap((item) => (Array.isArray(item) ? flattenDeep(item) : [item]));
}

function goRound(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

function goString(value: unknown): string {
  if (isNil(value)) return '<nil>';
  if (isGoValue(value)) return goFormat(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return String(value);
  return toJson(value, '');
}

function exprTypeName(value: unknown): string {
  if (isNil(value)) return 'nil';
  if (isGoValue(value)) return goTypeName(value).replace(/^\*/, '');
  if (typeof value === 'bigint') return 'int';
  if (typeof value === 'number') return 'float';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'string') return 'string';
  return Array.isArray(value) ? 'array' : 'map';
}

function toBase64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): string {
  try {
    const binary = atob(text);
    return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    throw new ExprEvalError('runtime', `illegal base64 data: ${text}`);
  }
}
