import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { check, parse, print, variables, type ExprNode } from './index';

function stripPositions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripPositions);
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === 'start' || key === 'end') continue;
      out[key] = stripPositions(value);
    }
    return out;
  }
  return node;
}

describe('malformed input: the first error, where expr reports it', () => {
  const cases: [string, string, number, number, number][] = [
    // source, message fragment, offset, line, column
    [')*(@#&$_(*)#$&)(*', "unrecognized character: U+0040 '@'", 3, 1, 4],
    [')*(&_#)($U#_)(', 'unexpected token `)`', 0, 1, 1],
    ['1 +', 'unexpected end of expression', 3, 1, 4],
    ['$appeal.creator.', 'unexpected end of expression', 16, 1, 17],
    ['$appeal.creator.department == "eng', 'literal not terminated', 30, 1, 31],
    ['"a\\qb"', 'invalid char escape', 2, 1, 3],
    ['$appeal.x ?? 1 + 2', 'Operator (+) and coalesce expressions (??) cannot be mixed', 15, 1, 16],
    ['(1 + 2', 'unexpected end of expression', 6, 1, 7],
    ['[1, 2', 'unexpected end of expression', 5, 1, 6],
    ['#', 'cannot use pointer accessor outside closure', 0, 1, 1],
    ['.name', 'cannot use pointer accessor outside closure', 0, 1, 1],
    ['1.foo', 'bad number syntax', 0, 1, 1],
    ['0b101', 'invalid integer literal', 0, 1, 1],
    ['99999999999999999999', 'value out of range', 0, 1, 1],
    ['1e400', 'value out of range', 0, 1, 1],
    ['"abc"[0]', 'unexpected token `[`', 5, 1, 6],
    ['nil.x', 'unexpected token `.`', 3, 1, 4],
    ['a.+', 'expected name', 2, 1, 3],
    ['$appeal.x = 1', 'unexpected token `=` (assignment is not supported', 10, 1, 11],
    ['a | upper()', 'unexpected token `|` (pipes', 2, 1, 3],
    ['{a 1}', 'unexpected token `1`', 3, 1, 4],
    ['{in: 1}', 'a map key must be', 1, 1, 2],
    ['all([1], 1', 'unexpected end of expression', 10, 1, 11],
    [
      '$appeal.creator.department == "eng" &&\n  $appeal.resource.details.is_pii !=',
      'unexpected end of expression',
      75,
      2,
      37,
    ],
    ['1 ? 2', 'unexpected end of expression', 5, 1, 6],
    ['/* open', 'unclosed comment', 0, 1, 1],
  ];
  it.each(cases)('%s', (source, message, offset, line, column) => {
    const result = parse(source);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors;
    expect(error?.message).toContain(message);
    expect(error?.start).toEqual({ offset, line, column });
    expect(error?.severity).toBe('error');
  });

  it('accepts comments, both quote styles and multi-line input', () => {
    expect(parse("// leading\n$appeal.x /* inline */ == 'a'\n").ok).toBe(true);
  });
});

describe('parse never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (source) => {
        const result = parse(source);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  }, 30_000);

  it('on strings built from expression tokens', () => {
    const token = fc.constantFrom(
      '$appeal',
      '.',
      '?.',
      'creator',
      '(',
      ')',
      '[',
      ']',
      '{',
      '}',
      '#',
      ',',
      ':',
      '?',
      '??',
      '&&',
      'not',
      'in',
      '"s"',
      "'t'",
      '1',
      '.5',
      '..',
      '==',
      '!',
      '-',
      '**',
      'all',
      'nil',
      ' ',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 30 }), (tokens) => {
        const source = tokens.join('');
        expect(() => parse(source)).not.toThrow();
        expect(() => check(source)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  }, 30_000);

  it('on deeply nested input', () => {
    expect(parse('('.repeat(5000) + '1' + ')'.repeat(5000)).ok).toBe(false);
    expect(parse('-'.repeat(5000) + '1').ok).toBe(false);
  });
});

const span = { start: 0, end: 0 };
const IDENTIFIERS = ['$appeal', '$response', 'foo', '_x', 'abc1'];
const NAMES = ['creator', 'email', 'in', 'not', 'true', 'details', 'is_pii', 'x1'];
const BINARY = [
  'or',
  '||',
  'and',
  '&&',
  '==',
  '!=',
  '<',
  '>',
  '<=',
  '>=',
  'in',
  'matches',
  'contains',
  'startsWith',
  'endsWith',
  '..',
  '+',
  '-',
  '*',
  '/',
  '%',
  '**',
  '^',
  '??',
] as const;

