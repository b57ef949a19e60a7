/**
 * What expr's compiler rejects, and what a save would hide. Guardian compiles without an
 * environment, so every variable is `interface {}` and only literals carry types: the rules below
 * follow expr v1.12's checker (checker/checker.go) and constant folder on exactly those types.
 * Then the target's function table: a call the server has no function for compiles, yet fails on
 * every appeal that reaches it.
 */
import { walk, type BinaryNode, type ExprNode, type PredicateName } from './ast';
import { builtinArity, builtinNames, firstTargetWith, functionStatus } from './builtins';
import { methodsOf, type GoKind } from './go-methods';
import { pointerNames } from './grammar';
import type { RawProblem } from './problems';
import { compileGoRegex } from './regex';
import { targetExprVersion, type Target } from './targets';

type Kind =
  | 'int'
  | 'float'
  | 'string'
  | 'bool'
  | 'nil'
  | 'array'
  | 'intArray'
  | 'map'
  | 'any'
  | 'func'
  | 'time'
  | 'duration'
  | 'location'
  | 'named';

const GO_NAMES: Record<Kind, string> = {
  int: 'int',
  float: 'float64',
  string: 'string',
  bool: 'bool',
  nil: '<nil>',
  array: '[]interface {}',
  intArray: '[]int',
  map: 'map[string]interface {}',
  any: 'interface {}',
  func: 'func(interface {}) interface {}',
  time: 'time.Time',
  duration: 'time.Duration',
  location: '*time.Location',
  named: 'time.Month',
};

const GO_KIND: Record<GoKind, Kind> = {
  int: 'int',
  float: 'float',
  string: 'string',
  bool: 'bool',
  time: 'time',
  duration: 'duration',
  location: 'location',
  named: 'named',
};

const TIME_FUNCTIONS = new Set(['now', 'date', 'duration', 'timezone']);
const TIME_OPERATORS = new Set(['<', '>', '<=', '>=', '-', '+', '==', '!=']);

/** The dotted `$appeal…` path of a plain member chain, or null. */
function appealPath(node: ExprNode): string | null {
  if (node.type === 'Chain') return appealPath(node.node);
  if (node.type === 'Identifier') return node.name === '$appeal' ? node.name : null;
  if (node.type === 'Member' && node.property.type === 'String') {
    const base = appealPath(node.object);
    return base === null ? null : `${base}.${node.property.value}`;
  }
  return null;
}

/** Values with Go methods: what `x.Name` and `x.Name()` mean on them. */
const hasMethods = (k: Kind): k is 'time' | 'duration' | 'location' | 'named' =>
  k === 'time' || k === 'duration' || k === 'location' || k === 'named';

const isNumber = (k: Kind) => k === 'int' || k === 'float';
const isArray = (k: Kind) => k === 'array' || k === 'intArray';
const isAny = (k: Kind) => k === 'any';
/** expr's `or(l, r, fns...)`: both unknown, or one unknown and the other acceptable. */
const either = (l: Kind, r: Kind, ...accept: ((k: Kind) => boolean)[]) =>
  (isAny(l) && isAny(r)) || (isAny(l) && accept.some((f) => f(r))) || (isAny(r) && accept.some((f) => f(l)));
const is = (kind: Kind) => (k: Kind) => k === kind;
const goKind = (k: Kind): string =>
  isArray(k) ? 'slice' : k === 'time' ? 'struct' : k === 'duration' ? 'int64' : k === 'named' ? 'int' : k;

export interface CheckOptions {
  target: Target;
  /** Top-level `$` variables the server provides; others are reported. Default: `$appeal`. */
  knownVariables?: readonly string[];
}

