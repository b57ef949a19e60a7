/**
 * What expr itself gives for each expression, per target, worked out from expr's source
 * (v1.12.5: parser/parser.go, checker/checker.go, compiler/compiler.go, vm/vm.go,
 * vm/runtime/runtime.go, optimizer/) and Guardian's evaluator (pkg/evaluator/expression.go).
 * Guardian runs with `{"$appeal": <appeal as JSON>}`: every number in it is a float64.
 */
import { describe, expect, it } from 'vitest';
import { TARGETS, evaluate, type Target } from './index';
import type { ExprEvalErrorKind } from './errors';

type Expectation = { value: unknown } | { error: ExprEvalErrorKind } | { compileError: true };
interface Case {
  src: string;
  env?: Record<string, unknown>;
  expect: Expectation;
  /** Where a target differs from `expect`. */
  on?: Partial<Record<Target, Expectation>>;
}

const APPEAL = {
  id: 'appeal-1',
  role: 'viewer',
  n: 7,
  creator: {
    email: 'ada@example.com',
    department: 'eng',
    title: 'Manager',
    company: 'Company Name',
    managers: ['grace@example.com', 'alan@example.com'],
    userManager: 'grace@example.com',
  },
  resource: {
    type: 'dataset',
    urn: 'my-bq-project:playground',
    details: { is_pii: false, owner: 'owner@example.com' },
  },
  items: [{ name: 'a' }, { name: 'b' }],
  pattern: '(',
  unicode: 'héllo',
};
const ENV = { $appeal: APPEAL };
const v = (value: unknown): Expectation => ({ value });
const fails = (error: ExprEvalErrorKind): Expectation => ({ error });
const refused: Expectation = { compileError: true };
const latestOnly = (yes: Expectation): Partial<Record<Target, Expectation>> => ({ 'expr-latest': yes });
const from115 = (yes: Expectation): Partial<Record<Target, Expectation>> => ({
  'guardian-1.15': yes,
  'expr-latest': yes,
});

