/**
 * A port of expr v1.12's recursive-descent parser (parser/parser.go): the same precedence table,
 * the same postfix and optional-chain handling, the same "first error wins" reporting, and the same
 * quirks (literals take no postfix, `a ?? b + c` is refused, a stray `not` before an operator of
 * too low a precedence is silently dropped — reported here as a warning).
 */
import {
  type BinaryOperator,
  type ClosureNode,
  type ExprNode,
  type MemberNode,
  type PairNode,
  type PredicateName,
  type StringNode,
  type UnaryOperator,
} from './ast';
import { grammarOf, type Grammar } from './grammar';
import { isAlphaNumeric, lex, type Token } from './lexer';
import type { RawProblem } from './problems';
import { MAX_EXPRESSION_LENGTH } from './run-context';
import { DEFAULT_TARGET, type Target } from './targets';

interface Operator {
  precedence: number;
  rightAssociative: boolean;
}

const UNARY_OPERATORS: Record<string, Operator> = {
  not: { precedence: 50, rightAssociative: false },
  '!': { precedence: 50, rightAssociative: false },
  '-': { precedence: 90, rightAssociative: false },
  '+': { precedence: 90, rightAssociative: false },
};

export const BINARY_OPERATORS: Record<BinaryOperator, Operator> = {
  or: { precedence: 10, rightAssociative: false },
  '||': { precedence: 10, rightAssociative: false },
  and: { precedence: 15, rightAssociative: false },
  '&&': { precedence: 15, rightAssociative: false },
  '==': { precedence: 20, rightAssociative: false },
  '!=': { precedence: 20, rightAssociative: false },
  '<': { precedence: 20, rightAssociative: false },
  '>': { precedence: 20, rightAssociative: false },
  '>=': { precedence: 20, rightAssociative: false },
  '<=': { precedence: 20, rightAssociative: false },
  in: { precedence: 20, rightAssociative: false },
  matches: { precedence: 20, rightAssociative: false },
  contains: { precedence: 20, rightAssociative: false },
  startsWith: { precedence: 20, rightAssociative: false },
  endsWith: { precedence: 20, rightAssociative: false },
  '..': { precedence: 25, rightAssociative: false },
  '+': { precedence: 30, rightAssociative: false },
  '-': { precedence: 30, rightAssociative: false },
  '*': { precedence: 60, rightAssociative: false },
  '/': { precedence: 60, rightAssociative: false },
  '%': { precedence: 60, rightAssociative: false },
  '**': { precedence: 100, rightAssociative: true },
  '^': { precedence: 100, rightAssociative: true },
  '??': { precedence: 500, rightAssociative: false },
};

function binaryOperator(value: string): Operator | undefined {
  return Object.prototype.hasOwnProperty.call(BINARY_OPERATORS, value)
    ? BINARY_OPERATORS[value as BinaryOperator]
    : undefined;
}

export type InternalParseResult =
  { ok: true; ast: ExprNode; warnings: RawProblem[] } | { ok: false; error: RawProblem };

class ParseFailure extends Error {
  constructor(readonly problem: RawProblem) {
    super(problem.message);
  }
}

/**
 * Parses and returns the first error like expr does, plus warnings about silently-accepted quirks.
 * The target decides the syntax: `let`, pipes and the newer predicates exist from expr 1.15 on.
 */
export function parseSource(source: string, target: Target = DEFAULT_TARGET): InternalParseResult {
  const grammar = grammarOf(target);
  if (source.length > MAX_EXPRESSION_LENGTH) {
    return {
      ok: false,
      error: {
        severity: 'error',
        code: 'syntax',
        message: `expression is too long: ${source.length.toLocaleString('en-US')} characters (the console checks at most ${MAX_EXPRESSION_LENGTH.toLocaleString('en-US')})`,
        start: MAX_EXPRESSION_LENGTH,
        end: source.length,
      },
    };
  }
  const lexed = lex(source, grammar.let);
  if (!lexed.ok) {
    // expr 1.12 meets `let x = 1; …` as an unknown `;`: say what the writer meant.
    const letHint =
      !grammar.let && /^\s*let\s/.test(source) && lexed.error.message.includes("';'")
        ? ' (`let` needs expr 1.15 or later: this Guardian server cannot run it)'
        : '';
    return {
      ok: false,
      error: {
        severity: 'error',
        code: 'syntax',
        message: lexed.error.message + letHint,
        start: lexed.error.start,
        end: lexed.error.end,
      },
    };
  }
  const parser = new Parser(lexed.tokens, grammar);
  try {
    const ast = parser.parseProgram();
    return { ok: true, ast, warnings: parser.warnings };
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, error: e.problem };
    if (e instanceof RangeError) {
      return {
        ok: false,
        error: {
          severity: 'error',
          code: 'syntax',
          message: 'expression is nested too deeply',
          start: 0,
          end: source.length,
        },
      };
    }
    throw e;
  }
}

