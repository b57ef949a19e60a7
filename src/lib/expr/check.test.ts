import { describe, expect, it } from 'vitest';
import { check, compile, guardianTruthiness, isTruthy } from './index';

const codes = (source: string, target?: Parameters<typeof check>[1]) =>
  check(source, target).map((p) => `${p.severity}:${p.code}`);

describe('check', () => {
  it('flags lower() on a guardian-1.12 server but not on guardian-1.15', () => {
    const problems = check('lower($appeal.creator.name) == "ada"', { target: 'guardian-1.12' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      severity: 'warning',
      code: 'unavailable-builtin',
      start: { offset: 0, line: 1, column: 1 },
      end: { offset: 5, line: 1, column: 6 },
    });
    expect(problems[0]?.message).toContain(
      '`lower` is not available on this Guardian server (expr 1.12): this expression will fail on every appeal',
    );
    expect(check('lower($appeal.creator.name) == "ada"', { target: 'guardian-1.15' })).toEqual([]);
  });

  it('knows what 1.15 still lacks', () => {
    expect(codes('ceil(1.5) > 1', { target: 'guardian-1.15' })).toEqual(['warning:unavailable-builtin']);
    expect(codes('ceil(1.5) > 1', { target: 'expr-latest' })).toEqual([]);
  });

  it('reports functions no server has', () => {
    expect(codes('lowercase($appeal.x)')).toEqual(['error:unknown-function']);
  });

  it('reports type errors between literals where expr reports them', () => {
    const [problem] = check('$appeal.x == 1 && "a" > 1');
    expect(problem).toMatchObject({
      severity: 'error',
      code: 'type',
      message: 'invalid operation: > (mismatched types string and int)',
    });
    expect(problem?.start.offset).toBe(18);
    expect(problem?.end.offset).toBe(25);
    expect(codes('"10" == 10')).toEqual(['error:type']);
    expect(codes('1 % 0')).toEqual(['error:division-by-zero']);
    expect(codes('1 / 0')).toEqual([]);
    expect(codes('"a" matches "("')).toEqual(['error:bad-regex']);
  });

  it('reports parse errors with positions', () => {
    const problems = check('$appeal.creator.department == ');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', code: 'syntax', start: { offset: 30 } });
  });

  it('warns about parameters Guardian will not find', () => {
    expect(codes('$creator.userManager')).toEqual(['warning:unknown-variable']);
    expect(codes('$response.body', { knownVariables: ['$response'] })).toEqual([]);
    expect(codes('$appeal.id == "$x"')).toEqual(['warning:dollar-string']);
  });

  it('warns when expr silently drops a `not`', () => {
    expect(codes('$appeal.a == $appeal.b not in ["x"]')).toEqual(['warning:ignored-not']);
  });

  it('is clean on ordinary policy expressions', () => {
    for (const source of [
      '$appeal.resource.details.is_pii',
      '$appeal.creator.company == "Company Name"',
      'not ($appeal.resource.type == "dataset" && $appeal.resource.urn == "my-bq-project:playground")',
      '$appeal.creator != nil ? $appeal.creator.managers : "approver@example.com"',
      'len(Split($appeal.creator.email, "@")[0]) > 2',
      'any($appeal.creator.managers, {# endsWith "@example.com"})',
    ]) {
      expect(check(source), source).toEqual([]);
    }
  });
});

describe('compile', () => {
  it('refuses what the server refuses and accepts what it accepts', () => {
    expect(compile('"a" > 1').ok).toBe(false);
    expect(compile('lower($appeal.x)').ok).toBe(true);
    expect(compile('$creator.x').ok).toBe(true);
  });

  it('runs once compiled, for many environments', () => {
    const compiled = compile('$appeal.creator.department == "eng"');
    if (!compiled.ok) throw new Error('did not compile');
    expect(compiled.run({ $appeal: { creator: { department: 'eng' } } })).toBe(true);
    expect(compiled.run({ $appeal: { creator: { department: 'ops' } } })).toBe(false);
    expect(() => compiled.run({ $appeal: {} })).toThrowError('cannot fetch department from <nil>');
    expect(() => compiled.run({})).toThrowError('parameter not found: appeal');
  });

  it('does not read inherited properties as fields', () => {
    expect(
      compile('$appeal.constructor == nil && $appeal.toString == nil').ok && compile('$appeal.constructor == nil').ok,
    ).toBe(true);
    const compiled = compile('$appeal.constructor == nil && $appeal["__proto__"] == nil');
    if (compiled.ok) expect(compiled.run({ $appeal: {} })).toBe(true);
  });
});

describe('truthiness as Guardian reads a when/approve_if result (reflect.Value.IsZero)', () => {
  it.each([
    [true, 'truthy'],
    [false, 'falsy'],
    [0, 'falsy'],
    [1, 'truthy'],
    [0n, 'falsy'],
    ['', 'falsy'],
    ['false', 'truthy'],
    [[], 'truthy'],
    [{}, 'truthy'],
    [null, 'fails'],
  ] as const)('%s is %s', (value, want) => {
    expect(guardianTruthiness(value)).toBe(want);
    expect(isTruthy(value)).toBe(want === 'truthy');
  });
});
