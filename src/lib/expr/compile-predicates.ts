/**
 * The closure builtins (`all`, `map`, `find`, `reduce`, `sortBy`, …) as expr's compiler emits them
 * (compiler/compiler.go `BuiltinNode`, vm/vm.go OpBegin…OpEnd) per target: the element order, the
 * `#index` / `#acc` a closure reads, what an empty collection gives, and the errors' words.
 * Every loop step counts against the evaluation's step budget, so a runaway expression stops.
 */
import type { PredicateName } from './ast';
import { ExprEvalError } from './errors';
import { step, chargeMemory } from './run-context';
import type { Target } from './targets';
import { ANY_KEY_MAPS, assertionError, compare, goFormat, goTypeName, typeMismatch } from './values';

type Env = Record<string, unknown>;
export type Fn = (env: Env, it: unknown) => unknown;

/** The `#index` and `#acc` of the loop running now; a closure's named pointers read it. */
export interface PredicateFrame {
  index: bigint;
  acc: unknown;
}

/** vm OpBegin: what a closure loops over (a string loops over its bytes, nil and other values fail). */
function loopItems(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value === null || value === undefined) throw typeMismatch('reflect: call of reflect.Value.Len on zero Value');
  if (typeof value === 'string') return Array.from(new TextEncoder().encode(value), (b) => BigInt(b));
  if (typeof value === 'object') {
    if (Object.keys(value).length === 0) return [];
    throw typeMismatch('reflect: call of reflect.Value.Index on map Value');
  }
  throw typeMismatch(`reflect: call of reflect.Value.Len on ${goTypeName(value)} Value`);
}

function asBool(v: unknown): boolean {
  if (v === true || v === false) return v;
  throw assertionError(v, 'bool');
}

export function compilePredicate(
  name: PredicateName,
  collection: Fn,
  body: Fn,
  third: Fn | null,
  frame: PredicateFrame,
  target: Target,
): Fn {
  switch (name) {
    case 'all':
      return (env, it) => {
        for (const item of loopItems(collection(env, it))) {
          step();
          if (!asBool(body(env, item))) return false;
        }
        return true;
      };
    case 'none':
      return (env, it) => {
        for (const item of loopItems(collection(env, it))) {
          step();
          if (asBool(body(env, item))) return false;
        }
        return true;
      };
    case 'any':
      return (env, it) => {
        for (const item of loopItems(collection(env, it))) {
          step();
          if (asBool(body(env, item))) return true;
        }
        return false;
      };
    case 'one':
      return (env, it) => {
        let count = 0;
        for (const item of loopItems(collection(env, it))) {
          step();
          if (asBool(body(env, item))) count++;
        }
        return count === 1;
      };
    case 'count':
      return (env, it) => {
        let count = 0n;
        for (const item of loopItems(collection(env, it))) {
          step();
          if (asBool(body(env, item))) count++;
        }
        return count;
      };
    case 'filter':
      return (env, it) => {
        const out: unknown[] = [];
        for (const item of loopItems(collection(env, it))) {
          step();
          if (asBool(body(env, item))) out.push(item);
        }
        chargeMemory(out.length);
        return out;
      };
    case 'map':
      return (env, it) => {
        const items = loopItems(collection(env, it));
        const out = new Array<unknown>(items.length);
        for (let i = 0; i < items.length; i++) {
          step();
          frame.index = BigInt(i);
          out[i] = body(env, items[i]);
        }
        chargeMemory(out.length);
        return out;
      };
    case 'find':
    case 'findIndex':
    case 'findLast':
    case 'findLastIndex': {
      const backwards = name === 'findLast' || name === 'findLastIndex';
      const wantIndex = name === 'findIndex' || name === 'findLastIndex';
      // Not found is nil for all four (compiler.go emits OpNil), also for the index forms.
      return (env, it) => {
        const items = loopItems(collection(env, it));
        for (let k = 0; k < items.length; k++) {
          step();
          const i = backwards ? items.length - 1 - k : k;
          if (asBool(body(env, items[i]))) return wantIndex ? BigInt(i) : items[i];
        }
        return null;
      };
    }
    case 'groupBy':
      return (env, it) => {
        const out: Record<string, unknown[]> = {};
        ANY_KEY_MAPS.add(out);
        for (const item of loopItems(collection(env, it))) {
          step();
          const key = goFormat(body(env, item));
          if (Object.prototype.hasOwnProperty.call(out, key)) (out[key] as unknown[]).push(item);
          else Object.defineProperty(out, key, { value: [item], enumerable: true, writable: true, configurable: true });
        }
        return out;
      };
    case 'reduce':
      return (env, it) => {
        const items = loopItems(collection(env, it));
        let start = 0;
        if (third) {
          frame.acc = third(env, it);
        } else {
          if (items.length === 0) {
            throw new ExprEvalError(
              'index-out-of-range',
              target === 'expr-latest'
                ? 'reduce of empty array with no initial value'
                : 'reflect: slice index out of range',
            );
          }
          frame.acc = items[0];
          start = 1;
        }
        for (let i = start; i < items.length; i++) {
          step();
          frame.index = BigInt(i);
          frame.acc = body(env, items[i]);
        }
        return frame.acc === undefined ? null : frame.acc;
      };
    case 'sum':
      // The latest expr only: sum(xs, predicate) adds what the predicate gives for each element.
      return (env, it) => {
        let total: unknown = 0n;
        for (const item of loopItems(collection(env, it))) {
          step();
          const v = body(env, item);
          total = addNumbers(total, v);
        }
        return total;
      };
    case 'sortBy':
      // The latest expr only: sortBy(xs, key[, "asc" | "desc"]), keys compared with `<`.
      return (env, it) => {
        const items = loopItems(collection(env, it));
        const order = third ? third(env, it) : 'asc';
        if (typeof order !== 'string') throw new ExprEvalError('runtime', 'sortBy order argument must be a string');
        if (order !== 'asc' && order !== 'desc') throw new ExprEvalError('runtime', 'unknown order, use asc or desc');
        const keyed = items.map((item) => {
          step();
          return { item, key: body(env, item) };
        });
        const sign = order === 'desc' ? -1 : 1;
        keyed.sort((a, b) => (compare('<', a.key, b.key) ? -sign : compare('<', b.key, a.key) ? sign : 0));
        chargeMemory(keyed.length);
        return keyed.map((k) => k.item);
      };
  }
}

function addNumbers(total: unknown, v: unknown): unknown {
  if (typeof total === 'bigint' && typeof v === 'bigint') return BigInt.asIntN(64, total + v);
  if ((typeof total === 'bigint' || typeof total === 'number') && (typeof v === 'bigint' || typeof v === 'number'))
    return Number(total) + Number(v);
  throw typeMismatch(`invalid operation: ${goTypeName(total)} + ${goTypeName(v)}`);
}