export function checkAst(ast: ExprNode, options: CheckOptions): RawProblem[] {
  const problems: RawProblem[] = [];
  const error = (node: { start: number; end: number }, code: string, message: string) =>
    problems.push({ severity: 'error', code, message, start: node.start, end: node.end });
  const target = options.target;
  const newer = target !== 'guardian-1.12';
  // expr 1.15's checker counts a Duration as an int64 (so `d > 1` compiles and fails when run);
  // the latest expr's does not (the same expression is a compile error).
  const isNum = (k: Kind) => isNumber(k) || (target === 'guardian-1.15' && k === 'duration');
  const isInt = (k: Kind) => k === 'int' || (target === 'guardian-1.15' && k === 'duration');
  const isTime = is('time');
  const isDuration = is('duration');
  /** The closure builtins being checked, innermost last: their collection and the pointers they offer. */
  const collections: { kind: Kind; pointers: readonly string[] }[] = [];
  const variables: { name: string; kind: Kind }[] = [];
  const predicateMessage = newer ? 'predicate should return boolean' : 'closure should return boolean';

  const visit = (node: ExprNode): Kind => {
    switch (node.type) {
      case 'Nil':
        return 'nil';
      case 'Bool':
        return 'bool';
      case 'Integer':
        return 'int';
      case 'Float':
        return 'float';
      case 'String':
        return 'string';
      case 'Identifier': {
        for (let i = variables.length - 1; i >= 0; i--) {
          const variable = variables[i] as { name: string; kind: Kind };
          if (variable.name === node.name) return variable.kind;
        }
        return 'any';
      }
      case 'Pointer': {
        const collection = collections[collections.length - 1];
        if (collection === undefined) {
          error(node, 'type', 'cannot use pointer accessor outside closure');
          return 'any';
        }
        if (node.name) {
          if (!collection.pointers.includes(node.name)) {
            error(node, 'type', `unknown pointer #${node.name}`);
            return 'any';
          }
          return node.name === 'index' ? 'int' : 'any';
        }
        return collection.kind === 'intArray' ? 'int' : 'any';
      }
      case 'Let':
        return visitLet(node);
      case 'Unary': {
        const t = visit(node.operand);
        if (node.operator === '!' || node.operator === 'not') {
          if (t === 'bool' || isAny(t)) return 'bool';
        } else if (isNum(t) || isAny(t)) {
          return t;
        }
        error(node, 'type', `invalid operation: ${node.operator} (mismatched type ${GO_NAMES[t]})`);
        return 'any';
      }
      case 'Binary':
        return visitBinary(node);
      case 'Chain':
        return visit(node.node);
      case 'Member': {
        const base = visit(node.object);
        const prop = visit(node.property);
        if (base === 'nil' && node.property.type === 'String') {
          error(node, 'type', `type ${target === 'expr-latest' ? 'nil' : '<nil>'} has no field ${node.property.value}`);
          return 'any';
        }
        if (isAny(base)) return 'any';
        if (hasMethods(base)) {
          if (
            node.property.type === 'String' &&
            Object.prototype.hasOwnProperty.call(methodsOf(base), node.property.value)
          )
            return 'func';
          const name = node.property.type === 'String' ? node.property.value : GO_NAMES[prop];
          error(node, 'type', `type ${GO_NAMES[base]} has no field ${name}`);
          return 'any';
        }
        if (base === 'map') {
          if (prop !== 'string' && prop !== 'nil' && !isAny(prop)) {
            error(node.property, 'type', `cannot use ${GO_NAMES[prop]} to get an element from map[string]interface {}`);
          }
          return 'any';
        }
        if (isArray(base)) {
          if (prop !== 'int' && !isAny(prop)) {
            error(
              node.property,
              'type',
              `array elements can only be selected using an integer (got ${GO_NAMES[prop]})`,
            );
          }
          return base === 'intArray' ? 'int' : 'any';
        }
        error(node, 'type', `type ${GO_NAMES[base]}[${GO_NAMES[prop]}] is undefined`);
        return 'any';
      }
      case 'Slice': {
        const t = visit(node.object);
        if (!isAny(t) && t !== 'string' && !isArray(t)) {
          error(node, 'type', `cannot slice ${GO_NAMES[t]}`);
          return 'any';
        }
        for (const bound of [node.from, node.to]) {
          if (!bound) continue;
          const b = visit(bound);
          if (b !== 'int' && !isAny(b)) error(bound, 'type', `non-integer slice index ${GO_NAMES[b]}`);
        }
        return t;
      }
      case 'Call':
        return visitCall(node);
      case 'Builtin':
        return visitPredicate(node);
      case 'Closure':
        visit(node.body);
        return 'func';
      case 'Conditional': {
        const c = visit(node.test);
        if (c !== 'bool' && !isAny(c))
          error(node.test, 'type', `non-bool expression (type ${GO_NAMES[c]}) used as condition`);
        const a = visit(node.consequent);
        const b = visit(node.alternate);
        if (a === 'nil') return b;
        if (b === 'nil') return a;
        return a === b ? a : 'any';
      }
      case 'Array':
        node.elements.forEach(visit);
        return 'array';
      case 'Map':
        node.pairs.forEach(visit);
        return 'map';
      case 'Pair':
        visit(node.key);
        visit(node.value);
        return 'nil';
    }
  };

  const visitBinary = (node: BinaryNode): Kind => {
    const l = visit(node.left);
    const r = visit(node.right);
    const op = node.operator;
    const ok = (result: Kind) => result;
    if (TIME_OPERATORS.has(op)) {
      if ((l === 'time' || l === 'duration') && isAny(r)) textTimeWarning(node.right);
      if ((r === 'time' || r === 'duration') && isAny(l)) textTimeWarning(node.left);
    }
    switch (op) {
      case '==':
      case '!=':
        // The latest expr's checker compares named types strictly: time.Month is not an int.
        if (
          target === 'expr-latest' &&
          (l === 'named') !== (r === 'named') &&
          !isAny(l) &&
          !isAny(r) &&
          l !== 'nil' &&
          r !== 'nil'
        )
          break;
        if ((isNum(l) && isNum(r)) || l === 'nil' || r === 'nil' || goKind(l) === goKind(r) || isAny(l) || isAny(r))
          return ok('bool');
        break;
      case 'or':
      case '||':
      case 'and':
      case '&&':
        if ((l === 'bool' && r === 'bool') || either(l, r, is('bool'))) return 'bool';
        break;
      case '<':
      case '>':
      case '<=':
      case '>=':
        if ((isNum(l) && isNum(r)) || (l === 'string' && r === 'string')) return 'bool';
        if (newer && ((isTime(l) && isTime(r)) || (isDuration(l) && isDuration(r)))) return 'bool';
        if (either(l, r, isNum, is('string'), ...(newer ? [isTime, isDuration] : []))) return 'bool';
        break;
      case '-':
        if (newer) {
          if (isTime(l) && isTime(r)) return 'duration';
          if (isTime(l) && isDuration(r)) return 'time';
          if (isDuration(l) && isDuration(r)) return 'duration';
        }
        if (isNum(l) && isNum(r)) return numeric(l, r);
        if (either(l, r, isNum, ...(newer ? [isTime, isDuration] : []))) return 'any';
        break;
      case '*':
        if (newer && ((isDuration(l) && (isNum(r) || isDuration(r))) || (isNum(l) && isDuration(r)))) return 'duration';
        if (isNum(l) && isNum(r)) return numeric(l, r);
        if (either(l, r, isNum, ...(newer ? [isDuration] : []))) return 'any';
        break;
      case '/':
        // expr 1.12 types int / int as int although it divides as floats at run time.
        if (isNum(l) && isNum(r)) return newer ? 'float' : numeric(l, r);
        if (either(l, r, isNum)) return newer ? 'float' : 'any';
        break;
      case '**':
      case '^':
        if ((isNum(l) && isNum(r)) || either(l, r, isNum)) return 'float';
        break;
      case '%':
        if (isInt(l) && isInt(r)) {
          const divisor = constantInt(node.right);
          if (divisor === 0n && constantInt(node.left) !== undefined) {
            error(node, 'division-by-zero', 'integer divide by zero');
            return 'any';
          }
          return 'int';
        }
        if (either(l, r, isInt)) return 'any';
        break;
      case '+':
        if (newer) {
          if ((isTime(l) && isDuration(r)) || (isDuration(l) && isTime(r))) return 'time';
          if (isDuration(l) && isDuration(r)) return 'duration';
        }
        if (isNum(l) && isNum(r)) return numeric(l, r);
        if (l === 'string' && r === 'string') return 'string';
        if (either(l, r, isNum, is('string'), ...(newer ? [isTime, isDuration] : []))) return 'any';
        break;
      case 'in':
        if (r === 'map' || isArray(r) || isAny(r)) return 'bool';
        if (isAny(l) && r === 'string') return 'bool';
        break;
      case 'matches':
        if (node.right.type === 'String') {
          const compiled = compileGoRegex(node.right.value, target);
          if (!compiled.ok && !compiled.unsupported) {
            error(node.right, 'bad-regex', compiled.message);
            return 'bool';
          }
        }
        if ((l === 'string' && r === 'string') || either(l, r, is('string'))) return 'bool';
        break;
      case 'contains':
      case 'startsWith':
      case 'endsWith':
        if ((l === 'string' && r === 'string') || either(l, r, is('string'))) return 'bool';
        break;
      case '..':
        if ((l === 'int' && r === 'int') || either(l, r, is('int'))) return 'intArray';
        break;
      case '??':
        if (l === 'nil') return r;
        if (r === 'nil') return l;
        return l === r ? l : 'any';
    }
    error(node, 'type', `invalid operation: ${op} (mismatched types ${GO_NAMES[l]} and ${GO_NAMES[r]})`);
    return 'any';
  };

  /** Calls of Go methods on time values: expr's checker knows their signatures (checkArguments). */
  const visitMethodCall = (
    node: Extract<ExprNode, { type: 'Call' }>,
    base: 'time' | 'duration' | 'location' | 'named',
    name: string,
    argKinds: Kind[],
  ): Kind => {
    const method = Object.prototype.hasOwnProperty.call(methodsOf(base), name) ? methodsOf(base)[name] : undefined;
    if (!method) {
      error(node.callee, 'type', `type ${GO_NAMES[base]} has no method ${name}`);
      return 'any';
    }
    if (argKinds.length !== method.params.length) {
      error(
        node,
        'arity',
        `${argKinds.length < method.params.length ? 'not enough' : 'too many'} arguments to call ${name}`,
      );
      return 'any';
    }
    for (let i = 0; i < argKinds.length; i++) {
      const given = argKinds[i] as Kind;
      const want = GO_KIND[method.params[i] as GoKind];
      // expr 1.15 converts an int literal to the int64 a Duration is, and fails only when it runs.
      const intAsDuration = target === 'guardian-1.15' && want === 'duration' && given === 'int';
      if (given !== want && !isAny(given) && !intAsDuration) {
        const arg = node.args[i] as ExprNode;
        error(arg, 'type', `cannot use ${GO_NAMES[given]} as argument (type ${GO_NAMES[want]}) to call ${name} `);
        return 'any';
      }
    }
    return GO_KIND[method.result];
  };

  /** now(), date(), duration(), timezone(): expr 1.15 checks them against Go signatures, the latest expr by Validate. */
  const visitTimeCall = (node: Extract<ExprNode, { type: 'Call' }>, name: string, argKinds: Kind[]): Kind => {
    const stringArgs = (count: number): string | null => {
      if (argKinds.length > count) return `too many arguments to call ${name}`;
      if (argKinds.length < count) return `not enough arguments to call ${name}`;
      for (let i = 0; i < count; i++) {
        const k = argKinds[i] as Kind;
        if (k !== 'string' && !isAny(k) && k !== 'nil')
          return `cannot use ${GO_NAMES[k]} as argument (type string) to call ${name} `;
      }
      return null;
    };
    let problem: string | null = null;
    let result: Kind = 'time';
    switch (name) {
      case 'now':
        if (target === 'expr-latest') {
          if (argKinds.length > 1 || (argKinds.length === 1 && argKinds[0] !== 'location'))
            problem = `invalid number of arguments (expected 0, got ${argKinds.length})`;
        } else problem = stringArgs(0);
        break;
      case 'duration':
        problem = stringArgs(1);
        result = 'duration';
        break;
      case 'timezone':
        problem = stringArgs(1);
        result = 'location';
        break;
      case 'date':
        if (target === 'expr-latest') {
          const rest = argKinds[0] === 'location' ? argKinds.length - 1 : argKinds.length;
          if (argKinds.length < 1)
            problem = `invalid number of arguments (expected at least 1, got ${argKinds.length})`;
          else if (rest > 3) problem = `invalid number of arguments (expected at most 3, got ${rest})`;
        } else {
          // Three overloads, (string), (string, string), (string, string, string): the last one's error is reported.
          for (const count of [1, 2, 3]) {
            problem = stringArgs(count);
            if (problem === null) break;
          }
        }
        break;
    }
    if (problem) {
      error(node, 'type', problem);
      return 'any';
    }
    return result;
  };

  /**
   * Guardian hands expressions the appeal as JSON (utils.StructToMap): `created_at` and every other
   * time in it is RFC 3339 text, and a duration option is text like "24h". Met with a time value it
   * fails on every appeal ("invalid operation: string < time.Time"): say how to write it.
   */
  const textTimeWarning = (side: ExprNode) => {
    const path = appealPath(side);
    if (!path) return;
    problems.push({
      severity: 'warning',
      code: 'time-as-text',
      message: `\`${path}\` is text in Guardian's appeal, not a time: this fails on every appeal. Convert it first, e.g. \`date(${path})\` or \`duration(${path})\``,
      start: side.start,
      end: side.end,
    });
  };

  /** expr's `combined`: the same kind stays, a float wins, other numbers make an int. */
  const numeric = (l: Kind, r: Kind): Kind => (l === r ? l : l === 'float' || r === 'float' ? 'float' : 'int');

  const visitLet = (node: Extract<ExprNode, { type: 'Let' }>): Kind => {
    const at = { start: node.nameStart, end: node.nameEnd };
    // checker.go VariableDeclaratorNode: builtins and variables in scope cannot be declared again.
    if (builtinNames(target).includes(node.name)) error(at, 'type', `cannot redeclare builtin ${node.name}`);
    else if (variables.some((v) => v.name === node.name)) error(at, 'type', `cannot redeclare variable ${node.name}`);
    const kind = visit(node.value);
    variables.push({ name: node.name, kind });
    const out = visit(node.body);
    variables.pop();
    return out;
  };

  const visitPredicate = (node: Extract<ExprNode, { type: 'Builtin' }>): Kind => {
    const name: PredicateName = node.name;
    const collection = visit(node.args[0]);
    if (!isArray(collection) && !isAny(collection)) {
      const got = collection === 'nil' && target === 'expr-latest' ? 'unknown' : GO_NAMES[collection];
      error(node.args[0], 'type', `builtin ${name} takes only array (got ${got})`);
      return 'any';
    }
    collections.push({ kind: collection, pointers: pointerNames(name) });
    const out = visit(node.args[1].body);
    collections.pop();
    if (node.args[2]) visit(node.args[2]);
    const element: Kind = collection === 'intArray' ? 'int' : 'any';
    switch (name) {
      case 'map':
        return 'array';
      case 'reduce':
      case 'sum':
        return out === 'nil' ? 'any' : out;
      case 'groupBy':
        // map[any][]any: any key type indexes it.
        return 'any';
      case 'sortBy':
        return 'array';
    }
    if (out !== 'bool' && !isAny(out)) {
      error(node.args[1], 'type', `${predicateMessage} (got ${GO_NAMES[out]})`);
      return 'any';
    }
    switch (name) {
      case 'filter':
        return 'array';
      case 'count':
      case 'findIndex':
      case 'findLastIndex':
        return 'int';
      case 'find':
      case 'findLast':
        return element;
      default:
        return 'bool';
    }
  };

  const visitCall = (node: Extract<ExprNode, { type: 'Call' }>): Kind => {
    const argKinds = node.args.map(visit);
    if (node.callee.type !== 'Identifier') {
      const callee = node.callee;
      if (callee.type === 'Member' && callee.property.type === 'String') {
        const base = visit(callee.object);
        if (hasMethods(base)) return visitMethodCall(node, base, callee.property.value, argKinds);
      }
      visit(node.callee);
      return 'any';
    }
    const name = node.callee.name;
    if (variables.some((v) => v.name === name)) return 'any';
    const status = functionStatus(name, options.target);
    if (status === 'builtin' && TIME_FUNCTIONS.has(name)) return visitTimeCall(node, name, argKinds);
    if (status === 'builtin') {
      const arity = builtinArity(name, target);
      if (arity && (argKinds.length < arity[0] || (arity[1] >= 0 && argKinds.length > arity[1]))) {
        const expected =
          arity[0] === arity[1]
            ? String(arity[0])
            : arity[1] < 0
              ? `at least ${arity[0]}`
              : `${arity[0]} or ${arity[1]}`;
        error(node, 'arity', `invalid number of arguments for ${name} (expected ${expected}, got ${argKinds.length})`);
        return 'any';
      }
      const arg = argKinds[0] ?? 'any';
      switch (name) {
        case 'len':
          if (arg === 'string' || arg === 'map' || isArray(arg) || isAny(arg)) return 'int';
          error(node, 'type', `invalid argument for len (type ${GO_NAMES[arg]})`);
          return 'any';
        case 'abs':
          if (isNum(arg) || isAny(arg)) return arg;
          error(node, 'type', `invalid argument for abs (type ${GO_NAMES[arg]})`);
          return 'any';
        case 'int':
        case 'float':
          // A Duration is an int64 kind: expr's Validate lets it through; the run decides.
          if (isNumber(arg) || arg === 'duration' || arg === 'string' || isAny(arg))
            return name === 'int' ? 'int' : 'float';
          error(node, 'type', `invalid argument for ${name} (type ${GO_NAMES[arg]})`);
          return 'any';
        default:
          return 'any';
      }
    }
    if (status === 'guardian') return 'array';
    const callee = node.callee;
    const range = { start: callee.start, end: callee.end };
    if (status === 'unavailable') {
      const since = firstTargetWith(name);
      const where = since === 'latest' ? 'only in newer expr versions' : `from expr ${since}`;
      problems.push({
        severity: 'warning',
        code: 'unavailable-builtin',
        message: `\`${name}\` is not available on this Guardian server (${targetExprVersion(options.target)}): this expression will fail on every appeal (it exists ${where})`,
        ...range,
      });
    } else {
      problems.push({
        severity: 'error',
        code: 'unknown-function',
        message: `\`${name}\` is not a function this Guardian server knows (${targetExprVersion(options.target)}): this expression will fail on every appeal`,
        ...range,
      });
    }
    return 'any';
  };

  visit(ast);
  problems.push(...variableProblems(ast, options.knownVariables ?? ['$appeal']));
  return problems;
}