const CASES: Case[] = [
  // literals
  { src: '1', expect: v(1) },
  { src: '1.5', expect: v(1.5) },
  { src: '.5', expect: v(0.5) },
  { src: '1e3', expect: v(1000) },
  { src: '2.5e-1', expect: v(0.25) },
  { src: '1_000', expect: v(1000) },
  { src: '0x1F', expect: v(31) },
  { src: '1.', expect: v(1) },
  { src: '"a\\"b"', expect: v('a"b') },
  { src: "'it\\'s'", expect: v("it's") },
  { src: '\'say "hi"\'', expect: v('say "hi"') },
  { src: '"tab\\there"', expect: v('tab\there') },
  { src: '"\\u00e9"', expect: v('é') },
  { src: '"\\101\\x42"', expect: v('AB') },
  { src: 'true', expect: v(true) },
  { src: 'false', expect: v(false) },
  { src: 'nil', expect: v(null) },
  { src: '[1, "a", true, nil]', expect: v([1, 'a', true, null]) },
  { src: '[1, 2,]', expect: v([1, 2]) },
  { src: '{a: 1, "b": 2, 3: "c"}', expect: v({ a: 1, b: 2, '3': 'c' }) },
  { src: '{a: 1, a: 2}.a', expect: v(1) },
  { src: '{(1 + 1): "x"}', expect: fails('type-mismatch') },
  // arithmetic
  { src: '1 + 2', expect: v(3) },
  { src: '10 - 2 * 3', expect: v(4) },
  { src: '(10 - 2) * 3', expect: v(24) },
  { src: '7 / 2', expect: v(3.5) },
  { src: '6 / 3', expect: v(2) },
  { src: '7 % 3', expect: v(1) },
  { src: '-7 % 3', expect: v(-1) },
  { src: '7 % -3', expect: v(1) },
  { src: '2 ** 10', expect: v(1024) },
  { src: '2 ^ 3 ^ 2', expect: v(512) },
  { src: '-2 ** 2', expect: v(-4) },
  { src: '(-2) ** 2', expect: v(4) },
  { src: '1 / 0', expect: v(Infinity) },
  { src: '-1 / 0', expect: v(-Infinity) },
  { src: '0 / 0', expect: v(NaN) },
  { src: '1.5 + 1', expect: v(2.5) },
  { src: '+5', expect: v(5) },
  { src: '-(-5)', expect: v(5) },
  { src: '1 % 0', expect: refused },
  { src: '5 % (2 - 2)', expect: refused },
  { src: '1.5 % 1', expect: refused },
  { src: '"a" + "b"', expect: v('ab') },
  { src: '"a" + 1', expect: refused },
  { src: '2 * "a"', expect: refused },
  { src: '-"a"', expect: refused },
  { src: '$appeal.n + 1', env: ENV, expect: v(8) },
  { src: '$appeal.n / 2', env: ENV, expect: v(3.5) },
  { src: '$appeal.n ** 2', env: ENV, expect: v(49) },
  { src: '$appeal.n % 2', env: ENV, expect: fails('type-mismatch') },
  { src: 'int($appeal.n) % 2', env: ENV, expect: v(1) },
  { src: '$appeal.creator.department + 1', env: ENV, expect: fails('type-mismatch') },
  { src: '$appeal.creator.department + "!"', env: ENV, expect: v('eng!') },
  { src: '-$appeal.creator.department', env: ENV, expect: fails('type-mismatch') },
  { src: '$appeal.missing - 1', env: ENV, expect: fails('type-mismatch') },
  // comparison and equality
  { src: '1 < 2', expect: v(true) },
  { src: '2 <= 2', expect: v(true) },
  { src: '3 > 2.5', expect: v(true) },
  { src: '"abc" < "abd"', expect: v(true) },
  { src: '"a" > 1', expect: refused },
  { src: '"10" == 10', expect: refused },
  { src: 'true == 1', expect: refused },
  { src: '1 == 1.0', expect: v(true) },
  { src: 'nil == nil', expect: v(true) },
  { src: 'nil == false', expect: v(false) },
  { src: '1 != 2', expect: v(true) },
  { src: '[1, 2] == [1, 2]', expect: v(true) },
  { src: '{a: 1} == {a: 1}', expect: v(true) },
  { src: '1..3 == [1, 2, 3]', expect: v(false), on: latestOnly(v(true)) },
  { src: '[1] == [1.0]', expect: v(false), on: latestOnly(v(true)) },
  { src: '$appeal.n == 7', env: ENV, expect: v(true) },
  { src: '$appeal.n == 7.0', env: ENV, expect: v(true) },
  { src: '$appeal.n > 6.5', env: ENV, expect: v(true) },
  { src: '$appeal.creator.department == "eng"', env: ENV, expect: v(true) },
  { src: '$appeal.creator.department != "eng"', env: ENV, expect: v(false) },
  { src: '$appeal.missing == nil', env: ENV, expect: v(true) },
  { src: '$appeal.missing == ""', env: ENV, expect: v(false) },
  { src: '$appeal.creator.department == 1', env: ENV, expect: v(false) },
  { src: '$appeal.creator.department < 1', env: ENV, expect: fails('type-mismatch') },
  { src: '$appeal.missing > 1', env: ENV, expect: fails('type-mismatch') },
  // logic
  { src: 'true && false', expect: v(false) },
  { src: 'true and true', expect: v(true) },
  { src: 'false || true', expect: v(true) },
  { src: 'false or false', expect: v(false) },
  { src: 'not true', expect: v(false) },
  { src: '!false', expect: v(true) },
  { src: '!!true', expect: v(true) },
  { src: '1 && true', expect: refused },
  { src: '!1', expect: refused },
  { src: '$appeal.resource.details.is_pii && true', env: ENV, expect: v(false) },
  { src: '$appeal.missing && true', env: ENV, expect: fails('type-mismatch') },
  { src: 'true && $appeal.creator.department', env: ENV, expect: v('eng') },
  { src: 'false || $appeal.creator.department', env: ENV, expect: v('eng') },
  { src: '!$appeal.resource.details.is_pii', env: ENV, expect: v(true) },
  { src: '!$appeal.resource.details.skip', env: ENV, expect: fails('type-mismatch') },
  { src: 'not $appeal.creator.department', env: ENV, expect: fails('type-mismatch') },
  { src: 'false && $appeal.missing.x.y', env: ENV, expect: v(false) },
  { src: 'true || $appeal.missing.x.y', env: ENV, expect: v(true) },
  {
    src: 'not ($appeal.resource.type == "dataset" && $appeal.resource.urn == "my-bq-project:playground")',
    env: ENV,
    expect: v(false),
  },
  // membership
  { src: '$appeal.creator.title in ["Manager", "Director"]', env: ENV, expect: v(true) },
  { src: '$appeal.creator.title not in ["Manager"]', env: ENV, expect: v(false) },
  { src: 'not ($appeal.creator.title in ["Manager", "Director"])', env: ENV, expect: v(false) },
  { src: '$appeal.missing in ["", "a"]', env: ENV, expect: v(true), on: latestOnly(v(false)) },
  { src: '$appeal.missing in ["a"]', env: ENV, expect: v(false) },
  { src: '$appeal.n in ["7"]', env: ENV, expect: fails('type-mismatch'), on: latestOnly(v(false)) },
  { src: '$appeal.n in [7, 8]', env: ENV, expect: v(true) },
  { src: '2 in [1, 2, 3]', expect: v(true) },
  { src: '2 in 1..3', expect: v(true) },
  { src: '4 in 1..3', expect: v(false) },
  { src: 'nil in [nil]', expect: v(true) },
  { src: '"a" in ["a", 1]', expect: v(true) },
  { src: '"creator" in $appeal', env: ENV, expect: v(true) },
  { src: '"nope" in $appeal', env: ENV, expect: v(false) },
  { src: '1 in $appeal', env: ENV, expect: fails('type-mismatch') },
  { src: '"x" in $appeal.missing', env: ENV, expect: v(false) },
  { src: '"a" in "abc"', expect: refused },
  { src: '"b" in {a: 1, b: 2}', expect: v(true) },
  { src: '$appeal.creator.managers[0] in $appeal.creator.managers', env: ENV, expect: v(true) },
  // string operators
  { src: '"hello" contains "ell"', expect: v(true) },
  { src: '"hello" startsWith "he"', expect: v(true) },
  { src: '"hello" endsWith "lo"', expect: v(true) },
  { src: '"hello" not contains "x"', expect: v(true) },
  { src: '$appeal.creator.email endsWith "@example.com"', env: ENV, expect: v(true) },
  { src: '$appeal.missing contains "a"', env: ENV, expect: fails('type-mismatch') },
  { src: '1 contains "a"', expect: refused },
  { src: '"abc" matches "^a.c$"', expect: v(true) },
  { src: '"ABC" matches "(?i)abc"', expect: v(true) },
  { src: '"a1" matches "\\\\d"', expect: v(true) },
  { src: '"abc" not matches "^b"', expect: v(true) },
  { src: '"abc" matches "["', expect: refused },
  { src: '"abc" matches "(?=a)"', expect: refused },
  { src: '"abc" matches $appeal.creator.department', env: ENV, expect: v(false) },
  { src: '"abc" matches $appeal.pattern', env: ENV, expect: fails('bad-regex') },
  { src: '$appeal.missing matches "a"', env: ENV, expect: fails('type-mismatch') },
  // ranges, indexes, slices
  { src: '1..3', expect: v([1, 2, 3]) },
  { src: '3..1', expect: v([]) },
  { src: 'len(1..10)', expect: v(10) },
  { src: '"a"..3', expect: refused },
  { src: '$appeal.n..9', env: ENV, expect: v([7, 8, 9]) },
  { src: '[1, 2, 3][0]', expect: v(1) },
  { src: '[1, 2, 3][-1]', expect: v(3) },
  { src: '[1, 2, 3][3]', expect: fails('index-out-of-range') },
  { src: '[1, 2, 3][-4]', expect: fails('index-out-of-range') },
  { src: '[1, 2, 3][1.5]', expect: refused },
  { src: '[1, 2, 3][1:]', expect: v([2, 3]) },
  { src: '[1, 2, 3][:2]', expect: v([1, 2]) },
  { src: '[1, 2, 3][:]', expect: v([1, 2, 3]) },
  { src: '[1, 2, 3][1:-1]', expect: v([2]) },
  { src: '[1, 2, 3][2:1]', expect: v([]) },
  { src: '[1, 2, 3][0:10]', expect: v([1, 2, 3]) },
  { src: '[1, 2, 3][-5:]', expect: fails('index-out-of-range') },
  { src: '$appeal.creator.managers[0]', env: ENV, expect: v('grace@example.com') },
  { src: '$appeal.creator.managers[-1]', env: ENV, expect: v('alan@example.com') },
  { src: '$appeal.creator.managers["1"]', env: ENV, expect: v('alan@example.com') },
  { src: '$appeal.creator.email[0]', env: ENV, expect: v(97) },
  { src: '$appeal.creator.department[1:]', env: ENV, expect: v('ng') },
  { src: '{a: 1}["a"]', expect: v(1) },
  { src: '{a: 1}.b', expect: v(null) },
  { src: '{a: 1}[1]', expect: refused },
  { src: '$appeal["creator"]["department"]', env: ENV, expect: v('eng') },
  // nil, optional chaining, ??
  { src: '$appeal.missing', env: ENV, expect: v(null) },
  { src: '$appeal.missing.x', env: ENV, expect: fails('nil-member') },
  { src: '$appeal.missing?.x', env: ENV, expect: v(null) },
  { src: '$appeal.missing?.x.y', env: ENV, expect: v(null) },
  { src: '$appeal.missing?.x[0]', env: ENV, expect: fails('nil-member') },
  { src: '$appeal?.creator.department', env: ENV, expect: v('eng') },
  { src: '$appeal.creator.email.x', env: ENV, expect: fails('type-mismatch') },
  { src: '$appeal.n.x', env: ENV, expect: fails('type-mismatch') },
  { src: '$appeal.missing ?? "default"', env: ENV, expect: v('default') },
  { src: '$appeal.creator.department ?? "x"', env: ENV, expect: v('eng') },
  { src: 'nil ?? nil', expect: v(null) },
  { src: 'false ?? true', expect: v(false) },
  { src: '$appeal.missing.x ?? 1', env: ENV, expect: fails('nil-member') },
  { src: '$appeal.missing?.x ?? 1', env: ENV, expect: v(1) },
  {
    src: '$appeal.creator != nil ? $appeal.creator.managers : "approver@example.com"',
    env: ENV,
    expect: v(APPEAL.creator.managers),
  },
  {
    src: '$appeal.nobody != nil ? $appeal.nobody.managers : "approver@example.com"',
    env: ENV,
    expect: v('approver@example.com'),
  },
  // conditional
  { src: 'true ? 1 : 2', expect: v(1) },
  { src: 'false ? 1 : 2', expect: v(2) },
  { src: 'true ? false ? 1 : 2 : 3', expect: v(2) },
  { src: 'false ?: 5', expect: v(5) },
  { src: '1 ? 2 : 3', expect: refused },
  { src: '$appeal.missing ? 1 : 2', env: ENV, expect: fails('type-mismatch') },
  { src: '$appeal.creator.department == "eng" ? "yes" : "no"', env: ENV, expect: v('yes') },
  // variables as Guardian provides them
  { src: '$creator.userManager', env: ENV, expect: fails('unknown-variable') },
  { src: 'false && $nope', env: ENV, expect: fails('unknown-variable') },
  { src: '$appeal.id == "$foo"', env: ENV, expect: fails('unknown-variable') },
  { src: '$appeal.id in ["$foo"]', env: ENV, expect: v(false) },
  { src: 'foo', env: ENV, expect: v(null) },
  { src: '$appeal.creator.userManager', env: ENV, expect: v('grace@example.com') },
  // builtins
  { src: 'len("héllo")', expect: v(6), on: latestOnly(v(5)) },
  { src: 'len($appeal.unicode)', env: ENV, expect: v(6), on: latestOnly(v(5)) },
  { src: 'len([1, 2])', expect: v(2) },
  { src: 'len({a: 1})', expect: v(1) },
  { src: 'len($appeal.missing)', env: ENV, expect: fails('type-mismatch') },
  { src: 'len(1)', expect: refused },
  { src: 'len()', expect: refused },
  { src: 'len(1, 2)', expect: refused },
  { src: 'abs(-5)', expect: v(5) },
  { src: 'abs(-1.5)', expect: v(1.5) },
  { src: 'abs("x")', expect: refused },
  { src: 'int(5.9)', expect: v(5) },
  { src: 'int(-5.9)', expect: v(-5) },
  { src: 'int("42")', expect: v(42) },
  { src: 'int("4.2")', expect: fails('type-mismatch') },
  { src: 'int(true)', expect: refused },
  { src: 'float("1.5")', expect: v(1.5) },
  { src: 'float(2)', expect: v(2) },
  { src: 'float("abc")', expect: fails('type-mismatch') },
  { src: 'lower("ABC")', expect: fails('unavailable-builtin'), on: from115(v('abc')) },
  { src: 'upper($appeal.creator.department)', env: ENV, expect: fails('unavailable-builtin'), on: from115(v('ENG')) },
  { src: 'trim("  a  ")', expect: fails('unavailable-builtin'), on: from115(v('a')) },
  { src: 'split("a,b", ",")', expect: fails('unavailable-builtin'), on: from115(v(['a', 'b'])) },
  { src: 'join(["a", "b"], "-")', expect: fails('unavailable-builtin'), on: from115(v('a-b')) },
  { src: 'replace("a-b", "-", "+")', expect: fails('unavailable-builtin'), on: from115(v('a+b')) },
  { src: 'max(1, 5, 3)', expect: fails('unavailable-builtin'), on: from115(v(5)) },
  { src: 'min(2, 1.5)', expect: fails('unavailable-builtin'), on: from115(v(1.5)) },
  { src: 'sum([1, 2, 3])', expect: fails('unavailable-builtin'), on: from115(v(6)) },
  { src: 'first([1, 2])', expect: fails('unavailable-builtin'), on: from115(v(1)) },
  { src: 'last([1, 2])', expect: fails('unavailable-builtin'), on: from115(v(2)) },
  { src: 'keys({a: 1})', expect: fails('unavailable-builtin'), on: from115(v(['a'])) },
  { src: 'ceil(1.2)', expect: fails('unavailable-builtin'), on: latestOnly(v(2)) },
  { src: 'floor(1.5)', expect: fails('unavailable-builtin'), on: latestOnly(v(1)) },
  { src: 'round(1.5)', expect: fails('unavailable-builtin'), on: latestOnly(v(2)) },
  { src: 'uniq([1, 1, 2])', expect: fails('unavailable-builtin'), on: latestOnly(v([1, 2])) },
  { src: 'concat([1], [2])', expect: fails('unavailable-builtin'), on: latestOnly(v([1, 2])) },
  { src: 'flatten([[1], [2, [3]]])', expect: fails('unavailable-builtin'), on: latestOnly(v([1, 2, 3])) },
  { src: 'type(now())', expect: fails('unavailable-builtin'), on: from115(v('time.Time')) },
  { src: 'foo(1)', expect: fails('unavailable-builtin') },
  { src: 'lower($appeal.missing.x)', env: ENV, expect: fails('nil-member') },
  { src: 'Split($appeal.creator.email, "@")', env: ENV, expect: v(['ada', 'example.com']) },
  { src: 'Split($appeal.n, "@")', env: ENV, expect: fails('type-mismatch') },
  { src: 'len(Split("a@b@c", "@"))', expect: v(3) },
  { src: 'Split("abc", "")', expect: v(['a', 'b', 'c']) },
  { src: 'len(Split($appeal.creator.email, "@")[0]) > 2', env: ENV, expect: v(true) },
  // predicates
  { src: 'all([1, 2, 3], {# > 0})', expect: v(true) },
  { src: 'all([], {# > 0})', expect: v(true) },
  { src: 'any([1, 2, 3], # > 2)', expect: v(true) },
  { src: 'none([1, 2], {# > 5})', expect: v(true) },
  { src: 'one([1, 2, 3], {# == 2})', expect: v(true) },
  { src: 'one([2, 2], {# == 2})', expect: v(false) },
  { src: 'filter([1, 2, 3, 4], {# % 2 == 0})', expect: v([2, 4]) },
  { src: 'map([1, 2, 3], {# * 10})', expect: v([10, 20, 30]) },
  { src: 'count([1, 2, 3], {# >= 2})', expect: v(2) },
  { src: 'count([], {true})', expect: v(0) },
  { src: 'filter(1..5, # > 3)', expect: v([4, 5]) },
  { src: 'map($appeal.items, {.name})', env: ENV, expect: v(['a', 'b']) },
  {
    src: 'map($response.roles, {#.name})',
    env: { $response: { roles: [{ name: 'r1' }, { name: 'r2' }] } },
    expect: v(['r1', 'r2']),
  },
  { src: 'any($appeal.creator.managers, {# endsWith "@example.com"})', env: ENV, expect: v(true) },
  { src: 'all($appeal.missing, {# > 0})', env: ENV, expect: fails('type-mismatch') },
  { src: 'all([1, 2], {#})', expect: fails('type-mismatch') },
  { src: 'all([1], {1})', expect: refused },
  { src: 'all("abc", {true})', expect: refused },
  { src: 'any([[1, 2], [3]], {any(#, {# == 3})})', expect: v(true) },
  { src: 'map([1, 2], {# > 1 ? "big" : "small"})', expect: v(['small', 'big']) },
  // syntax the server refuses
  { src: '"abc"[0]', expect: refused },
  { src: '$appeal.x ?? 1 + 2', env: ENV, expect: refused },
  { src: '#', expect: refused },
  { src: '1 +', expect: refused },
  { src: ')*(@#&$_(*)#$&)(*', expect: refused },
];

