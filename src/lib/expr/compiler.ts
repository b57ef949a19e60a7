/**
 * Turns an AST into a tree of JS closures that behave like expr's compiled bytecode: the same
 * evaluation order, the same type assertions (a non-bool before `&&` fails), the same
 * short-circuits, and the same optimizations where they change results (a literal list of strings
 * after `in` becomes a set). Everything that can be decided once is decided here, so a run walks
 * no AST and allocates only what the expression itself builds.
 */
import {
  walk,
  type BinaryNode,
  type BuiltinNode,
  type CallNode,
  type ExprNode,
  type LetNode,
  type MemberNode,
} from './ast';
import { builtinImplementation, functionStatus, guardianSplit } from './builtins';
import { compilePredicate, type PredicateFrame } from './compile-predicates';
import { ExprEvalError } from './errors';
import { GoNamedInt } from './go-time';
import { chargeMemory } from './run-context';
import { compileGoRegex } from './regex';
import type { Target } from './targets';
import { instrument, type TraceHooks } from './trace-hooks';
import {
  add,
  assertionError,
  compare,
  contains,
  divide,
  equal,
  exponent,
  fetch,
  goMember,
  goTypeName,
  isGoValue,
  length,
  makeRange,
  modulo,
  multiply,
  negate,
  slice,
  subtract,
  typeMismatch,
} from './values';

export type Env = Record<string, unknown>;
type Fn = (env: Env, it: unknown) => unknown;

/** Marks "a `?.` met nil": every member on the chain passes it on, the chain turns it into nil. */
const CHAIN_BREAK: unique symbol = Symbol('chainBreak');
const hasOwn = Object.prototype.hasOwnProperty;
const UNSAFE_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));

export interface CompiledProgram {
  /** `$` names Guardian requires in the environment, in the order expr lists its constants. */
  requiredParameters: string[];
  body: Fn;
  /**
   * Whether a run reads the evaluation context (`now()`, the memory and step budgets). Most policy
   * expressions (comparisons of fields) do not, and skip resetting it.
   */
  usesRunContext: boolean;
}

export function compileProgram(ast: ExprNode, target: Target, hooks?: TraceHooks): CompiledProgram {
  return {
    requiredParameters: collectParameters(ast),
    body: new Compiler(target, hooks).compile(ast),
    usesRunContext: usesRunContext(ast),
  };
}

function usesRunContext(ast: ExprNode): boolean {
  let uses = false;
  const lookupSets = new Set<ExprNode>();
  walk(ast, (node) => {
    if (isStringSetMembership(node)) lookupSets.add((node as BinaryNode).right);
    if (
      node.type === 'Builtin' ||
      node.type === 'Call' ||
      node.type === 'Map' ||
      (node.type === 'Array' && !lookupSets.has(node)) ||
      (node.type === 'Binary' && node.operator === '..')
    )
      uses = true;
  });
  return uses;
}

/** `x in ["a", "b"]`: expr compiles the list into a lookup set (no array is built at run time). */
function isStringSetMembership(node: ExprNode): boolean {
  return (
    node.type === 'Binary' &&
    node.operator === 'in' &&
    node.right.type === 'Array' &&
    node.right.elements.length > 0 &&
    node.right.elements.every((e) => e.type === 'String')
  );
}

/** A `let` variable: its value is stored when the declaration runs and read by the body. */
interface Slot {
  value: unknown;
}

class Compiler {
  /** `let` names in scope, innermost last. */
  private readonly variables: { name: string; slot: Slot }[] = [];
  /** The innermost closure builtin's loop state, for `#index` and `#acc`. */
  private readonly frames: PredicateFrame[] = [];

  constructor(
    private readonly target: Target,
    private readonly hooks?: TraceHooks,
  ) {}

  /** Without hooks the closures are exactly the untraced ones: tracing costs nothing when unused. */
  compile(node: ExprNode, inChain = false): Fn {
    const fn = this.compileNode(node, inChain);
    return this.hooks ? instrument(fn, node, this.hooks, CHAIN_BREAK) : fn;
  }

