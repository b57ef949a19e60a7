/**
 * Go values as the evaluator holds them, and expr's runtime operations on them
 * (vm/runtime/runtime.go and the generated helpers of expr v1.12):
 *   nil → null (undefined from the environment counts as nil), Go int → bigint, float64 → number,
 *   string, bool, []interface{} → array, map[string]interface{} → plain object.
 * Guardian's environment is JSON, so every number it holds is a float64, exactly like a JS number.
 */
import { ExprEvalError } from './errors';
import { goMethod } from './go-methods';
import {
  GoDuration,
  GoLocation,
  GoNamedInt,
  GoTime,
  durationNs,
  locationName,
  timeAdd,
  timeCompare,
  timeSub,
} from './go-time';
import { durationString, timeJson, timeString } from './go-time-format';
import { chargeMemory } from './run-context';
import type { Target } from './targets';

/** Arrays that Go would type more narrowly than []interface{} (ranges are []int, Split gives []string). */
const elementTypes = new WeakMap<unknown[], 'int' | 'string'>();

export function typedArray<T>(items: T[], elementType: 'int' | 'string'): T[] {
  elementTypes.set(items, elementType);
  return items;
}

function elementTypeOf(items: unknown[]): 'int' | 'string' | undefined {
  return elementTypes.get(items);
}

const INT64_MIN = -9223372036854775808n;
const INT64_MAX = 9223372036854775807n;

const hasOwn = Object.prototype.hasOwnProperty;

export function isNil(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

/** Go values that are not JSON-like: time.Time, time.Duration, *time.Location and named ints (time.Month). */
export function isGoValue(value: unknown): value is GoTime | GoDuration | GoLocation | GoNamedInt {
  return (
    value instanceof GoTime || value instanceof GoDuration || value instanceof GoLocation || value instanceof GoNamedInt
  );
}

export function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isGoValue(value);
}

/**
 * Maps built by groupBy have keys of any type (Go map[any][]any); the console keys them by their
 * printed form, so `groupBy(xs, # % 2)[1]` finds the group of 1 (and the group of "1" is the same one).
 */
export const ANY_KEY_MAPS = new WeakSet<object>();

/** Go's %T for a value. */
export function goTypeName(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  switch (typeof value) {
    case 'bigint':
      return 'int';
    case 'number':
      return 'float64';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'function':
      return 'func(string, string) []string';
    default:
      if (value instanceof GoTime) return 'time.Time';
      if (value instanceof GoDuration) return 'time.Duration';
      if (value instanceof GoLocation) return '*time.Location';
      if (value instanceof GoNamedInt) return value.goType;
      if (Array.isArray(value)) {
        const elementType = elementTypeOf(value);
        return elementType ? `[]${elementType}` : '[]interface {}';
      }
      return 'map[string]interface {}';
  }
}