describe('evaluate: what expr gives, per target', () => {
  for (const target of TARGETS.map((t) => t.id)) {
    describe(target, () => {
      it.each(CASES.map((c) => [c.src, c] as const))('%s', (_src, c) => {
        const want = c.on?.[target] ?? c.expect;
        const result = evaluate(c.src, c.env ?? {}, { target });
        if ('value' in want) {
          if (!result.ok)
            throw new Error(
              `expected ${String(want.value)}, got ${JSON.stringify(result.error instanceof Error ? result.error.message : result.error)}`,
            );
          expect(result.value).toEqual(want.value);
        } else if ('error' in want) {
          expect(result.ok).toBe(false);
          if (!result.ok) {
            expect(Array.isArray(result.error), JSON.stringify(result.error)).toBe(false);
            if (!Array.isArray(result.error)) expect(result.error.kind, result.error.message).toBe(want.error);
          }
        } else {
          expect(result.ok).toBe(false);
          if (!result.ok) expect(Array.isArray(result.error), String(result.error)).toBe(true);
        }
      });
    });
  }

  it('has at least 150 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(150);
  });
});

describe('int and float stay apart (as Go int and float64)', () => {
  const kinds: [string, unknown][] = [
    ['1 + 2', 3n],
    ['7 / 2', 3.5],
    ['6 / 3', 2],
    ['1 + 2.0', 3],
    ['len("abc")', 3n],
    ['int(5.5)', 5n],
    ['float(5)', 5],
    ['abs(-5)', 5n],
    ['count([1], {true})', 1n],
    ['9223372036854775807 + 1', -9223372036854775808n],
    ['2 ** 2', 4],
  ];
  it.each(kinds)('%s', (src, want) => {
    const result = evaluate(src, {}, { preserveIntegers: true });
    expect(result).toEqual({ ok: true, value: want });
  });
});

describe('error messages follow expr', () => {
  const messages: [string, string][] = [
    ['$appeal.missing.email', 'cannot fetch email from <nil>'],
    ['lower("A")', 'reflect: call of reflect.Value.Call on zero Value'],
    ['$creator.x', 'parameter not found: creator'],
    ['$appeal.missing && true', 'interface conversion: interface {} is nil, not bool'],
    ['$appeal.n % 2', 'invalid operation: float64 % int'],
    ['$appeal.creator.department < 1', 'invalid operation: string < int'],
    ['len($appeal.missing)', 'invalid argument for len (type <nil>)'],
  ];
  it.each(messages)('%s', (src, message) => {
    const result = evaluate(src, ENV);
    expect(result.ok).toBe(false);
    if (!result.ok && !Array.isArray(result.error)) expect(result.error.message).toBe(message);
  });
});