  private compileNode(node: ExprNode, inChain: boolean): Fn {
    switch (node.type) {
      case 'Nil':
        return () => null;
      case 'Bool': {
        const value = node.value;
        return () => value;
      }
      case 'Integer': {
        const value = node.big ?? BigInt(node.value);
        return () => value;
      }
      case 'Float':
      case 'String': {
        const value = node.value;
        return () => value;
      }
      case 'Identifier':
        return this.identifier(node.name);
      case 'Pointer': {
        if (node.name === undefined || node.name === '') return (_env, it) => it;
        const frame = this.frames[this.frames.length - 1];
        if (!frame) throw new Error(`#${node.name} outside a closure`);
        if (node.name === 'index') return () => frame.index;
        return () => (frame.acc === undefined ? null : frame.acc);
      }
      case 'Let':
        return this.let(node);
      case 'Unary':
        return this.unary(node.operator, this.compile(node.operand));
      case 'Binary':
        return this.binary(node);
      case 'Member':
        return this.member(node, inChain);
      case 'Chain': {
        const inner = this.compile(node.node, true);
        return (env, it) => {
          const value = inner(env, it);
          return value === CHAIN_BREAK ? null : value;
        };
      }
      case 'Slice':
        return this.slice(node);
      case 'Call':
        return this.call(node, inChain);
      case 'Builtin':
        return this.predicate(node);
      case 'Closure':
        return this.compile(node.body);
      case 'Conditional': {
        const test = this.compile(node.test);
        const consequent = this.compile(node.consequent);
        const alternate = this.compile(node.alternate);
        return (env, it) => {
          const c = test(env, it);
          if (c === true) return consequent(env, it);
          if (c === false) return alternate(env, it);
          throw assertionError(c, 'bool');
        };
      }
      case 'Array': {
        const elements = node.elements.map((e) => this.compile(e));
        const size = elements.length;
        return (env, it) => {
          if (size > 0) chargeMemory(size);
          const out = new Array<unknown>(elements.length);
          for (let i = 0; i < elements.length; i++) out[i] = (elements[i] as Fn)(env, it);
          return out;
        };
      }
      case 'Map': {
        const keys = node.pairs.map((p) => this.compile(p.key));
        const values = node.pairs.map((p) => this.compile(p.value));
        return (env, it) => {
          const k = keys.map((f) => f(env, it));
          const v = values.map((f) => f(env, it));
          const out: Record<string, unknown> = {};
          // expr assigns the pairs last to first, so the first of two equal keys wins.
          for (let i = k.length - 1; i >= 0; i--) {
            const key = k[i];
            if (typeof key !== 'string') throw assertionError(key, 'string');
            if (key === '__proto__')
              Object.defineProperty(out, key, { value: v[i], enumerable: true, writable: true, configurable: true });
            else out[key] = v[i];
          }
          chargeMemory(k.length);
          return out;
        };
      }
      case 'Pair':
        throw new Error('a pair is compiled by its map');
    }
  }

  private let(node: LetNode): Fn {
    const value = this.compile(node.value);
    const slot: Slot = { value: null };
    this.variables.push({ name: node.name, slot });
    const body = this.compile(node.body);
    this.variables.pop();
    return (env, it) => {
      slot.value = value(env, it);
      return body(env, it);
    };
  }

  private identifier(name: string): Fn {
    for (let i = this.variables.length - 1; i >= 0; i--) {
      const variable = this.variables[i] as { name: string; slot: Slot };
      if (variable.name === name) {
        const slot = variable.slot;
        return () => slot.value;
      }
    }
    if (UNSAFE_KEYS.has(name)) return (env) => (hasOwn.call(env, name) ? (env[name] ?? null) : null);
    if (name === 'Split') return (env) => (hasOwn.call(env, name) ? (env[name] ?? null) : guardianSplit);
    return (env) => {
      const value = env[name];
      return value === undefined ? null : value;
    };
  }

  private unary(operator: string, operand: Fn): Fn {
    switch (operator) {
      case '!':
      case 'not':
        return (env, it) => {
          const v = operand(env, it);
          if (v === true) return false;
          if (v === false) return true;
          throw assertionError(v, 'bool');
        };
      case '-':
        return (env, it) => negate(operand(env, it));
      default:
        // expr emits nothing for a unary plus, whatever the operand is.
        return operand;
    }
  }

