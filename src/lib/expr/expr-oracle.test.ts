/**
 * The console against the real expr. `oracle/cases.jsonl` holds ~400 expressions (time, duration,
 * date layouts and zones, `let`, pipes, reduce/find/findIndex/groupBy/sort/sortBy, `#index`/`#acc`,
 * and what Guardian's `$appeal` looks like: JSON, so `created_at` is an RFC 3339 string);
 * `oracle/expected.json` is what expr itself gave for each, evaluated the way Guardian does
 * (pkg/evaluator/expression.go: `expr.Compile` without an environment, `$` constants looked up),
 * recorded by `oracle/record.sh` at the tag each target pins: v1.12.5 (raystack Guardian),
 * v1.15.3 (goto Guardian), v1.17.8 (the newest tag).
 *
 * The console must give the same value (Go type and %v), the same run-time error words, and refuse
 * to compile where expr does (compile errors: expr's words, except where the console names a token
 * differently, `unexpected token \`x\`` for `Identifier("x")`, or adds a hint after them).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, type Target } from './index';
import { goFormat, goTypeName } from './values';

interface Case {
  src: string;
  env?: Record<string, unknown>;
}
type Outcome = { type: string; v: string } | { error: string };

const here = new URL('./oracle/', import.meta.url);
const CASES: Case[] = readFileSync(new URL('cases.jsonl', here), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Case);
const EXPECTED = JSON.parse(readFileSync(new URL('expected.json', here), 'utf8')) as Record<string, Outcome[]>;

const TAGS: Record<Target, string> = {
  'guardian-1.12': 'v1.12.5',
  'guardian-1.15': 'v1.15.3',
  'expr-latest': 'v1.17.8',
};

/**
 * Where the console differs on purpose, and why. Everything else must match.
 */
const DEVIATIONS: Record<string, { targets: Target[]; why: string }> = {
  'now() == now()': {
    targets: ['guardian-1.15', 'expr-latest'],
    why: 'now() is one instant per evaluation (injectable), so a trace reads one time; Go reads the clock at each call',
  },
  'now()["Year"]': {
    targets: ['guardian-1.15', 'expr-latest'],
    why: 'a method value is a JS function here; Go prints its address',
  },
  'let $appeal = 1; $appeal': {
    targets: ['guardian-1.15', 'expr-latest'],
    why: 'a `let` that shadows a `$` parameter: the console still asks the environment for it',
  },
  'let x = 1; x; 2': {
    targets: ['expr-latest'],
    why: 'sequences `a; b` (expr 1.16+) are not parsed by the console: it says so',
  },
  'find([1,2], #)': {
    targets: ['expr-latest'],
    why: 'the latest checker knows an array literal’s element type; the console fails the same call when it runs',
  },
  'date("2024-03-05").Weekday() == date("2024-03-12").Weekday()': {
    targets: ['guardian-1.15'],
    why: 'expr 1.15 compares two time.Weekday as ints and panics; the console compares them',
  },
};

/** Type names the console does not model exactly: int64 and uint8 are ints, any map is a map. */
function normalType(type: string): string {
  if (type === 'int64' || type === 'uint8') return 'int';
  if (type.startsWith('map[')) return 'map';
  if (type === '[][2]interface {}') return '[]interface {}';
  return type;
}

const TOKEN_WORDS = /(Identifier|Operator|Bracket|Number|String)\(|unexpected token EOF/;
const NOW = new Date('2024-06-01T12:00:00Z');

describe('the console gives what expr gives (recorded from expr itself)', () => {
  it('has the recorded outcome of every case at every tag', () => {
    for (const tag of Object.values(TAGS)) expect(EXPECTED[tag]).toHaveLength(CASES.length);
    expect(CASES.length).toBeGreaterThanOrEqual(390);
  });

  for (const target of Object.keys(TAGS) as Target[]) {
    describe(`${target} (expr ${TAGS[target]})`, () => {
      const outcomes = EXPECTED[TAGS[target]] as Outcome[];
      const rows = CASES.map((c, i) => [c.src, c, outcomes[i] as Outcome] as const).filter(
        ([src]) => !DEVIATIONS[src]?.targets.includes(target),
      );
      it.each(rows)('%s', (_src, c, want) => {
        const env: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(c.env ?? {})) env[`$${key}`] = value;
        const result = evaluate(c.src, env, { target, preserveIntegers: true, now: NOW });
        if ('type' in want) {
          if (!result.ok) {
            const error = Array.isArray(result.error)
              ? result.error.map((e) => e.message).join('; ')
              : result.error.message;
            throw new Error(`expected ${want.type} ${want.v}, got an error: ${error}`);
          }
          expect(normalType(goTypeName(result.value))).toBe(normalType(want.type));
          const text = goFormat(result.value);
          if (want.type === 'float64') expect(Number(text)).toBe(Number(want.v));
          else expect(text).toBe(want.v);
          return;
        }
        expect(result.ok, `expected an error: ${want.error}`).toBe(false);
        if (result.ok) return;
        const compileError = want.error.startsWith('invalid expression: ');
        expect(Array.isArray(result.error), `compile error expected: ${compileError}`).toBe(compileError);
        if (compileError && Array.isArray(result.error)) {
          const words = want.error.slice('invalid expression: '.length);
          if (!TOKEN_WORDS.test(words))
            expect(result.error[0]?.message.startsWith(words), result.error[0]?.message).toBe(true);
        } else if (!Array.isArray(result.error)) {
          expect(result.error.message).toBe(want.error);
        }
      });
    });
  }
});
