import { isPlainObject } from '../../src/lib/guardian-rules/plain-object';
import { MAX_USERS, MIN_USERS } from '../directory/directory';
import { DEFAULT_EXPR_TARGET, EXPR_TARGETS, type Target } from '../engine/expressions';

/** Everything about the mock one may tune: from tests, the demo panel, Playwright or curl. */
export interface MockConfig {
  /** Seeds the catalog and the directory: same seed, same data, everywhere. */
  seed: number;
  /** Generated policies beside the shared examples. */
  policyCount: number;
  maxVersions: number;
  /** Exactly this many versions per generated policy (perf runs); 0 = 1..maxVersions, mostly few. */
  versionsPerPolicy: number;
  includeForkExamples: boolean;
  /**
   * How the policy list answers: `false` as raystack (every version in one answer; `size`, `offset`
   * and `ids` ignored), `true` as goto/guardian (paged by `size`/`offset`, filtered by `ids`, oldest
   * first, with the `total`).
   */
  listPaging: boolean;
  /** Users in the directory a new test runs over (running tests keep theirs). */
  userCount: number;
  /** Users processed per second; 0 = auto (5,000 users ≈ 7 s, 100,000 ≈ 25 s). */
  usersPerSecond: number;
  /** A test still processing after this long ends as `exceeded time`. */
  timeBudgetMs: number;
  /** Tests processing at once per account; one more starts `blocked`. */
  concurrencyLimit: number;
  /** The expr runtime the mock Guardian evaluates and validates with. */
  exprTarget: Target;
  /** Added to every API answer, ±25% (seeded), to feel like a network. */
  latencyMs: number;
  /** `guardian`: exactly raystack's checks; `strict`: plus PRODUCT.md's (durations, duplicates, expressions). */
  validation: 'guardian' | 'strict';
  /** A few users with markup / RTL / very long display names, as real directories sometimes have. */
  hostileNames: boolean;
}

export const DEFAULT_CONFIG: MockConfig = {
  seed: 20261125,
  policyCount: 40,
  maxVersions: 12,
  versionsPerPolicy: 0,
  includeForkExamples: true,
  listPaging: false,
  userCount: 5_000,
  usersPerSecond: 0,
  timeBudgetMs: 120_000,
  concurrencyLimit: 3,
  exprTarget: DEFAULT_EXPR_TARGET,
  latencyMs: 0,
  validation: 'strict',
  hostileNames: true,
};

/** The rate `usersPerSecond: 0` stands for. */
export function effectiveRate(config: Pick<MockConfig, 'usersPerSecond'>, users: number): number {
  return config.usersPerSecond > 0 ? config.usersPerSecond : Math.max(700, Math.ceil(users / 25));
}

type Rule = (v: unknown) => string | undefined;
const int =
  (min: number, max: number): Rule =>
  (v) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
      ? undefined
      : `an integer from ${min} to ${max}`;
const num =
  (min: number, max: number): Rule =>
  (v) =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? undefined : `a number from ${min} to ${max}`;
const bool: Rule = (v) => (typeof v === 'boolean' ? undefined : 'true or false');
const oneOf =
  (values: readonly string[]): Rule =>
  (v) =>
    values.includes(v as string) ? undefined : `one of ${values.join(', ')}`;

const RULES: Record<keyof MockConfig, Rule> = {
  seed: int(0, 2 ** 31 - 1),
  policyCount: int(0, 20_000),
  maxVersions: int(1, 50),
  versionsPerPolicy: int(0, 50),
  includeForkExamples: bool,
  listPaging: bool,
  userCount: int(MIN_USERS, MAX_USERS),
  usersPerSecond: num(0, 10_000_000),
  timeBudgetMs: int(1_000, 86_400_000),
  concurrencyLimit: int(1, 100),
  exprTarget: oneOf(EXPR_TARGETS),
  latencyMs: int(0, 60_000),
  validation: oneOf(['guardian', 'strict']),
  hostileNames: bool,
};

export type ConfigUpdate = { ok: true; config: MockConfig } | { ok: false; problems: string[] };

/** Applies a partial update; unknown keys and bad values are refused as a whole. */
export function updateConfig(base: MockConfig, input: unknown): ConfigUpdate {
  if (!isPlainObject(input)) return { ok: false, problems: ['the body must be a JSON object of config keys'] };
  const problems: string[] = [];
  const next = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(input)) {
    const rule = RULES[key as keyof MockConfig];
    if (!rule) {
      problems.push(`unknown key "${key}" (known: ${Object.keys(RULES).join(', ')})`);
      continue;
    }
    const problem = rule(value);
    if (problem) problems.push(`${key} must be ${problem}`);
    else next[key] = value;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, config: next as unknown as MockConfig };
}
