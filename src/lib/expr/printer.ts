/**
 * Prints an AST back to source that parses to the same tree (positions aside). Parentheses are
 * added wherever expr's precedence rules or its quirks (`??` mixing, optional chains) need them.
 */
import type { BinaryNode, ExprNode } from './ast';
import { BINARY_OPERATORS, isValidIdentifier } from './parser';

export function print(ast: ExprNode): string {
  return printNode(ast);
}

function printNode(node: ExprNode): string {
  switch (node.type) {
    case 'Nil':
      return 'nil';
    case 'Bool':
      return node.value ? 'true' : 'false';
    case 'Integer':
      return String(node.big ?? node.value);
    case 'Float':
      return printFloat(node.value);
    case 'String':
      return quote(node.value);
    case 'Identifier':
      return node.name;
    case 'Pointer':
      return node.name ? `#${node.name}` : '#';
    case 'Let':
      return `let ${node.name} = ${printNode(node.value)}; ${printNode(node.body)}`;
    case 'Unary': {
      const operand = node.operand;
      if (
        node.negatedInfix &&
        node.operator === 'not' &&
        operand.type === 'Binary' &&
        NEGATABLE.has(operand.operator)
      ) {
        return printBinary(operand, 'not ');
      }
      const text = node.operator === 'not' ? 'not ' : node.operator;
      return `${text}${wrapUnaryOperand(node.operator, operand)}`;
    }
    case 'Binary':
      return printBinary(node, '');
    case 'Conditional':
      return `${wrapUnlessAtom(node.test, true)} ? ${printNode(node.consequent)} : ${printNode(node.alternate)}`;
    case 'Member': {
      const object = wrapPostfixObject(node.object);
      const property = node.property;
      // `.name` and `["name"]` are the same node, but after a chain only `[...]` keeps the chain closed.
      if (property.type === 'String' && isValidIdentifier(property.value)) {
        if (node.optional) return `${object}?.${property.value}`;
        if (node.object.type !== 'Chain') return `${object}.${property.value}`;
      }
      return `${object}[${printNode(property)}]`;
    }
    case 'Chain':
      return printNode(node.node);
    case 'Slice':
      return `${wrapPostfixObject(node.object)}[${node.from ? printNode(node.from) : ''}:${node.to ? printNode(node.to) : ''}]`;
    case 'Call':
      return `${printCallee(node.callee)}(${node.args.map(printNode).join(', ')})`;
    case 'Builtin':
      return `${node.name}(${node.args.map(printNode).join(', ')})`;
    case 'Closure':
      return `{${printNode(node.body)}}`;
    case 'Array':
      return `[${node.elements.map(printNode).join(', ')}]`;
    case 'Map':
      return `{${node.pairs.map(printNode).join(', ')}}`;
    case 'Pair':
      return `${node.key.type === 'String' ? quote(node.key.value) : `(${printNode(node.key)})`}: ${printNode(node.value)}`;
  }
}

const NEGATABLE = new Set(['in', 'matches', 'contains', 'startsWith', 'endsWith']);

function printBinary(node: BinaryNode, negation: string): string {
  const left = needsParensAsOperand(node.left, node.operator, 'left')
    ? `(${printNode(node.left)})`
    : printNode(node.left);
  const right = needsParensAsOperand(node.right, node.operator, 'right')
    ? `(${printNode(node.right)})`
    : printNode(node.right);
  return `${left} ${negation}${node.operator} ${right}`;
}

function needsParensAsOperand(
  child: ExprNode,
  parentOperator: BinaryNode['operator'],
  side: 'left' | 'right',
): boolean {
  if (child.type === 'Conditional' || child.type === 'Let') return true;
  if (child.type === 'Unary') {
    // A unary operand swallows every operator binding at least as tight as itself (`-a ** b` is
    // `-(a ** b)`), also operators that follow the enclosing binary expression (`a * not b * c`).
    if (side === 'left')
      return (
        unaryPrecedence(child.operator) <= BINARY_OPERATORS[parentOperator].precedence || child.negatedInfix === true
      );
    return child.operator === 'not' || child.operator === '!';
  }
  if (child.type !== 'Binary') return false;
  if (child.operator === '??' || parentOperator === '??') return true;
  const parent = BINARY_OPERATORS[parentOperator];
  const own = BINARY_OPERATORS[child.operator];
  if (own.precedence !== parent.precedence) return own.precedence < parent.precedence;
  return parent.rightAssociative ? side === 'left' : side === 'right';
}

function unaryPrecedence(operator: string): number {
  return operator === '-' || operator === '+' ? 90 : 50;
}

function wrapUnaryOperand(operator: string, operand: ExprNode): string {
  const text = printNode(operand);
  if (operand.type === 'Conditional' || operand.type === 'Unary' || operand.type === 'Let') return `(${text})`;
  if (operand.type === 'Binary') {
    return BINARY_OPERATORS[operand.operator].precedence >= unaryPrecedence(operator) && operand.operator !== '??'
      ? text
      : `(${text})`;
  }
  return text;
}

function wrapUnlessAtom(node: ExprNode, inTest: boolean): string {
  const text = printNode(node);
  return inTest && (node.type === 'Conditional' || node.type === 'Let') ? `(${text})` : text;
}

/** Objects of `.x`, `[i]` and `[a:b]` must be postfix-able: literals and operators need parentheses. */
function wrapPostfixObject(node: ExprNode): string {
  switch (node.type) {
    case 'Identifier':
    case 'Member':
    case 'Chain':
    case 'Slice':
    case 'Call':
    case 'Builtin':
    case 'Array':
    case 'Map':
    case 'Pointer':
      return printNode(node);
    default:
      return `(${printNode(node)})`;
  }
}

function printCallee(callee: ExprNode): string {
  if (callee.type === 'Member' && callee.property.type === 'String') {
    return `${wrapPostfixObject(callee.object)}${callee.optional ? '?.' : '.'}${callee.property.value}`;
  }
  return printNode(callee);
}

function printFloat(value: number): string {
  const text = String(value);
  return /[.eE]/.test(text) ? text : `${text}.0`;
}

function quote(value: string): string {
  let out = '"';
  for (const ch of value) {
    switch (ch) {
      case '"':
        out += '\\"';
        break;
      case '\\':
        out += '\\\\';
        break;
      case '\n':
        out += '\\n';
        break;
      case '\r':
        out += '\\r';
        break;
      case '\t':
        out += '\\t';
        break;
      default: {
        const code = ch.codePointAt(0) ?? 0;
        if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
        else out += ch;
      }
    }
  }
  return `${out}"`;
}
