import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { EXPR_TARGETS, type Target } from '../../mocks/engine/expressions';
import { bad, ok, readDuration, readEmail, readHttpUrl, readInt, type Read } from './env-rules';

export type DirectorySetting =
  | { kind: 'synthetic'; size: number; seed: number }
  | { kind: 'file'; path: string; format: 'csv' | 'jsonl' }
  | { kind: 'iam'; path: string };

export type StorageSetting = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

export interface RunnerConfig {
  host: string;
  port: number;
  /** Empty: no auth (loopback use only; a warning when listening elsewhere). */
  tokens: string[];
  directory: DirectorySetting;
  storage: StorageSetting;
  guardian?: { url: URL; authEmail?: string; timeoutMs: number };
  testExpiryMs: number;
  timeBudgetMs: number;
  concurrencyLimit: number;
  exprTarget: Target;
  iam: { concurrency: number; timeoutMs: number; cacheTtlMs: number };
  warnings: string[];
}

export type ConfigResult = { ok: true; config: RunnerConfig } | { ok: false; problems: string[] };

const DEFAULT_SEED = 20261125;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
const DEFAULTS = {
  port: 8788,
  host: '127.0.0.1',
  directory: 'synthetic:5000',
  dataDir: '.runner-data',
  testExpiry: '7d',
  timeBudget: '10m',
  concurrency: 3,
  guardianTimeout: '10s',
  iamConcurrency: 8,
  iamTimeout: '5s',
  iamCacheTtl: '10m',
} as const;

function readDirectory(raw: string, cwd: string): Read<DirectorySetting> {
  const text = raw.trim();
  const synthetic = /^synthetic:(.*)$/.exec(text);
  if (synthetic) {
    const size = readInt(synthetic[1]!, 1, 1_000_000);
    return size.ok
      ? ok({ kind: 'synthetic', size: size.value, seed: DEFAULT_SEED })
      : bad(`synthetic:N — N ${size.problem}`);
  }
  const iam = /^iam:(.+)$/.exec(text);
  const path = resolve(cwd, iam ? iam[1]! : text);
  if (!existsSync(path)) return bad(`no such file: ${path}`);
  if (!statSync(path).isFile()) return bad(`not a file: ${path}`);
  if (iam) return ok({ kind: 'iam', path });
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return ok({ kind: 'file', path, format: 'csv' });
  if (ext === '.jsonl' || ext === '.ndjson') return ok({ kind: 'file', path, format: 'jsonl' });
  return bad(`${path}: use a .csv or .jsonl file, iam:<file of emails>, or synthetic:N`);
}

/** Tokens inline (comma or space separated), or a file of them (a path starting with / or .), one a line. */
function readTokens(raw: string, cwd: string): Read<string[]> {
  const text = raw.trim();
  let list: string[];
  if (text.startsWith('/') || text.startsWith('.')) {
    const path = resolve(cwd, text);
    let content: string;
    try {
      content = readFileSync(path, 'utf8');
    } catch {
      return bad(`cannot read the token file ${path}`);
    }
    list = content
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'));
    if (list.length === 0) return bad(`the token file ${path} holds no token`);
  } else list = text.split(/[\s,]+/).filter(Boolean);
  if (list.length === 0) return bad('names no token (unset it to run without auth on loopback)');
  const short = list.filter((t) => t.length < 16);
  if (short.length > 0) return bad(`${short.length} token(s) shorter than 16 characters: use long random tokens`);
  const odd = list.filter((t) => !/^[\x21-\x7e]+$/.test(t));
  if (odd.length > 0) return bad('tokens must be printable ASCII without spaces');
  return ok(list);
}

function readDatabaseUrl(raw: string): Read<string> {
  try {
    const url = new URL(raw.trim());
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')
      return bad(`must be a postgres:// or postgresql:// URL, not ${url.protocol}`);
    return ok(raw.trim());
  } catch {
    return bad('must be a URL such as postgres://user:password@host:5432/database');
  }
}

/**
 * Every setting from the environment, checked together: all problems come back at once, one line
 * each, so a deployment is fixed in one go.
 */