/** Go's %v for scalars, used inside error messages. */
export function goFormat(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(goFormat).join(' ')}]`;
  if (value instanceof GoTime) return timeString(value);
  if (value instanceof GoDuration) return durationString(value);
  if (value instanceof GoLocation) return locationName(value);
  if (value instanceof GoNamedInt) return value.text;
  return `map[${Object.keys(value as object)
    .sort()
    .map((k) => `${k}:${goFormat((value as Record<string, unknown>)[k])}`)
    .join(' ')}]`;
}

export function typeMismatch(message: string): ExprEvalError {
  return new ExprEvalError('type-mismatch', message);
}

/** The panic of a Go type assertion `value.(T)` that fails. */
export function assertionError(value: unknown, want: string): ExprEvalError {
  return typeMismatch(`interface conversion: interface {} is ${isNil(value) ? 'nil' : goTypeName(value)}, not ${want}`);
}

function wrapInt(value: bigint): bigint {
  return value >= INT64_MIN && value <= INT64_MAX ? value : BigInt.asIntN(64, value);
}

function isNumber(value: unknown): value is number | bigint {
  return typeof value === 'number' || typeof value === 'bigint';
}

export function equal(a: unknown, b: unknown, target: Target): boolean {
  if (isNumber(a) && isNumber(b)) {
    if (typeof a === 'bigint' && typeof b === 'bigint') return a === b;
    return Number(a) === Number(b);
  }
  if (typeof a === 'string' && typeof b === 'string') return a === b;
  if (isNil(a) && isNil(b)) return true;
  if (a instanceof GoTime && b instanceof GoTime) return timeCompare(a, b) === 0;
  if (target === 'expr-latest' && Array.isArray(a) && Array.isArray(b)) return latestArrayEqual(a, b, target);
  return deepEqual(a, b);
}

function latestArrayEqual(a: unknown[], b: unknown[], target: Target): boolean {
  const ta = elementTypeOf(a);
  const tb = elementTypeOf(b);
  if (ta !== undefined && tb !== undefined && ta !== tb) return false;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!equal(a[i], b[i], target)) return false;
  return true;
}

/** reflect.DeepEqual over Go values: types must match exactly (int 1 is not float64 1). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (isNil(a) || isNil(b)) return isNil(a) && isNil(b);
  if (typeof a !== typeof b) return false;
  if (typeof a !== 'object') return a === b;
  if (isGoValue(a) || isGoValue(b)) return goValueDeepEqual(a, b);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    if (elementTypeOf(a) !== elementTypeOf(b)) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  for (const key of ka) {
    if (!hasOwn.call(b, key)) return false;
    if (!deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** reflect.DeepEqual on Go values: same type and same fields (a time's zone counts). */
function goValueDeepEqual(a: unknown, b: unknown): boolean {
  if (a instanceof GoDuration && b instanceof GoDuration) return durationNs(a) === durationNs(b);
  if (a instanceof GoTime && b instanceof GoTime) return timeCompare(a, b) === 0 && timeString(a) === timeString(b);
  if (a instanceof GoLocation && b instanceof GoLocation) return a === b;
  if (a instanceof GoNamedInt && b instanceof GoNamedInt) return a.goType === b.goType && a.value === b.value;
  return false;
}

export type Comparison = '<' | '>' | '<=' | '>=';

function ordered(op: Comparison, order: number): boolean {
  return op === '<' ? order < 0 : op === '>' ? order > 0 : op === '<=' ? order <= 0 : order >= 0;
}

export function compare(op: Comparison, a: unknown, b: unknown): boolean {
  if (isNumber(a) && isNumber(b)) {
    const x = typeof a === 'bigint' && typeof b === 'bigint' ? a : Number(a);
    const y = typeof a === 'bigint' && typeof b === 'bigint' ? b : Number(b);
    return op === '<' ? x < y : op === '>' ? x > y : op === '<=' ? x <= y : x >= y;
  }
  if (typeof a === 'string' && typeof b === 'string') {
    return op === '<' ? a < b : op === '>' ? a > b : op === '<=' ? a <= b : a >= b;
  }
  if (a instanceof GoTime && b instanceof GoTime) return ordered(op, timeCompare(a, b));
  if (a instanceof GoDuration && b instanceof GoDuration) {
    const x = durationNs(a);
    const y = durationNs(b);
    return ordered(op, x < y ? -1 : x > y ? 1 : 0);
  }
  throw typeMismatch(`invalid operation: ${goTypeName(a)} ${op} ${goTypeName(b)}`);
}

export function add(a: unknown, b: unknown): unknown {
  if (typeof a === 'bigint' && typeof b === 'bigint') return wrapInt(a + b);
  if (isNumber(a) && isNumber(b)) return Number(a) + Number(b);
  if (typeof a === 'string' && typeof b === 'string') return a + b;
  if (a instanceof GoTime && b instanceof GoDuration) return timeAdd(a, b);
  if (a instanceof GoDuration && b instanceof GoTime) return timeAdd(b, a);
  if (a instanceof GoDuration && b instanceof GoDuration) return new GoDuration(durationNs(a) + durationNs(b));
  throw typeMismatch(`invalid operation: ${goTypeName(a)} + ${goTypeName(b)}`);
}

export function subtract(a: unknown, b: unknown): unknown {
  if (typeof a === 'bigint' && typeof b === 'bigint') return wrapInt(a - b);
  if (isNumber(a) && isNumber(b)) return Number(a) - Number(b);
  if (a instanceof GoTime) {
    if (b instanceof GoTime) return timeSub(a, b);
    if (b instanceof GoDuration) return timeAdd(a, new GoDuration(-durationNs(b)));
  }
  if (a instanceof GoDuration && b instanceof GoDuration) return new GoDuration(durationNs(a) - durationNs(b));
  throw typeMismatch(`invalid operation: ${goTypeName(a)} - ${goTypeName(b)}`);
}

export function multiply(a: unknown, b: unknown): unknown {
  if (typeof a === 'bigint' && typeof b === 'bigint') return wrapInt(a * b);
  if (isNumber(a) && isNumber(b)) return Number(a) * Number(b);
  // A Duration is an int64: times an int it stays a Duration, times a float it becomes a float64 of nanoseconds.
  if (a instanceof GoDuration || b instanceof GoDuration) {
    const x = a instanceof GoDuration ? durationNs(a) : a;
    const y = b instanceof GoDuration ? durationNs(b) : b;
    if (typeof x === 'bigint' && typeof y === 'bigint') return new GoDuration(x * y);
    if (isNumber(x) && isNumber(y)) return Number(x) * Number(y);
  }
  throw typeMismatch(`invalid operation: ${goTypeName(a)} * ${goTypeName(b)}`);
}

/** `/` is always float division in expr, `1 / 0` is +Inf. */
export function divide(a: unknown, b: unknown): number {
  if (isNumber(a) && isNumber(b)) return Number(a) / Number(b);
  throw typeMismatch(`invalid operation: ${goTypeName(a)} / ${goTypeName(b)}`);
}

/** `%` takes Go ints only; the sign follows the dividend (`-7 % 3` is -1). */
export function modulo(a: unknown, b: unknown): bigint {
  if (typeof a === 'bigint' && typeof b === 'bigint') {
    if (b === 0n) throw new ExprEvalError('runtime', 'runtime error: integer divide by zero');
    return a % b;
  }
  throw typeMismatch(`invalid operation: ${goTypeName(a)} % ${goTypeName(b)}`);
}

export function exponent(a: unknown, b: unknown): number {
  return Math.pow(toFloat64(a), toFloat64(b));
}

export function negate(value: unknown): unknown {
  if (typeof value === 'bigint') return wrapInt(-value);
  if (typeof value === 'number') return -value;
  throw typeMismatch(`invalid operation: - ${goTypeName(value)}`);
}

/** runtime.ToInt: numbers convert (floats truncate), strings go through strconv.Atoi. */
export function toInt(value: unknown, target?: Target): bigint {
  if (typeof value === 'bigint') return value;
  // The latest expr's int() takes a Duration's nanoseconds; expr 1.15's refuses it.
  if (value instanceof GoDuration && target === 'expr-latest') return durationNs(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return INT64_MIN;
    return wrapInt(BigInt(Math.trunc(value)));
  }
  if (typeof value === 'string') {
    if (/^[+-]?\d+$/.test(value)) {
      const parsed = BigInt(value);
      if (parsed >= INT64_MIN && parsed <= INT64_MAX) return parsed;
    }
    throw typeMismatch(`invalid operation: int(${value})`);
  }
  throw typeMismatch(`invalid operation: int(${goTypeName(value)})`);
}

const GO_FLOAT = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf|infinity|nan)$/i;

/** runtime.ToFloat64: numbers convert, strings go through strconv.ParseFloat. */
export function toFloat64(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string') {
    if (GO_FLOAT.test(value)) {
      const lower = value.toLowerCase().replace(/^[+-]/, '');
      const negative = value.startsWith('-');
      if (lower === 'nan') return NaN;
      if (lower === 'inf' || lower === 'infinity') return negative ? -Infinity : Infinity;
      const parsed = Number(value);
      if (Number.isFinite(parsed)) return parsed;
    }
    throw typeMismatch(`invalid operation: float(${value})`);
  }
  throw typeMismatch(`invalid operation: float(${goTypeName(value)})`);
}

const encoder = new TextEncoder();

function utf8Length(value: string): number {
  let ascii = true;
  for (let i = 0; i < value.length; i++) {
    if (value.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  return ascii ? value.length : encoder.encode(value).length;
}

/** `len`: bytes of a string on expr 1.12 and 1.15, characters (runes) on the latest expr. */
export function length(value: unknown, target: Target): bigint {
  if (typeof value === 'string') {
    return BigInt(target === 'expr-latest' ? Array.from(value).length : utf8Length(value));
  }
  if (Array.isArray(value)) return BigInt(value.length);
  if (isMap(value)) return BigInt(Object.keys(value).length);
  throw typeMismatch(`invalid argument for len (type ${goTypeName(value)})`);
}

export function abs(value: unknown): unknown {
  if (typeof value === 'bigint') return value < 0n ? wrapInt(-value) : value;
  if (typeof value === 'number') return value < 0 ? -value : value;
  throw typeMismatch(`invalid argument for abs (type ${goTypeName(value)})`);
}

function stringBytes(value: string): Uint8Array {
  return encoder.encode(value);
}

/** runtime.Fetch: `from[key]` / `from.key`, with expr's nil and negative-index rules. */
export function fetch(from: unknown, key: unknown): unknown {
  if (from === null || from === undefined) {
    throw new ExprEvalError('nil-member', `cannot fetch ${goFormat(key)} from <nil>`);
  }
  if (Array.isArray(from)) return fetchIndex(from, from.length, key, (i) => from[i]);
  if (typeof from === 'string') {
    const bytes = stringBytes(from);
    return fetchIndex(from, bytes.length, key, (i) => BigInt(bytes[i] ?? 0));
  }
  if (isGoValue(from)) return goMember(from, key);
  if (typeof from === 'object') {
    if (typeof key === 'string') {
      if (!hasOwn.call(from, key)) return null;
      const value = (from as Record<string, unknown>)[key];
      return value === undefined ? null : value;
    }
    if (ANY_KEY_MAPS.has(from)) {
      const printed = goFormat(key);
      return hasOwn.call(from, printed) ? ((from as Record<string, unknown>)[printed] ?? null) : null;
    }
    if (key === null || key === undefined) {
      const value = (from as Record<string, unknown>)[''];
      return hasOwn.call(from, '') && value !== undefined ? value : null;
    }
    throw typeMismatch(`reflect.Value.MapIndex: value of type ${goTypeName(key)} is not assignable to type string`);
  }
  throw typeMismatch(`cannot fetch ${goFormat(key)} from ${goTypeName(from)}`);
}

function fetchIndex(from: unknown, size: number, key: unknown, at: (index: number) => unknown): unknown {
  let index = Number(toInt(key));
  if (index < 0) index += size;
  if (index < 0 || index >= size) {
    throw new ExprEvalError(
      'index-out-of-range',
      `reflect: ${typeof from === 'string' ? 'string' : 'slice'} index out of range`,
    );
  }
  const value = at(index);
  return value === undefined ? null : value;
}

/** runtime.Slice: `a[from:to]` with negative bounds counted from the end and `to` clamped. */
export function slice(value: unknown, fromValue: unknown, toValue: unknown): unknown {
  const isString = typeof value === 'string';
  if (!Array.isArray(value) && !isString) throw typeMismatch(`cannot slice ${goFormat(fromValue)}`);
  const bytes = isString ? stringBytes(value) : null;
  const size = bytes ? bytes.length : (value as unknown[]).length;
  let from = Number(toInt(fromValue));
  let to = Number(toInt(toValue));
  if (from < 0) from += size;
  if (to < 0) to += size;
  if (to > size) to = size;
  if (from > to) from = to;
  if (from < 0 || to < 0)
    throw new ExprEvalError('index-out-of-range', 'reflect.Value.Slice: slice index out of bounds');
  if (bytes) {
    const part = bytes.subarray(from, to);
    const text = new TextDecoder('utf-8', { fatal: false }).decode(part);
    return text;
  }
  const result = (value as unknown[]).slice(from, to);
  const elementType = elementTypeOf(value as unknown[]);
  return elementType ? typedArray(result, elementType) : result;
}

/** runtime.In: membership in an array (by expr equality) or among a map's keys. */
export function contains(needle: unknown, haystack: unknown, target: Target): boolean {
  if (haystack === null || haystack === undefined) return false;
  if (Array.isArray(haystack)) {
    for (const item of haystack) if (equal(item, needle, target)) return true;
    return false;
  }
  if (isMap(haystack)) {
    if (needle === null || needle === undefined) return hasOwn.call(haystack, '');
    if (typeof needle === 'string') return hasOwn.call(haystack, needle);
    throw typeMismatch(`reflect.Value.MapIndex: value of type ${goTypeName(needle)} is not assignable to type string`);
  }
  throw typeMismatch(`operator "in"" not defined on ${goTypeName(haystack)}`);
}