/** Guardian fails with "parameter not found" for any `$name` it was not given, even in a string literal. */
function variableProblems(ast: ExprNode, known: readonly string[]): RawProblem[] {
  const problems: RawProblem[] = [];
  const skipped = new Set<ExprNode>();
  walk(ast, (node) => {
    if (
      node.type === 'Binary' &&
      node.operator === 'in' &&
      node.right.type === 'Array' &&
      node.right.elements.length > 0 &&
      node.right.elements.every((e) => e.type === 'String')
    ) {
      // expr turns a literal list of strings into a lookup set: those strings are no longer constants.
      node.right.elements.forEach((e) => skipped.add(e));
    }
    if (node.type === 'Identifier' && node.name.startsWith('$') && !known.includes(node.name)) {
      problems.push({
        severity: 'warning',
        code: 'unknown-variable',
        message: `\`${node.name}\` is not provided here (only ${known.map((k) => `\`${k}\``).join(', ')}): Guardian fails with "parameter not found: ${node.name.slice(1)}"`,
        start: node.start,
        end: node.end,
      });
    }
    if (node.type === 'String' && node.value.startsWith('$') && !skipped.has(node) && !known.includes(node.value)) {
      problems.push({
        severity: 'warning',
        code: 'dollar-string',
        message: `Guardian treats every constant starting with \`$\` as a parameter: this string makes it fail with "parameter not found: ${node.value.slice(1)}"`,
        start: node.start,
        end: node.end,
      });
    }
  });
  return problems;
}

/** The value of an int-only constant subexpression, as expr's constant folder computes it. */
function constantInt(node: ExprNode): bigint | undefined {
  switch (node.type) {
    case 'Integer':
      return node.big ?? BigInt(node.value);
    case 'Unary':
      if (node.operator === '-' || node.operator === '+') {
        const v = constantInt(node.operand);
        return v === undefined ? undefined : node.operator === '-' ? -v : v;
      }
      return undefined;
    case 'Binary': {
      if (!['+', '-', '*', '%'].includes(node.operator)) return undefined;
      const a = constantInt(node.left);
      const b = constantInt(node.right);
      if (a === undefined || b === undefined) return undefined;
      switch (node.operator) {
        case '+':
          return BigInt.asIntN(64, a + b);
        case '-':
          return BigInt.asIntN(64, a - b);
        case '*':
          return BigInt.asIntN(64, a * b);
        default:
          return b === 0n ? undefined : a % b;
      }
    }
    default:
      return undefined;
  }
}