  private member(node: MemberNode, inChain: boolean): Fn {
    const object = this.compile(node.object, inChain && (node.object.type === 'Member' || node.object.type === 'Call'));
    const optional = node.optional;
    const passBreak = inChain;
    if (node.property.type === 'String') {
      const key = node.property.value;
      const plainKey = !UNSAFE_KEYS.has(key);
      return (env, it) => {
        const o = object(env, it);
        if (passBreak && o === CHAIN_BREAK) return CHAIN_BREAK;
        if (optional && (o === null || o === undefined)) return CHAIN_BREAK;
        if (typeof o === 'object' && o !== null && !Array.isArray(o)) {
          if (plainKey) {
            const v = (o as Env)[key];
            return v === undefined ? null : v;
          }
          return hasOwn.call(o, key) ? ((o as Env)[key] ?? null) : null;
        }
        return fetch(o, key);
      };
    }
    const property = this.compile(node.property);
    return (env, it) => {
      const o = object(env, it);
      if (passBreak && o === CHAIN_BREAK) return CHAIN_BREAK;
      if (optional && (o === null || o === undefined)) return CHAIN_BREAK;
      return fetch(o, property(env, it));
    };
  }

  private slice(node: Extract<ExprNode, { type: 'Slice' }>): Fn {
    const object = this.compile(node.object);
    const from = node.from ? this.compile(node.from) : null;
    const to = node.to ? this.compile(node.to) : null;
    const target = this.target;
    return (env, it) => {
      const o = object(env, it);
      const end = to ? to(env, it) : length(o, target === 'expr-latest' ? 'guardian-1.12' : target);
      const start = from ? from(env, it) : 0n;
      return slice(o, start, end);
    };
  }

  private call(node: CallNode, inChain: boolean): Fn {
    const args = node.args.map((a) => this.compile(a));
    const evalArgs = (env: Env, it: unknown): unknown[] => {
      const out = new Array<unknown>(args.length);
      for (let i = 0; i < args.length; i++) out[i] = (args[i] as Fn)(env, it);
      return out;
    };
    const callee = node.callee;
    const target = this.target;
    if (callee.type === 'Identifier') {
      const name = callee.name;
      const status = functionStatus(name, target);
      if (status === 'builtin') {
        const impl = builtinImplementation(name, target);
        if (name === 'len' && args.length === 1) {
          const arg = args[0] as Fn;
          return (env, it) => length(arg(env, it), target);
        }
        return (env, it) => impl(evalArgs(env, it), target);
      }
      if (status === 'guardian') {
        const lookup = this.identifier(name);
        return (env, it) => {
          const values = evalArgs(env, it);
          return callValue(lookup(env, it), values);
        };
      }
      const lookup = this.identifier(name);
      return (env, it) => {
        const values = evalArgs(env, it);
        return callValue(lookup(env, it), values);
      };
    }
    if (callee.type === 'Member' && callee.property.type === 'String') {
      // `now().Hours()`: a method of a time value. Time values keep no string keys, so the member
      // lookup (as fast as before for maps) would give nil; the method is found here instead.
      const passBreak = inChain && (callee.object.type === 'Member' || callee.object.type === 'Call');
      const object = this.compile(callee.object, passBreak);
      const key = callee.property.value;
      const plainKey = !UNSAFE_KEYS.has(key);
      const optional = callee.optional;
      return (env, it) => {
        const values = evalArgs(env, it);
        const o = object(env, it);
        if (o === CHAIN_BREAK) return CHAIN_BREAK;
        if (optional && (o === null || o === undefined)) return CHAIN_BREAK;
        let f: unknown;
        if (isGoValue(o)) f = goMember(o, key);
        else if (typeof o === 'object' && o !== null && !Array.isArray(o))
          f = plainKey ? ((o as Env)[key] ?? null) : hasOwn.call(o, key) ? ((o as Env)[key] ?? null) : null;
        else f = fetch(o, key);
        return callValue(f, values);
      };
    }
    const fn = this.compile(callee, inChain);
    return (env, it) => {
      const values = evalArgs(env, it);
      const f = fn(env, it);
      if (f === CHAIN_BREAK) return CHAIN_BREAK;
      return callValue(f, values);
    };
  }

  private predicate(node: BuiltinNode): Fn {
    const collection = this.compile(node.args[0]);
    const frame: PredicateFrame = { index: 0n, acc: null };
    this.frames.push(frame);
    const body = this.compile(node.args[1].body);
    this.frames.pop();
    const third = node.args[2] ? this.compile(node.args[2]) : null;
    return compilePredicate(node.name, collection, body, third, frame, this.target);
  }