export function readConfig(env: Record<string, string | undefined>, cwd = process.cwd()): ConfigResult {
  const problems: string[] = [];
  const warnings: string[] = [];
  const get = (name: string) => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? undefined : v;
  };
  function take<T>(name: string, fallback: string | undefined, reader: (raw: string) => Read<T>): T | undefined {
    const raw = get(name) ?? fallback;
    if (raw === undefined) return undefined;
    const read = reader(raw);
    if (read.ok) return read.value;
    problems.push(`${name} ${read.problem}`);
    return undefined;
  }

  const port = take('RUNNER_PORT', String(DEFAULTS.port), (r) => readInt(r, 0, 65535));
  const host = (get('HOST') ?? DEFAULTS.host).trim();
  if (/[\s/]/.test(host)) problems.push(`HOST must be a host name or address, not ${JSON.stringify(host)}`);
  const tokens = take('RUNNER_TOKENS', undefined, (r) => readTokens(r, cwd)) ?? [];
  const directory = take('DIRECTORY', DEFAULTS.directory, (r) => readDirectory(r, cwd));
  const databaseUrl = take('DATABASE_URL', undefined, readDatabaseUrl);
  const dataDir = resolve(cwd, get('RUNNER_DATA_DIR') ?? DEFAULTS.dataDir);
  if (databaseUrl && get('RUNNER_DATA_DIR'))
    warnings.push('RUNNER_DATA_DIR is ignored: DATABASE_URL names the database.');
  if (!databaseUrl && existsSync(dataDir) && !statSync(dataDir).isDirectory())
    problems.push(`RUNNER_DATA_DIR ${dataDir} exists and is not a folder`);
  const guardianUrl = take('GUARDIAN_URL', undefined, readHttpUrl);
  const authEmail = take('GUARDIAN_AUTH_EMAIL', undefined, readEmail);
  if (authEmail && !get('GUARDIAN_URL')) warnings.push('GUARDIAN_AUTH_EMAIL is ignored without GUARDIAN_URL.');
  const guardianTimeout = take('GUARDIAN_TIMEOUT', DEFAULTS.guardianTimeout, (r) => readDuration(r, 100, 300_000));
  const testExpiryMs = take('RUNNER_TEST_EXPIRY', DEFAULTS.testExpiry, (r) =>
    readDuration(r, 60_000, 365 * 86_400_000),
  );
  const timeBudgetMs = take('RUNNER_TIME_BUDGET', DEFAULTS.timeBudget, (r) => readDuration(r, 1000, 86_400_000));
  const concurrencyLimit = take('RUNNER_CONCURRENCY', String(DEFAULTS.concurrency), (r) => readInt(r, 1, 100));
  const exprTarget = take('EXPR_TARGET', 'guardian-1.12', (r) =>
    EXPR_TARGETS.includes(r.trim() as Target)
      ? ok(r.trim() as Target)
      : bad(
          `must be one of ${EXPR_TARGETS.join(', ')} (raystack Guardian runs guardian-1.12, goto/guardian guardian-1.15)`,
        ),
  );
  const iamConcurrency = take('IAM_CONCURRENCY', String(DEFAULTS.iamConcurrency), (r) => readInt(r, 1, 256));
  const iamTimeout = take('IAM_TIMEOUT', DEFAULTS.iamTimeout, (r) => readDuration(r, 100, 120_000));
  const iamCacheTtl = take('IAM_CACHE_TTL', DEFAULTS.iamCacheTtl, (r) => readDuration(r, 0, 7 * 86_400_000));

  if (problems.length > 0) return { ok: false, problems };
  if (!LOOPBACK.has(host) && tokens.length === 0)
    warnings.push(`Listening on ${host} with no RUNNER_TOKENS: anyone who reaches this port can run tests.`);
  if (!guardianUrl)
    warnings.push('No GUARDIAN_URL: policies come from the built-in example catalog (the mock Guardian’s).');
  return {
    ok: true,
    config: {
      host,
      port: port!,
      tokens,
      directory: directory!,
      storage: databaseUrl ? { kind: 'postgres', url: databaseUrl } : { kind: 'pglite', dataDir },
      guardian: guardianUrl ? { url: guardianUrl, authEmail, timeoutMs: guardianTimeout! } : undefined,
      testExpiryMs: testExpiryMs!,
      timeBudgetMs: timeBudgetMs!,
      concurrencyLimit: concurrencyLimit!,
      exprTarget: exprTarget!,
      iam: { concurrency: iamConcurrency!, timeoutMs: iamTimeout!, cacheTtlMs: iamCacheTtl! },
      warnings,
    },
  };
}
