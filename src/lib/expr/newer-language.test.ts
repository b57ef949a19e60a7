/**
 * `let`, pipes, the closure builtins of expr 1.15 (find, findIndex, reduce with #acc, …), sortBy
 * and time on each target: parsing, the checker's problems with positions, the injectable `now`,
 * and the budgets that stop an expression before it freezes the tab. Where a value or message is
 * expr's, the source is named (file at tag); expr-oracle.test.ts holds the bulk of the recorded cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, compile, evaluate, parse, print, variables, type Target } from './index';

const NEWER: Target[] = ['guardian-1.15', 'expr-latest'];
const codes = (source: string, target: Target) => check(source, { target }).map((p) => `${p.severity}:${p.code}`);
const value = (source: string, target: Target, env: Record<string, unknown> = {}, now?: Date) => {
  const result = evaluate(source, env, { target, now });
  if (!result.ok)
    throw new Error(Array.isArray(result.error) ? result.error.map((e) => e.message).join('; ') : result.error.message);
  return result.value;
};
const failure = (source: string, target: Target, env: Record<string, unknown> = {}) => {
  const result = evaluate(source, env, { target });
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return Array.isArray(result.error) ? `compile: ${result.error[0]?.message}` : result.error.message;
};

const APPEAL = {
  created_at: '2024-05-30T09:15:00.123456Z',
  creator: { email: 'ada@example.com', managers: ['grace@example.com', 'alan@example.org'] },
};

describe('guardian-1.12 refuses the newer language as expr 1.12.5 does', () => {
  // expr v1.12.5 parser/lexer/state.go has no `;`, `|` or `#name`; parser.go knows only 7 predicates.
  it.each([
    ['let x = 1; x + 1', "unrecognized character: U+003B ';'"],
    ['$appeal.x | lower()', 'unexpected token `|`'],
    ['reduce(1..3, #acc + #)', 'cannot use pointer accessor outside closure'],
    ['find([1, 2], # > 1)', 'cannot use pointer accessor outside closure'],
    ['map([1, 2], #index)', 'unexpected token `index`'],
  ])('%s', (source, words) => {
    const problems = check(source, { target: 'guardian-1.12' });
    expect(problems[0]?.severity).toBe('error');
    expect(problems[0]?.message).toContain(words);
  });

  it('says `let` needs a newer server', () => {
    expect(check('let x = 1; x', { target: 'guardian-1.12' })[0]?.message).toContain('`let` needs expr 1.15 or later');
  });

  it('compiles now(), date() and duration() but fails every run (an unknown function in expr 1.12)', () => {
    expect(codes('now() > date("2024-01-01")', 'guardian-1.12')).toEqual([
      'warning:unavailable-builtin',
      'warning:unavailable-builtin',
    ]);
    expect(failure('duration("1h")', 'guardian-1.12')).toBe('reflect: call of reflect.Value.Call on zero Value');
  });
});

describe('let', () => {
  it.each(NEWER)('declares a name for the rest of the expression (%s)', (target) => {
    expect(value('let x = 2; let y = x * 3; y + 1', target)).toBe(7);
    expect(value('let m = $appeal.creator.managers; len(m) > 1 ? m[1] : "none"', target, { $appeal: APPEAL })).toBe(
      'alan@example.org',
    );
    expect(value('map([1, 2], let d = # * 2; d + 1)', target)).toEqual([3, 5]);
  });

  it.each(NEWER)('reports redeclarations where expr does, at the name (%s)', (target) => {
    // checker/checker.go VariableDeclaratorNode: "cannot redeclare builtin" / "cannot redeclare variable".
    const builtin = check('let len = 1; len', { target });
    expect(builtin[0]).toMatchObject({ code: 'type', message: 'cannot redeclare builtin len' });
    expect(builtin[0]?.start.offset).toBe(4);
    expect(builtin[0]?.end.offset).toBe(7);
    expect(check('let x = 1; let x = 2; x', { target })[0]?.message).toBe('cannot redeclare variable x');
  });

  it('is not an environment read, and needs the parameters its value reads', () => {
    const parsed = parse('let d = $appeal.creator.department; d == "eng" && d.x == nil', { target: 'guardian-1.15' });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(variables(parsed.ast)).toEqual(['$appeal.creator.department']);
    const compiled = compile('let d = $appeal.creator.department; d', { target: 'guardian-1.15' });
    if (!compiled.ok) throw new Error('did not compile');
    expect(() => compiled.run({})).toThrowError('parameter not found: appeal');
  });

  it('prints back to source that parses the same', () => {
    const parsed = parse('(let x = 1; x) + 2', { target: 'expr-latest' });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const again = parse(print(parsed.ast), { target: 'expr-latest' });
    expect(again.ok && evaluate(again.ast, {}, { target: 'expr-latest' })).toEqual({ ok: true, value: 3 });
  });
});

describe('closure builtins of expr 1.15', () => {
  it.each(NEWER)('find, findIndex, findLast, findLastIndex give the element, the index or nil (%s)', (target) => {
    // compiler/compiler.go at v1.15.3: not found is OpNil for all four.
    expect(value('find([1, 2, 3], # > 1)', target)).toBe(2);
    expect(value('findIndex([1, 2, 3], # > 1)', target)).toBe(1);
    expect(value('findLast([1, 2, 3], # < 3)', target)).toBe(2);
    expect(value('findLastIndex([1, 2, 3], # < 3)', target)).toBe(1);
    expect(value('find([1, 2], # > 5)', target)).toBeNull();
    expect(value('findIndex([1, 2], # > 5)', target)).toBeNull();
  });

  it('reduce reads #acc and #index; an empty list without an initial value fails in each version’s words', () => {
    for (const target of NEWER) {
      expect(value('reduce(1..4, #acc + #)', target)).toBe(10);
      expect(value('reduce([5, 6], #acc + #index, 100)', target)).toBe(101);
    }
    expect(failure('reduce([], #acc)', 'guardian-1.15')).toBe('reflect: slice index out of range');
    expect(failure('reduce([], #acc)', 'expr-latest')).toBe('reduce of empty array with no initial value');
  });

  it('offers #index only in map and reduce, #acc only in reduce (checker.go `begin` scopes)', () => {
    expect(check('filter([1], #index > 0)', { target: 'guardian-1.15' })[0]).toMatchObject({
      message: 'unknown pointer #index',
      start: { offset: 12 },
    });
    expect(check('map([1], #acc)', { target: 'expr-latest' })[0]?.message).toBe('unknown pointer #acc');
    expect(check('map([1], #index)', { target: 'guardian-1.15' })).toEqual([]);
  });

  it('sortBy takes a field name on expr 1.15 and a closure on the latest expr', () => {
    const env = {
      $appeal: {
        users: [
          { n: 'b', age: 2 },
          { n: 'a', age: 1 },
        ],
      },
    };
    expect(value('map(sortBy($appeal.users, "n"), .n)', 'guardian-1.15', env)).toEqual(['a', 'b']);
    expect(value('map(sortBy($appeal.users, .age, "desc"), .n)', 'expr-latest', env)).toEqual(['b', 'a']);
    // builtin/sort.go at v1.15.3: JSON numbers are float64, which that sort refuses.
    expect(failure('sortBy($appeal.users, "age")', 'guardian-1.15', env)).toBe('sort: unsupported type float64');
    expect(check('sortBy($appeal.users, .age)', { target: 'guardian-1.15' })[0]?.message).toBe(
      'cannot use pointer accessor outside closure',
    );
  });

  it('pipes pass the left side as the first argument', () => {
    for (const target of NEWER) {
      expect(value('[3, 1, 2] | sort() | map(# * 10) | first()', target)).toBe(10);
      expect(value('"A,B" | lower() | split(",")', target)).toEqual(['a', 'b']);
    }
  });
});

describe('time', () => {
  const NOW = new Date('2024-06-01T12:00:00Z');

  it.each(NEWER)('compares and subtracts times read from the appeal (%s)', (target) => {
    // Guardian passes the appeal as JSON (utils.StructToMap): created_at is an RFC 3339 string, which date() parses.
    const env = { $appeal: APPEAL };
    expect(value('now() - date($appeal.created_at) > duration("48h")', target, env, NOW)).toBe(true);
    expect(value('(now() - date($appeal.created_at)).Hours() > 50', target, env, NOW)).toBe(true);
    expect(value('string(now() - date($appeal.created_at))', target, env, NOW)).toBe('50h44m59.876544s');
    expect(failure('$appeal.created_at < now()', target, env)).toBe('invalid operation: string < time.Time');
  });

  it('warns where an appeal time is used as a time without date()', () => {
    const problems = check('$appeal.created_at < now() - duration("24h")', { target: 'guardian-1.15' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      severity: 'warning',
      code: 'time-as-text',
      start: { offset: 0 },
      end: { offset: 18 },
    });
    expect(problems[0]?.message).toContain('`date($appeal.created_at)`');
    expect(check('date($appeal.created_at) < now() - duration("24h")', { target: 'guardian-1.15' })).toEqual([]);
    expect(check('now() - duration($appeal.options.duration) > now()', { target: 'expr-latest' })).toEqual([]);
  });

  it('now() is the injected evaluation time, the same for every call in one evaluation', () => {
    expect(value('now()', 'guardian-1.15', {}, NOW)).toBe('2024-06-01T12:00:00Z');
    expect(value('now() == now()', 'expr-latest', {}, NOW)).toBe(true);
    const compiled = compile('now().Day()', { target: 'guardian-1.15', now: NOW });
    if (!compiled.ok) throw new Error('did not compile');
    expect(compiled.run({})).toBe(1);
    expect(compiled.run({}, { now: Date.UTC(2024, 6, 4) })).toBe(4);
    expect(compiled.run({})).toBe(1);
  });

  it('reads the clock when no time is injected', () => {
    const before = Date.now();
    const year = value('now().Year()', 'guardian-1.15') as number;
    expect(year).toBe(new Date(before).getUTCFullYear());
  });

  it('types times and durations as expr 1.15 and the latest expr do', () => {
    // checker/checker.go at v1.15.3: a Duration is an int64 kind, so `d > 1` compiles (and fails when run);
    // at v1.17.8 it is its own type and the same comparison is a compile error.
    expect(codes('duration("1h") > 1', 'guardian-1.15')).toEqual([]);
    expect(failure('duration("1h") > 1', 'guardian-1.15')).toBe('invalid operation: time.Duration > int');
    expect(check('duration("1h") > 1', { target: 'expr-latest' })[0]?.message).toBe(
      'invalid operation: > (mismatched types time.Duration and int)',
    );
    expect(check('now() < "2024"', { target: 'guardian-1.15' })[0]?.message).toBe(
      'invalid operation: < (mismatched types time.Time and string)',
    );
    expect(check('now().Nope()', { target: 'guardian-1.15' })[0]?.message).toBe('type time.Time has no method Nope');
    expect(check('duration(1)', { target: 'guardian-1.15' })[0]?.message).toBe(
      'cannot use int as argument (type string) to call duration ',
    );
    expect(check('now(1)', { target: 'guardian-1.15' })[0]?.message).toBe('too many arguments to call now');
    expect(check('now(1)', { target: 'expr-latest' })[0]?.message).toBe(
      'invalid number of arguments (expected 0, got 1)',
    );
  });

  it('parses dates in a named zone and prints them as Go does', () => {
    // builtin.go `date` with a layout and a zone: time.ParseInLocation.
    expect(value('string(date("2024-07-05 10:11", "2006-01-02 15:04", "Europe/Zurich"))', 'guardian-1.15')).toBe(
      '2024-07-05 10:11:00 +0200 CEST',
    );
    expect(failure('date("2024-01-01", "2006-01-02", "Mars/Olympus")', 'guardian-1.15')).toBe(
      'unknown time zone Mars/Olympus',
    );
    expect(failure('date("tomorrow")', 'expr-latest')).toBe('invalid date tomorrow');
  });

  it('timezone() exists on the latest expr only', () => {
    expect(value('now(timezone("Asia/Kolkata")).Hour()', 'expr-latest', {}, NOW)).toBe(17);
    expect(codes('timezone("UTC")', 'guardian-1.15')).toEqual(['warning:unavailable-builtin']);
  });

  it('round-trips any duration through its Go text', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 63n) + 1n, max: 2n ** 63n - 1n }), (ns) => {
        const text = value(`string(duration("${ns}ns"))`, 'guardian-1.15') as string;
        expect(value(`duration("${text}").Nanoseconds() == ${ns < 0n ? `-${-ns}` : ns}`, 'guardian-1.15')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('formats and parses back any instant with RFC 3339 nanoseconds', () => {
    fc.assert(
      fc.property(
        // What a Duration can add to 1970 (±292 years).
        fc.integer({ min: -9_000_000_000, max: 9_000_000_000 }),
        fc.integer({ min: 0, max: 999_999_999 }),
        (sec, nsec) => {
          const text = `date("1970-01-01T00:00:00Z") + duration("${sec}s") + duration("${nsec}ns")`;
          const printed = value(`(${text}).Format("2006-01-02T15:04:05.999999999Z07:00")`, 'expr-latest') as string;
          expect(value(`date("${printed}") == ${text}`, 'expr-latest')).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('budgets: expressions that explode stop with a clear error, quickly', () => {
  const quick = (source: string, target: Target, env: Record<string, unknown> = {}) => {
    const started = performance.now();
    const message = failure(source, target, env);
    return { message, ms: performance.now() - started };
  };

  it.each(['guardian-1.12', 'guardian-1.15', 'expr-latest'] as Target[])('ranges and nested loops (%s)', (target) => {
    // vm/vm.go memGrow: ranges and built arrays count against a budget of 1e6 elements.
    expect(quick('1..1000000000', target).message).toBe('memory budget exceeded');
    const nested = quick('all(1..999999, all(1..999999, true))', target);
    expect(nested.message).toBe('memory budget exceeded');
    expect(nested.ms).toBeLessThan(3000);
  });

  it('stops loops over large lists after a step or time budget', () => {
    const big = Array.from({ length: 2000 }, (_, i) => i);
    const run = quick('all($appeal.big, all($appeal.big, all($appeal.big, true)))', 'guardian-1.15', {
      $appeal: { big },
    });
    expect(run.message).toMatch(/^evaluation stopped after .*: the expression does too much work for one appeal$/);
    const slow = evaluate('any($appeal.big, any($appeal.big, # < 0))', { $appeal: { big } }, { timeBudgetMs: 5 });
    expect(slow.ok).toBe(false);
    if (!slow.ok && !Array.isArray(slow.error)) expect(slow.error.message).toMatch(/^evaluation stopped after 5 ms/);
  });

  it('stops huge strings, deep nesting, long let chains and over-long input', () => {
    expect(quick('repeat("x", 100000000)', 'guardian-1.15').message).toBe('memory budget exceeded');
    expect(quick('reduce(1..64, #acc + #acc, "x") == ""', 'expr-latest').message).toMatch(/^memory budget exceeded/);
    expect(quick('('.repeat(5000) + '1' + ')'.repeat(5000), 'guardian-1.15').message).toBe(
      'compile: expression is nested too deeply',
    );
    const chain = Array.from({ length: 600 }, (_, i) => `let a${i} = ${i};`).join(' ') + ' a599';
    expect(quick(chain, 'expr-latest').message).toBe('compile: expression is nested too deeply');
    expect(quick(Array.from({ length: 12000 }, () => '1').join('+'), 'guardian-1.12').message).toBe(
      'compile: expression is nested too deeply',
    );
    const long = quick(`"${'x'.repeat(60_000)}" == ""`, 'guardian-1.15');
    expect(long.message).toMatch(/^compile: expression is too long: 60,008 characters/);
    // Refused before it is read: quick every time (the fastest of three, as a busy machine can pause one).
    const again = ['y', 'z'].map((c) => quick(`"${c.repeat(60_000)}" == ""`, 'guardian-1.15'));
    expect(Math.min(long.ms, ...again.map((run) => run.ms))).toBeLessThan(100);
  });

  it('never throws from check, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            'let ',
            'x',
            ' = ',
            '1',
            ';',
            '|',
            '#acc',
            '#',
            'reduce(',
            'find(',
            ',',
            ')',
            '(',
            'now()',
            '+',
          ),
          {
            maxLength: 40,
          },
        ),
        (parts) => {
          for (const target of ['guardian-1.12', 'guardian-1.15', 'expr-latest'] as Target[]) {
            expect(() => check(parts.join(''), { target })).not.toThrow();
            expect(() => evaluate(parts.join(''), {}, { target })).not.toThrow();
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