  private binary(node: BinaryNode): Fn {
    const target = this.target;
    const op = node.operator;
    if (op === '==' || op === '!=') {
      const eq = this.equality(node);
      if (op === '==') return eq;
      return (env, it) => !eq(env, it);
    }
    if (op === 'in') return this.membership(node);
    if (op === 'matches') return this.matches(node);
    const left = this.compile(node.left);
    const right = this.compile(node.right);
    switch (op) {
      case 'and':
      case '&&':
        return (env, it) => {
          const l = left(env, it);
          if (l === false) return false;
          if (l !== true) throw assertionError(l, 'bool');
          return right(env, it);
        };
      case 'or':
      case '||':
        return (env, it) => {
          const l = left(env, it);
          if (l === true) return true;
          if (l !== false) throw assertionError(l, 'bool');
          return right(env, it);
        };
      case '<':
      case '>':
      case '<=':
      case '>=':
        return (env, it) => compare(op, left(env, it), right(env, it));
      case '+':
        return (env, it) => add(left(env, it), right(env, it));
      case '-':
        return (env, it) => subtract(left(env, it), right(env, it));
      case '*':
        return (env, it) => multiply(left(env, it), right(env, it));
      case '/':
        return (env, it) => divide(left(env, it), right(env, it));
      case '%':
        return (env, it) => modulo(left(env, it), right(env, it));
      case '**':
      case '^':
        return (env, it) => exponent(left(env, it), right(env, it));
      case '..':
        return (env, it) => makeRange(left(env, it), right(env, it));
      case '??':
        return (env, it) => {
          const l = left(env, it);
          return l === null || l === undefined ? right(env, it) : l;
        };
      case 'contains':
      case 'startsWith':
      case 'endsWith':
        return (env, it) => {
          const a = left(env, it);
          const b = right(env, it);
          if (typeof a !== 'string') throw assertionError(a, 'string');
          if (typeof b !== 'string') throw assertionError(b, 'string');
          return op === 'contains' ? a.includes(b) : op === 'startsWith' ? a.startsWith(b) : a.endsWith(b);
        };
      default:
        throw new Error(`unknown operator ${op} for ${target}`);
    }
  }

  /** `==` against a literal needs no general comparison: expr's Equal reduces to identity there. */
  private equality(node: BinaryNode): Fn {
    const target = this.target;
    const literalSide = isScalarLiteral(node.right) ? node.right : isScalarLiteral(node.left) ? node.left : null;
    if (literalSide) {
      const other = this.compile(literalSide === node.right ? node.left : node.right);
      switch (literalSide.type) {
        case 'String':
        case 'Bool': {
          const value = literalSide.value;
          return (env, it) => other(env, it) === value;
        }
        case 'Nil':
          return (env, it) => {
            const v = other(env, it);
            return v === null || v === undefined;
          };
        case 'Integer':
        case 'Float': {
          const asNumber = literalSide.value;
          const asInt = literalSide.type === 'Integer' ? (literalSide.big ?? BigInt(literalSide.value)) : null;
          return (env, it) => {
            const v = other(env, it);
            if (typeof v === 'number') return v === asNumber;
            if (typeof v === 'bigint') return asInt !== null ? v === asInt : Number(v) === asNumber;
            // expr 1.15 typed `Month() == 3` as int == int (OpEqualInt): the assertion panics on a time.Month.
            if (v instanceof GoNamedInt && asInt !== null) throw assertionError(v, 'int');
            return false;
          };
        }
      }
    }
    const left = this.compile(node.left);
    const right = this.compile(node.right);
    return (env, it) => equal(left(env, it), right(env, it), target);
  }

  private membership(node: BinaryNode): Fn {
    const target = this.target;
    const needle = this.compile(node.left);
    const list = node.right;
    if (list.type === 'Array' && list.elements.length > 0 && list.elements.every((e) => e.type === 'String')) {
      const values = new Set(list.elements.map((e) => (e as { value: string }).value));
      if (target !== 'expr-latest') {
        // expr 1.12/1.15 turn the list into a Go map[string]struct{} and look the needle up as a key:
        // nil looks up "", any non-string needle makes reflect panic.
        return (env, it) => {
          const v = needle(env, it);
          if (typeof v === 'string') return values.has(v);
          if (v === null || v === undefined) return values.has('');
          throw typeMismatch(`reflect.Value.MapIndex: value of type ${goTypeName(v)} is not assignable to type string`);
        };
      }
      return (env, it) => {
        const v = needle(env, it);
        return typeof v === 'string' && values.has(v);
      };
    }
    const haystack = this.compile(list);
    return (env, it) => {
      const v = needle(env, it);
      return contains(v, haystack(env, it), target);
    };
  }