const MAX_DEPTH = 500;

class Parser {
  private pos = 0;
  private current: Token;
  private closureDepth = 0;
  private nesting = 0;
  readonly warnings: RawProblem[] = [];

  constructor(
    private readonly tokens: Token[],
    private readonly grammar: Grammar,
  ) {
    this.current = tokens[0] as Token;
  }

  parseProgram(): ExprNode {
    const node = this.parseExpression(0);
    if (this.current.kind !== 'EOF') this.unexpected(this.current);
    return node;
  }

  private fail(token: Token, message: string): never {
    const end = token.end > token.start ? token.end : token.start;
    throw new ParseFailure({ severity: 'error', code: 'syntax', message, start: token.start, end });
  }

  private unexpected(token: Token): never {
    if (token.kind === 'EOF') this.fail(token, 'unexpected end of expression');
    this.fail(token, `unexpected token ${describeToken(token)}${hintFor(token, this.grammar)}`);
  }

  private is(token: Token, kind: Token['kind'], value?: string): boolean {
    return token.kind === kind && (value === undefined || token.value === value);
  }

  private next(): void {
    this.pos++;
    if (this.pos >= this.tokens.length) this.fail(this.current, 'unexpected end of expression');
    this.current = this.tokens[this.pos] as Token;
  }

  private expect(kind: Token['kind'], value: string): Token {
    const token = this.current;
    if (this.is(token, kind, value)) {
      this.next();
      return token;
    }
    return this.unexpected(token);
  }

  private parseExpression(precedence: number): ExprNode {
    if (++this.nesting > MAX_DEPTH) this.fail(this.current, 'expression is nested too deeply');
    try {
      return this.parseExpressionInner(precedence);
    } finally {
      this.nesting--;
    }
  }

  private parseExpressionInner(precedence: number): ExprNode {
    if (precedence === 0 && this.grammar.let && this.is(this.current, 'Operator', 'let')) return this.parseLet();
    let left = this.parsePrimary();
    let lastOperator = '';
    let opToken = this.current;
    while (opToken.kind === 'Operator') {
      let notToken: Token | null = null;
      if (opToken.value === 'not') {
        notToken = opToken;
        this.next();
        opToken = this.current;
      }
      if (this.grammar.pipes && opToken.value === '|' && !notToken) {
        // The pipe has precedence 0: it binds loosest, and only at the top of an expression.
        if (precedence > 0) break;
        this.next();
        left = this.parsePipe(left);
        lastOperator = '|';
        opToken = this.current;
        continue;
      }
      // expr looks the operator up by its text alone, whatever kind of token it is.
      const op = binaryOperator(opToken.value);
      if (op && op.precedence >= precedence) {
        this.next();
        if (lastOperator === '??' && opToken.value !== '??') {
          this.fail(
            opToken,
            `Operator (${opToken.value}) and coalesce expressions (??) cannot be mixed. Wrap either by parentheses.`,
          );
        }
        const right = this.parseExpression(op.rightAssociative ? op.precedence : op.precedence + 1);
        left = {
          type: 'Binary',
          operator: opToken.value as BinaryOperator,
          left,
          right,
          start: left.start,
          end: right.end,
        };
        if (notToken) {
          left = {
            type: 'Unary',
            operator: 'not',
            operand: left,
            negatedInfix: true,
            start: left.start,
            end: left.end,
          };
        }
        lastOperator = opToken.value;
        opToken = this.current;
        continue;
      }
      if (notToken) {
        this.warnings.push({
          severity: 'warning',
          code: 'ignored-not',
          message:
            '`not` is ignored here: expr applies it only to an operator it binds tighter than the surrounding one. Wrap the negated part in parentheses, e.g. `not (a in b)`.',
          start: notToken.start,
          end: notToken.end,
        });
      }
      break;
    }
    if (precedence === 0) left = this.parseConditional(left);
    return left;
  }

