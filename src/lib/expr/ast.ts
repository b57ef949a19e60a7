/**
 * The expression tree, shaped like expr's own AST (github.com/expr-lang/expr/ast) so that the
 * evaluator can follow expr's compiler node by node. Every node carries source offsets
 * (`start` inclusive, `end` exclusive, UTF-16).
 */
interface Span {
  start: number;
  end: number;
}

interface NilNode extends Span {
  type: 'Nil';
}
interface BoolNode extends Span {
  type: 'Bool';
  value: boolean;
}
/** A Go `int` literal; `big` holds the exact value when it is beyond 2^53. */
interface IntegerNode extends Span {
  type: 'Integer';
  value: number;
  big?: bigint;
}
interface FloatNode extends Span {
  type: 'Float';
  value: number;
}
export interface StringNode extends Span {
  type: 'String';
  value: string;
}
/** A variable such as `$appeal`, read from the environment. */
interface IdentifierNode extends Span {
  type: 'Identifier';
  name: string;
}
export type UnaryOperator = '!' | 'not' | '-' | '+';
interface UnaryNode extends Span {
  type: 'Unary';
  operator: UnaryOperator;
  operand: ExprNode;
  /** Set when the source said `a not in b` (a negated infix operator) rather than `not (a in b)`. */
  negatedInfix?: boolean;
}
export type BinaryOperator =
  | 'or'
  | '||'
  | 'and'
  | '&&'
  | '=='
  | '!='
  | '<'
  | '>'
  | '<='
  | '>='
  | 'in'
  | 'matches'
  | 'contains'
  | 'startsWith'
  | 'endsWith'
  | '..'
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | '**'
  | '^'
  | '??';
export interface BinaryNode extends Span {
  type: 'Binary';
  operator: BinaryOperator;
  left: ExprNode;
  right: ExprNode;
}
/**
 * `object.name`, `object?.name` or `object[index]`. As in expr, `a.b` and `a["b"]` are the same
 * node (the property is a String node).
 */
export interface MemberNode extends Span {
  type: 'Member';
  object: ExprNode;
  property: ExprNode;
  optional: boolean;
}
/** Marks the extent of an optional chain: a nil before a `?.` makes the whole chain nil. */
interface ChainNode extends Span {
  type: 'Chain';
  node: ExprNode;
}
interface SliceNode extends Span {
  type: 'Slice';
  object: ExprNode;
  from: ExprNode | null;
  to: ExprNode | null;
}
/** A function call: `len(x)`, `Split(s, "@")`, `lower(x)`; the callee is an Identifier or a Member. */
export interface CallNode extends Span {
  type: 'Call';
  callee: ExprNode;
  args: ExprNode[];
}
/**
 * A predicate builtin with a closure: `all(xs, {# > 1})`, `map(xs, .name)`, and from expr 1.15
 * `reduce(xs, #acc + #, 0)` (a third argument: the initial value; for `sortBy` the order).
 */
export interface BuiltinNode extends Span {
  type: 'Builtin';
  name: PredicateName;
  args: [ExprNode, ClosureNode] | [ExprNode, ClosureNode, ExprNode];
}
export type PredicateName =
  | 'all'
  | 'none'
  | 'any'
  | 'one'
  | 'filter'
  | 'map'
  | 'count'
  | 'find'
  | 'findIndex'
  | 'findLast'
  | 'findLastIndex'
  | 'groupBy'
  | 'reduce'
  | 'sum'
  | 'sortBy';
export interface ClosureNode extends Span {
  type: 'Closure';
  body: ExprNode;
}
/** `#`, the current element inside a predicate closure; from expr 1.15 also `#index` and `#acc`. */
interface PointerNode extends Span {
  type: 'Pointer';
  name?: string;
}
/** `let name = value; body` (expr 1.15 and later): `name` is visible in `body` only. */
export interface LetNode extends Span {
  type: 'Let';
  name: string;
  /** Where the name is written, for messages. */
  nameStart: number;
  nameEnd: number;
  value: ExprNode;
  body: ExprNode;
}
interface ConditionalNode extends Span {
  type: 'Conditional';
  test: ExprNode;
  consequent: ExprNode;
  alternate: ExprNode;
}
interface ArrayNode extends Span {
  type: 'Array';
  elements: ExprNode[];
}
export interface PairNode extends Span {
  type: 'Pair';
  key: ExprNode;
  value: ExprNode;
}
interface MapNode extends Span {
  type: 'Map';
  pairs: PairNode[];
}

export type ExprNode =
  | NilNode
  | BoolNode
  | IntegerNode
  | FloatNode
  | StringNode
  | IdentifierNode
  | UnaryNode
  | BinaryNode
  | MemberNode
  | ChainNode
  | SliceNode
  | CallNode
  | BuiltinNode
  | ClosureNode
  | PointerNode
  | LetNode
  | ConditionalNode
  | ArrayNode
  | MapNode
  | PairNode;

/** Calls `visit` on every node, parents before children. */
export function walk(
  node: ExprNode,
  visit: (node: ExprNode, parent: ExprNode | null) => void,
  parent: ExprNode | null = null,
): void {
  visit(node, parent);
  for (const child of children(node)) walk(child, visit, node);
}

function children(node: ExprNode): ExprNode[] {
  switch (node.type) {
    case 'Nil':
    case 'Bool':
    case 'Integer':
    case 'Float':
    case 'String':
    case 'Identifier':
    case 'Pointer':
      return [];
    case 'Unary':
      return [node.operand];
    case 'Binary':
      return [node.left, node.right];
    case 'Member':
      return [node.object, node.property];
    case 'Chain':
      return [node.node];
    case 'Slice':
      return [node.object, ...(node.from ? [node.from] : []), ...(node.to ? [node.to] : [])];
    case 'Call':
      return [node.callee, ...node.args];
    case 'Builtin':
      return [...node.args];
    case 'Closure':
      return [node.body];
    case 'Let':
      return [node.value, node.body];
    case 'Conditional':
      return [node.test, node.consequent, node.alternate];
    case 'Array':
      return [...node.elements];
    case 'Map':
      return [...node.pairs];
    case 'Pair':
      return [node.key, node.value];
  }
}