export function makeRange(fromValue: unknown, toValue: unknown): bigint[] {
  const from = toInt(fromValue);
  const to = toInt(toValue);
  const size = to - from + 1n;
  if (size >= 1_000_000n) throw new ExprEvalError('runtime', 'memory budget exceeded');
  if (size > 0n) chargeMemory(Number(size));
  const result: bigint[] = [];
  for (let i = from; i <= to; i++) result.push(i);
  return typedArray(result, 'int');
}

/** Converts evaluator values to plain JS for callers: Go ints become numbers. Returns the same object when nothing changes. */
export function toPlain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value === undefined) return null;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      const plain = toPlain(item);
      if (plain !== item && copy === null) copy = value.slice(0, i);
      if (copy) copy.push(plain);
    }
    return copy ?? value;
  }
  if (isGoValue(value)) return goValuePlain(value);
  let copy: Record<string, unknown> | null = null;
  const entries = Object.keys(value);
  for (let i = 0; i < entries.length; i++) {
    const key = entries[i] as string;
    const item = (value as Record<string, unknown>)[key];
    const plain = toPlain(item);
    if (plain !== item && copy === null) {
      copy = {};
      for (let j = 0; j < i; j++) copy[entries[j] as string] = (value as Record<string, unknown>)[entries[j] as string];
    }
    if (copy) copy[key] = plain;
  }
  return copy ?? value;
}

/** Go values as JSON would carry them: a time as RFC 3339, a Duration as nanoseconds, a Month as its number. */
function goValuePlain(value: GoTime | GoDuration | GoLocation | GoNamedInt): unknown {
  if (value instanceof GoTime) return timeJson(value);
  if (value instanceof GoDuration) return Number(durationNs(value));
  if (value instanceof GoLocation) return locationName(value);
  return Number(value.value);
}

/** `t.Year` and friends: a method value, or Go's "has no field" when the type has no such method. */
export function goMember(value: GoTime | GoDuration | GoLocation | GoNamedInt, key: unknown): unknown {
  return goMethod(value, String(key));
}
