import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from './read-config';

const dir = mkdtempSync(join(tmpdir(), 'runner-config-'));
writeFileSync(join(dir, 'people.csv'), 'email\na@example.com\n');
writeFileSync(join(dir, 'people.txt'), 'a@example.com\n');
writeFileSync(join(dir, 'tokens'), '# ops\nAAAAAAAAAAAAAAAAAAAA\nBBBBBBBBBBBBBBBBBBBB\n');

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
    const result = readConfig(
      {
        RUNNER_PORT: '8830',
        HOST: '0.0.0.0',
        RUNNER_TOKENS: './tokens',
        DIRECTORY: 'people.csv',
        DATABASE_URL: 'postgres://u:p@127.0.0.1:5433/runner',
        GUARDIAN_URL: 'https://guardian.internal/',
        GUARDIAN_AUTH_EMAIL: 'runner@example.com',
        GUARDIAN_TIMEOUT: '3s',
        RUNNER_TEST_EXPIRY: '48h',
        RUNNER_TIME_BUDGET: '90s',
        RUNNER_CONCURRENCY: '5',
        EXPR_TARGET: 'guardian-1.15',
        IAM_CONCURRENCY: '16',
        IAM_TIMEOUT: '2s',
        IAM_CACHE_TTL: '0s',
      },
      dir,
    );
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
    const result = readConfig(
      {
        RUNNER_PORT: '99999',
        RUNNER_TOKENS: 'short',
        DIRECTORY: 'nowhere.csv',
        DATABASE_URL: 'mysql://x',
        GUARDIAN_URL: 'ftp://guardian',
        GUARDIAN_AUTH_EMAIL: 'nobody',
        RUNNER_TEST_EXPIRY: 'a week',
        RUNNER_CONCURRENCY: '0',
        EXPR_TARGET: 'python',
        IAM_TIMEOUT: '10m',
      },
      dir,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(10);
    expect(result.problems.map((p) => p.split(' ')[0])).toEqual([
      'RUNNER_PORT',
      'RUNNER_TOKENS',
      'DIRECTORY',
      'DATABASE_URL',
      'GUARDIAN_URL',
      'GUARDIAN_AUTH_EMAIL',
      'RUNNER_TEST_EXPIRY',
      'RUNNER_CONCURRENCY',
      'EXPR_TARGET',
      'IAM_TIMEOUT',
    ]);
    expect(result.problems[2]).toMatch(/no such file: .*nowhere\.csv/);
    expect(readConfig({ DIRECTORY: 'synthetic:0' }, dir)).toMatchObject({ ok: false });
    expect(readConfig({ DIRECTORY: 'people.txt' }, dir)).toMatchObject({ ok: false });
  });

  it('warns when listening beyond loopback with no token', () => {
    const result = readConfig({ HOST: '0.0.0.0' }, dir);
    expect(result.ok && result.config.warnings.some((w) => /anyone who reaches this port/.test(w))).toBe(true);
  });
});