/** Generates trees in the shapes the parser produces (chains only where a `?.` starts them). */
const nodeArbitrary: fc.Memo<ExprNode> = fc.memo((depth: number): fc.Arbitrary<ExprNode> => {
  const leaf: fc.Arbitrary<ExprNode> = fc.oneof(
    fc.constant<ExprNode>({ type: 'Nil', ...span }),
    fc.boolean().map((value): ExprNode => ({ type: 'Bool', value, ...span })),
    fc.nat({ max: Number.MAX_SAFE_INTEGER }).map((value): ExprNode => ({ type: 'Integer', value, ...span })),
    fc.double({ min: 0, max: 1e300, noNaN: true }).map((value): ExprNode => ({ type: 'Float', value, ...span })),
    fc.string({ unit: 'grapheme', maxLength: 8 }).map((value): ExprNode => ({ type: 'String', value, ...span })),
    fc.constantFrom(...IDENTIFIERS).map((name): ExprNode => ({ type: 'Identifier', name, ...span })),
  );
  if (depth <= 0) return leaf;
  const sub = nodeArbitrary(depth - 1);
  const postfixable = sub.filter((n) => n.type !== 'Chain');
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    fc
      .tuple(fc.constantFrom('!', 'not', '-', '+' as const), sub)
      .map(([operator, operand]): ExprNode => ({ type: 'Unary', operator, operand, ...span })),
    fc
      .tuple(fc.constantFrom(...BINARY), sub, sub)
      .map(([operator, left, right]): ExprNode => ({ type: 'Binary', operator, left, right, ...span })),
    fc.tuple(postfixable, fc.constantFrom(...NAMES)).map(([object, name]): ExprNode => ({
      type: 'Member',
      object,
      property: { type: 'String', value: name, ...span },
      optional: false,
      ...span,
    })),
    fc.tuple(postfixable, fc.constantFrom(...NAMES)).map(([object, name]): ExprNode => ({
      type: 'Chain',
      node: { type: 'Member', object, property: { type: 'String', value: name, ...span }, optional: true, ...span },
      ...span,
    })),
    fc
      .tuple(sub, sub)
      .map(([object, property]): ExprNode => ({ type: 'Member', object, property, optional: false, ...span })),
    fc
      .tuple(sub, fc.option(sub, { nil: null }), fc.option(sub, { nil: null }))
      .map(([object, from, to]): ExprNode => ({ type: 'Slice', object, from, to, ...span })),
    fc
      .tuple(fc.constantFrom('len', 'lower', 'Split', 'foo'), fc.array(sub, { maxLength: 3 }))
      .map(([name, args]): ExprNode => ({
        type: 'Call',
        callee: { type: 'Identifier', name, ...span },
        args,
        ...span,
      })),
    fc
      .tuple(fc.constantFrom('all', 'none', 'any', 'one', 'filter', 'map', 'count' as const), sub, sub)
      .map(([name, collection, body]): ExprNode => ({
        type: 'Builtin',
        name,
        args: [collection, { type: 'Closure', body: withPointer(body), ...span }],
        ...span,
      })),
    fc.tuple(sub, sub, sub).map(([test, consequent, alternate]): ExprNode => ({
      type: 'Conditional',
      test,
      consequent,
      alternate,
      ...span,
    })),
    fc.array(sub, { maxLength: 3 }).map((elements): ExprNode => ({ type: 'Array', elements, ...span })),
    fc
      .array(
        fc.tuple(
          fc.oneof(
            fc.string({ maxLength: 4 }).map((value): ExprNode => ({ type: 'String', value, ...span })),
            sub,
          ),
          sub,
        ),
        { maxLength: 3 },
      )
      .map((pairs): ExprNode => ({
        type: 'Map',
        pairs: pairs.map(([key, value]) => ({ type: 'Pair', key, value, ...span })),
        ...span,
      })),
  );
});

function withPointer(body: ExprNode): ExprNode {
  return {
    type: 'Binary',
    operator: '==',
    left: {
      type: 'Member',
      object: { type: 'Pointer', ...span },
      property: { type: 'String', value: 'x', ...span },
      optional: false,
      ...span,
    },
    right: body,
    ...span,
  };
}