  private parsePrimary(): ExprNode {
    const token = this.current;
    if (token.kind === 'Operator' && Object.prototype.hasOwnProperty.call(UNARY_OPERATORS, token.value)) {
      const op = UNARY_OPERATORS[token.value] as Operator;
      this.next();
      const operand = this.parseExpression(op.precedence);
      return this.parsePostfix({
        type: 'Unary',
        operator: token.value as UnaryOperator,
        operand,
        start: token.start,
        end: operand.end,
      });
    }
    if (this.is(token, 'Bracket', '(')) {
      this.next();
      const inner = this.parseExpression(0);
      this.expect('Bracket', ')');
      return this.parsePostfix(inner);
    }
    if (this.is(token, 'Operator', '#') || this.is(token, 'Operator', '.')) {
      if (this.closureDepth === 0) this.fail(token, 'cannot use pointer accessor outside closure');
      if (token.value === '#') this.next();
      let end = token.value === '#' ? token.end : token.start;
      let name: string | undefined;
      if (token.value === '#' && this.grammar.namedPointers && this.current.kind === 'Identifier') {
        name = this.current.value;
        end = this.current.end;
        this.next();
      }
      return this.parsePostfix({ type: 'Pointer', start: token.start, end, ...(name === undefined ? {} : { name }) });
    }
    return this.parsePrimaryExpression();
  }

  private parseConditional(test: ExprNode): ExprNode {
    let node = test;
    while (this.is(this.current, 'Operator', '?')) {
      this.next();
      let consequent: ExprNode;
      if (!this.is(this.current, 'Operator', ':')) {
        consequent = this.parseExpression(0);
        this.expect('Operator', ':');
      } else {
        this.next();
        consequent = node;
      }
      const alternate = this.parseExpression(0);
      node = { type: 'Conditional', test: node, consequent, alternate, start: node.start, end: alternate.end };
    }
    return node;
  }

  private parsePrimaryExpression(): ExprNode {
    const token = this.current;
    switch (token.kind) {
      case 'Identifier': {
        this.next();
        if (token.value === 'true' || token.value === 'false') {
          return { type: 'Bool', value: token.value === 'true', start: token.start, end: token.end };
        }
        if (token.value === 'nil') return { type: 'Nil', start: token.start, end: token.end };
        return this.parsePostfix(this.parseIdentifier(token));
      }
      case 'Number':
        this.next();
        return this.parseNumber(token);
      case 'String':
        this.next();
        return { type: 'String', value: token.value, start: token.start, end: token.end };
      default:
        if (this.is(token, 'Bracket', '[')) return this.parsePostfix(this.parseArray());
        if (this.is(token, 'Bracket', '{')) return this.parsePostfix(this.parseMap());
        return this.unexpected(token);
    }
  }

  private parseNumber(token: Token): ExprNode {
    const text = token.value.replace(/_/g, '');
    const span = { start: token.start, end: token.end };
    if (text.includes('x')) {
      if (!/^0x[0-9a-fA-F]+$/.test(text)) this.fail(token, `invalid hex literal ${JSON.stringify(token.value)}`);
      const value = BigInt(text);
      if (value > INT64_MAX) this.fail(token, `invalid hex literal ${JSON.stringify(token.value)}: value out of range`);
      return integerNode(value, span);
    }
    if (/[.eE]/.test(text)) {
      const value = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : NaN;
      if (Number.isNaN(value)) this.fail(token, `invalid float literal ${JSON.stringify(token.value)}`);
      if (!Number.isFinite(value))
        this.fail(token, `invalid float literal ${JSON.stringify(token.value)}: value out of range`);
      return { type: 'Float', value, ...span };
    }
    if (!/^\d+$/.test(text)) this.fail(token, `invalid integer literal ${JSON.stringify(token.value)}`);
    const value = BigInt(text);
    if (value > INT64_MAX)
      this.fail(token, `invalid integer literal ${JSON.stringify(token.value)}: value out of range`);
    return integerNode(value, span);
  }

  private parseIdentifier(token: Token): ExprNode {
    if (!this.is(this.current, 'Bracket', '('))
      return { type: 'Identifier', name: token.value, start: token.start, end: token.end };
    if (this.grammar.predicates.has(token.value)) {
      this.expect('Bracket', '(');
      const collection = this.parseExpression(0);
      return this.parsePredicateRest(token, collection);
    }
    const callee: ExprNode = { type: 'Identifier', name: token.value, start: token.start, end: token.end };
    const { args, end } = this.parseArguments();
    return { type: 'Call', callee, args, start: token.start, end };
  }

