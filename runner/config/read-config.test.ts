import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from './read-config';

const dir = mkdtempSync(join(tmpdir(), 'runner-config-'));
writeFileSync(join(dir, 'people.csv'), 'email\na@example.com\n');
writeFileSync(join(dir, 'people.txt'), 'a@example.com\n');
writeFileSync(join(dir, 'tokens'), '# ops\nAAAAAAAAAAAAAAAAAAAA\nBBBBBBBBBBBBBBBBBBBB\n');

/** Every setting, with a value it takes and (where a value can be wrong) one it refuses. */
const SETTINGS: { name: string; takes: string; refuses?: string }[] = [
  { name: 'RUNNER_PORT', takes: '8830', refuses: '99999' },
  { name: 'HOST', takes: '0.0.0.0' },
  { name: 'RUNNER_TOKENS', takes: './tokens', refuses: 'short' },
  { name: 'DIRECTORY', takes: 'people.csv', refuses: 'nowhere.csv' },
  { name: 'DATABASE_URL', takes: 'postgres://u:p@127.0.0.1:5433/runner', refuses: 'mysql://x' },
  { name: 'GUARDIAN_URL', takes: 'https://guardian.internal/', refuses: 'ftp://guardian' },
  { name: 'GUARDIAN_AUTH_EMAIL', takes: 'runner@example.com', refuses: 'nobody' },
  { name: 'GUARDIAN_TIMEOUT', takes: '3s' },
  { name: 'RUNNER_TEST_EXPIRY', takes: '48h', refuses: 'a week' },
  { name: 'RUNNER_TIME_BUDGET', takes: '90s' },
  { name: 'RUNNER_CONCURRENCY', takes: '5', refuses: '0' },
  { name: 'EXPR_TARGET', takes: 'guardian-1.15', refuses: 'python' },
  { name: 'IAM_CONCURRENCY', takes: '16' },
  { name: 'IAM_TIMEOUT', takes: '2s', refuses: '10m' },
  { name: 'IAM_CACHE_TTL', takes: '0s' },
];

const envOf = (column: 'takes' | 'refuses'): Record<string, string> =>
  Object.fromEntries(SETTINGS.flatMap((s) => (s[column] === undefined ? [] : [[s.name, s[column]]])));

describe('runner config from the environment', () => {
  it('runs with no settings at all: synthetic directory, PGlite in .runner-data, loopback 8788', () => {
    const result = readConfig({}, dir);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({
      host: '127.0.0.1',
      port: 8788,
      tokens: [],
      directory: { kind: 'synthetic', size: 5000 },
      storage: { kind: 'pglite', dataDir: join(dir, '.runner-data') },
      testExpiryMs: 7 * 86_400_000,
      concurrencyLimit: 3,
      exprTarget: 'guardian-1.12',
    });
    expect(result.config.guardian).toBeUndefined();
  });

  it('reads every setting', () => {
    const result = readConfig(envOf('takes'), dir);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({
      host: '0.0.0.0',
      port: 8830,
      tokens: ['AAAAAAAAAAAAAAAAAAAA', 'BBBBBBBBBBBBBBBBBBBB'],
      directory: { kind: 'file', format: 'csv', path: join(dir, 'people.csv') },
      storage: { kind: 'postgres', url: 'postgres://u:p@127.0.0.1:5433/runner' },
      guardian: { authEmail: 'runner@example.com', timeoutMs: 3000 },
      testExpiryMs: 48 * 3_600_000,
      timeBudgetMs: 90_000,
      concurrencyLimit: 5,
      exprTarget: 'guardian-1.15',
      iam: { concurrency: 16, timeoutMs: 2000, cacheTtlMs: 0 },
    });
    expect(result.config.guardian!.url.href).toBe('https://guardian.internal/');
    expect(readConfig({ DIRECTORY: 'iam:people.txt' }, dir)).toMatchObject({
      ok: true,
      config: { directory: { kind: 'iam' } },
    });
  });

  it('names every problem at once, one line each', () => {
    const result = readConfig(envOf('refuses'), dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.split(' ')[0])).toEqual(
      SETTINGS.filter((s) => s.refuses !== undefined).map((s) => s.name),
    );
    expect(result.problems[2]).toMatch(/no such file: .*nowhere\.csv/);
    expect(readConfig({ DIRECTORY: 'synthetic:0' }, dir)).toMatchObject({ ok: false });
    expect(readConfig({ DIRECTORY: 'people.txt' }, dir)).toMatchObject({ ok: false });
  });

  it('warns when listening beyond loopback with no token', () => {
    const result = readConfig({ HOST: '0.0.0.0' }, dir);
    expect(result.ok && result.config.warnings.some((w) => /anyone who reaches this port/.test(w))).toBe(true);
  });
});