describe('print ∘ parse round-trips', () => {
  it('on generated trees', () => {
    fc.assert(
      fc.property(nodeArbitrary(4), (ast) => {
        const source = print(ast);
        const parsed = parse(source);
        if (!parsed.ok) throw new Error(`${source}\n${parsed.errors[0]?.message} at ${parsed.errors[0]?.start.offset}`);
        expect(stripPositions(parsed.ast)).toEqual(stripPositions(ast));
      }),
      { numRuns: 600 },
    );
  }, 30_000);

  const sources = [
    '$appeal.creator.department == "eng" && $appeal.resource.details.is_pii != true',
    'not ($appeal.creator.title in ["Manager", "Director"])',
    '$appeal.creator.title not in ["Manager"]',
    '$appeal.creator?.manager?.email ?? "none"',
    '(a?.b)["c"]',
    'a == b not in c',
    'map($response.roles, {#.name})',
    'filter(xs, .age > 18)',
    '-2 ** 2',
    '(-2) ** 2',
    'a ? b ? 1 : 2 : c ? 3 : 4',
    'x[1:]',
    '{"a": 1, (1 + 2): [1, 2]}',
    'Split($appeal.creator.email, "@")[0]',
    'a.b.c(1, 2)',
    '0x1F + 1_000 + 1e3 + .5',
  ];
  it.each(sources)('%s', (source) => {
    const first = parse(source);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const again = parse(print(first.ast));
    expect(again.ok).toBe(true);
    if (again.ok) expect(stripPositions(again.ast)).toEqual(stripPositions(first.ast));
  });
});

describe('real policies', () => {
  const specs = join(process.cwd(), 'specs', 'guardian');
  const examplesDir = join(specs, 'examples');
  const expressionsIn = (value: unknown, path: string, out: [string, string][]): [string, string][] => {
    if (Array.isArray(value)) value.forEach((v, i) => expressionsIn(v, `${path}[${i}]`, out));
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) expressionsIn(v, `${path}.${k}`, out);
    else if (
      typeof value === 'string' &&
      (/\.(when|approve_if|expression)$/.test(path) || (/approvers\[\d+\]$/.test(path) && !value.includes('@')))
    )
      out.push([path, value]);
    return out;
  };
  const files = readdirSync(examplesDir).filter((f) => f.endsWith('.json'));
  const expressions = files.flatMap((file) =>
    expressionsIn(JSON.parse(readFileSync(join(examplesDir, file), 'utf8')), file, []),
  );

  it('finds the example expressions', () => {
    expect(expressions.length).toBeGreaterThanOrEqual(8);
  });

  it.each(expressions)('%s parses and checks clean on guardian-1.12: %s', (_path, source) => {
    expect(parse(source).ok).toBe(true);
    expect(check(source, { target: 'guardian-1.12' })).toEqual([]);
  });

  const more = JSON.parse(readFileSync(join(specs, 'more-examples', 'expressions.json'), 'utf8')) as { src: string }[];
  const garbage = new Set([')*(@#&$_(*)#$&)(*', ')*(&_#)($U#_)(']);
  it.each(more.filter((e) => !garbage.has(e.src)).map((e) => e.src))('more-examples: %s parses', (source) => {
    expect(parse(source).ok).toBe(true);
  });
  it('the garbage ones give positioned parse errors', () => {
    for (const source of garbage) {
      const result = parse(source);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors[0]?.start.line).toBe(1);
    }
    expect(more.some((e) => garbage.has(e.src))).toBe(true);
  });
});

describe('variables', () => {
  it('lists the paths an expression reads', () => {
    const parsed = parse(
      '$appeal.creator.department == "eng" && $appeal.resource.details.is_pii != true && len($appeal.creator.managers[0]) > 0 && $appeal.creator.department != "x" && $appeal?.creator.title in ["a"]',
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(variables(parsed.ast)).toEqual([
      '$appeal.creator.department',
      '$appeal.creator.managers',
      '$appeal.creator.title',
      '$appeal.resource.details.is_pii',
    ]);
  });

  it('includes a variable read whole, and not function names', () => {
    const parsed = parse('$appeal.creator != nil ? Split($appeal.creator.email, "@") : $appeal["details"]');
    expect(parsed.ok && variables(parsed.ast)).toEqual(['$appeal.creator', '$appeal.creator.email', '$appeal.details']);
  });
});