  /** After `name(collection` (or `collection | name(`): the closure, an optional third argument, `)`. */
  private parsePredicateRest(nameToken: Token, collection: ExprNode, piped = false): ExprNode {
    const shape = this.grammar.predicates.get(nameToken.value);
    const name = nameToken.value as PredicateName;
    if (shape?.closureOptional && this.is(this.current, 'Bracket', ')')) {
      // `count(xs)` / `sum(xs)` on the latest expr: a plain builtin call.
      const close = this.expect('Bracket', ')');
      const callee: ExprNode = { type: 'Identifier', name, start: nameToken.start, end: nameToken.end };
      return { type: 'Call', callee, args: [collection], start: nameToken.start, end: close.end };
    }
    if (!piped) this.expect('Operator', ',');
    const closure = this.parseClosure();
    let third: ExprNode | null = null;
    if (shape?.third && this.is(this.current, 'Operator', ',')) {
      this.next();
      third = this.parseExpression(0);
    }
    const close = this.expect('Bracket', ')');
    return {
      type: 'Builtin',
      name,
      args: third ? [collection, closure, third] : [collection, closure],
      start: nameToken.start,
      end: close.end,
    };
  }

  /** `value | name(args)`: `value` becomes the first argument (expr 1.15 parser.go `parsePipe`). */
  private parsePipe(left: ExprNode): ExprNode {
    const nameToken = this.current;
    if (nameToken.kind !== 'Identifier') this.unexpected(nameToken);
    this.next();
    if (this.grammar.predicates.has(nameToken.value)) {
      this.expect('Bracket', '(');
      return this.parsePredicateRest(nameToken, left, true);
    }
    const callee: ExprNode = { type: 'Identifier', name: nameToken.value, start: nameToken.start, end: nameToken.end };
    const { args, end } = this.parseArguments();
    return { type: 'Call', callee, args: [left, ...args], start: left.start, end };
  }

  /** `let name = value; body` (expr 1.15 parser.go `parseVariableDeclaration`). */
  private parseLet(): ExprNode {
    const letToken = this.expect('Operator', 'let');
    const nameToken = this.current;
    if (nameToken.kind !== 'Identifier') this.unexpected(nameToken);
    this.next();
    this.expect('Operator', '=');
    const value = this.parseExpression(0);
    this.expect('Operator', ';');
    const body = this.parseExpression(0);
    return {
      type: 'Let',
      name: nameToken.value,
      nameStart: nameToken.start,
      nameEnd: nameToken.end,
      value,
      body,
      start: letToken.start,
      end: body.end,
    };
  }

  private parseClosure(): ClosureNode {
    const startToken = this.current;
    const braced = this.is(startToken, 'Bracket', '{');
    if (braced) this.next();
    this.closureDepth++;
    const body = this.parseExpression(0);
    this.closureDepth--;
    let end = body.end;
    if (braced) end = this.expect('Bracket', '}').end;
    return { type: 'Closure', body, start: braced ? startToken.start : body.start, end };
  }

  private parseArray(): ExprNode {
    const open = this.expect('Bracket', '[');
    const elements: ExprNode[] = [];
    while (!this.is(this.current, 'Bracket', ']')) {
      if (elements.length > 0) {
        this.expect('Operator', ',');
        if (this.is(this.current, 'Bracket', ']')) break;
      }
      elements.push(this.parseExpression(0));
    }
    const close = this.expect('Bracket', ']');
    return { type: 'Array', elements, start: open.start, end: close.end };
  }

  private parseMap(): ExprNode {
    const open = this.expect('Bracket', '{');
    const pairs: PairNode[] = [];
    while (!this.is(this.current, 'Bracket', '}')) {
      if (pairs.length > 0) {
        this.expect('Operator', ',');
        if (this.is(this.current, 'Bracket', '}')) break;
        if (this.is(this.current, 'Operator', ',')) this.unexpected(this.current);
      }
      const keyToken = this.current;
      let key: ExprNode;
      if (keyToken.kind === 'Number' || keyToken.kind === 'String' || keyToken.kind === 'Identifier') {
        key = { type: 'String', value: keyToken.value, start: keyToken.start, end: keyToken.end };
        this.next();
      } else if (this.is(keyToken, 'Bracket', '(')) {
        key = this.parseExpression(0);
      } else {
        this.fail(
          keyToken,
          `a map key must be a quoted string, a number, a identifier, or an expression enclosed in parentheses (unexpected token ${describeToken(keyToken)})`,
        );
      }
      this.expect('Operator', ':');
      const value = this.parseExpression(0);
      pairs.push({ type: 'Pair', key, value, start: key.start, end: value.end });
    }
    const close = this.expect('Bracket', '}');
    return { type: 'Map', pairs, start: open.start, end: close.end };
  }