  private matches(node: BinaryNode): Fn {
    const left = this.compile(node.left);
    if (node.right.type === 'String') {
      const compiled = compileGoRegex(node.right.value, this.target);
      if (!compiled.ok) {
        const error = new ExprEvalError(compiled.unsupported ? 'runtime' : 'bad-regex', compiled.message);
        return (env, it) => {
          left(env, it);
          throw error;
        };
      }
      const regex = compiled.regex;
      return (env, it) => {
        const a = left(env, it);
        if (typeof a !== 'string') throw assertionError(a, 'string');
        return regex.test(a);
      };
    }
    const right = this.compile(node.right);
    const target = this.target;
    return (env, it) => {
      const a = left(env, it);
      const b = right(env, it);
      if (typeof b !== 'string') throw assertionError(b, 'string');
      if (typeof a !== 'string') throw assertionError(a, 'string');
      const compiled = compileGoRegex(b, target);
      if (!compiled.ok) throw new ExprEvalError(compiled.unsupported ? 'runtime' : 'bad-regex', compiled.message);
      return compiled.regex.test(a);
    };
  }
}

function isScalarLiteral(
  node: ExprNode,
): node is Extract<ExprNode, { type: 'String' | 'Bool' | 'Nil' | 'Integer' | 'Float' }> {
  return (
    node.type === 'String' ||
    node.type === 'Bool' ||
    node.type === 'Nil' ||
    node.type === 'Integer' ||
    node.type === 'Float'
  );
}

function callValue(fn: unknown, args: unknown[]): unknown {
  if (typeof fn === 'function') return (fn as (args: unknown[]) => unknown)(args);
  if (fn === null || fn === undefined || fn === CHAIN_BREAK) {
    throw new ExprEvalError('unavailable-builtin', 'reflect: call of reflect.Value.Call on zero Value');
  }
  const kind = Array.isArray(fn) ? 'slice' : typeof fn === 'object' ? 'map' : goTypeName(fn);
  throw new ExprEvalError('runtime', `reflect: call of reflect.Value.Call on ${kind} Value`);
}

/**
 * Guardian puts into the environment only the parameters named by string constants that start
 * with `$`, and fails with "parameter not found" for any it was not given.
 */
function collectParameters(ast: ExprNode): string[] {
  const names: string[] = [];
  const add = (value: string) => {
    if (value.startsWith('$') && !names.includes(value)) names.push(value);
  };
  const visit = (node: ExprNode): void => {
    switch (node.type) {
      case 'Identifier':
      case 'String':
        add(node.type === 'Identifier' ? node.name : node.value);
        return;
      case 'Call':
        node.args.forEach(visit);
        visit(node.callee);
        return;
      case 'Binary':
        visit(node.left);
        if (
          node.operator === 'in' &&
          node.right.type === 'Array' &&
          node.right.elements.length > 0 &&
          node.right.elements.every((e) => e.type === 'String')
        ) {
          return;
        }
        visit(node.right);
        return;
      case 'Slice':
        visit(node.object);
        if (node.to) visit(node.to);
        if (node.from) visit(node.from);
        return;
      default:
        for (const child of childNodes(node)) visit(child);
    }
  };
  visit(ast);
  return names;
}

function childNodes(node: ExprNode): ExprNode[] {
  switch (node.type) {
    case 'Unary':
      return [node.operand];
    case 'Member':
      return [node.object, node.property];
    case 'Chain':
      return [node.node];
    case 'Builtin':
      return node.args[2] ? [node.args[0], node.args[1].body, node.args[2]] : [node.args[0], node.args[1].body];
    case 'Let':
      return [node.value, node.body];
    case 'Closure':
      return [node.body];
    case 'Conditional':
      return [node.test, node.consequent, node.alternate];
    case 'Array':
      return node.elements;
    case 'Map':
      return node.pairs.flatMap((p) => [p.key, p.value]);
    case 'Pair':
      return [node.key, node.value];
    default:
      return [];
  }
}