  private parsePostfix(start: ExprNode): ExprNode {
    let node = start;
    let token = this.current;
    while (token.kind === 'Operator' || token.kind === 'Bracket') {
      if (token.value === '.' || token.value === '?.') {
        this.next();
        const propertyToken = this.current;
        this.next();
        if (
          propertyToken.kind !== 'Identifier' &&
          (propertyToken.kind !== 'Operator' || !isValidIdentifier(propertyToken.value))
        ) {
          this.fail(propertyToken, 'expected name');
        }
        const property: StringNode = {
          type: 'String',
          value: propertyToken.value,
          start: propertyToken.start,
          end: propertyToken.end,
        };
        const isChain = node.type === 'Chain';
        const optional = token.value === '?.';
        const object = node.type === 'Chain' ? node.node : node;
        const member: MemberNode = {
          type: 'Member',
          object,
          property,
          optional,
          start: object.start,
          end: propertyToken.end,
        };
        if (this.is(this.current, 'Bracket', '(')) {
          const { args, end } = this.parseArguments();
          node = { type: 'Call', callee: member, args, start: object.start, end };
        } else {
          node = member;
        }
        if (isChain || optional) node = { type: 'Chain', node, start: node.start, end: node.end };
      } else if (token.value === '[') {
        this.next();
        if (this.is(this.current, 'Operator', ':')) {
          this.next();
          const to = this.is(this.current, 'Bracket', ']') ? null : this.parseExpression(0);
          const close = this.expect('Bracket', ']');
          node = { type: 'Slice', object: node, from: null, to, start: node.start, end: close.end };
        } else {
          const from = this.parseExpression(0);
          if (this.is(this.current, 'Operator', ':')) {
            this.next();
            const to = this.is(this.current, 'Bracket', ']') ? null : this.parseExpression(0);
            const close = this.expect('Bracket', ']');
            node = { type: 'Slice', object: node, from, to, start: node.start, end: close.end };
          } else {
            const close = this.expect('Bracket', ']');
            node = { type: 'Member', object: node, property: from, optional: false, start: node.start, end: close.end };
          }
        }
      } else {
        break;
      }
      token = this.current;
    }
    return node;
  }

  private parseArguments(): { args: ExprNode[]; end: number } {
    this.expect('Bracket', '(');
    const args: ExprNode[] = [];
    while (!this.is(this.current, 'Bracket', ')')) {
      if (args.length > 0) this.expect('Operator', ',');
      args.push(this.parseExpression(0));
    }
    const close = this.expect('Bracket', ')');
    return { args, end: close.end };
  }
}

const INT64_MAX = 9223372036854775807n;

function integerNode(value: bigint, span: { start: number; end: number }): ExprNode {
  const node: ExprNode = { type: 'Integer', value: Number(value), ...span };
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) node.big = value;
  return node;
}

export function isValidIdentifier(text: string): boolean {
  const chars = Array.from(text);
  const first = chars[0];
  if (first === undefined || /\p{Nd}/u.test(first) || !isAlphaNumeric(first)) return false;
  return chars.every(isAlphaNumeric);
}

function describeToken(token: Token): string {
  if (token.kind === 'String') return JSON.stringify(token.value);
  return `\`${token.value}\``;
}

/** Names the construct when the token is something people bring from other languages. */
function hintFor(token: Token, grammar: Grammar): string {
  if (token.kind !== 'Operator') {
    if (token.kind === 'Identifier' && token.value === 'let' && !grammar.let)
      return ' (`let` needs expr 1.15 or later: this Guardian server cannot run it)';
    return '';
  }
  switch (token.value) {
    case '=':
      return grammar.let
        ? ' (compare with `==`; `=` only follows `let name`)'
        : ' (assignment is not supported; compare with `==`)';
    case ';':
      if (grammar.unsupportedSequences)
        return ' (this expr also runs sequences `a; b`, which the console cannot check yet; `;` here only ends a `let`)';
      return grammar.let ? ' (`;` only ends a `let`: `let x = 1; x + 1`)' : '';
    case '|':
      return grammar.pipes
        ? ''
        : ' (pipes `|` need expr 1.15 or later: this Guardian server cannot run them; use `||` for "or")';
    case '&':
      return ' (use `&&` or `and`)';
    case '!':
      return ' (`!` negates the expression after it; write `!x`, or `!=` to compare)';
    default:
      return '';
  }
}
