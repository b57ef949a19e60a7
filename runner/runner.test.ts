import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Cloudflare from 'cloudflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockHttpServer, type MockHttpServer } from '../mocks/server';
import { readConfig, type RunnerConfig } from './config/read-config';
import { guardianPolicySource } from './guardian/guardian-policy-source';
import { startRunner, type Runner } from './start-runner';

/**
 * The runner as a client meets it: over HTTP, with the official `cloudflare` SDK, policies from a
 * Guardian server (the mock's, over real HTTP) and tokens required.
 */
const ACCOUNT = '023e105f4ecef8ad9ca31a8372d0c353';
const TOKEN = 'runner-test-token-0123456789';
const dataDir = mkdtempSync(join(tmpdir(), 'runner-http-'));
let guardian: MockHttpServer;
let runner: Runner;
let client: Cloudflare;
let base = '';

function config(overrides: Record<string, string>): RunnerConfig {
  const result = readConfig({ RUNNER_PORT: '0', RUNNER_DATA_DIR: dataDir, RUNNER_TOKENS: TOKEN, ...overrides });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.config;
}

beforeAll(async () => {
  guardian = await startMockHttpServer({ port: 0 });
  runner = await startRunner(
    // Far above what the mock Guardian takes on a loaded machine (its first answer builds its catalog);
    // a stuck Guardian is timed out by the runner's source on its own, with a short time (below).
    config({ DIRECTORY: 'synthetic:2345', GUARDIAN_URL: guardian.url, GUARDIAN_TIMEOUT: '30s' }),
    () => undefined,
  );
  base = `${runner.server.url}/client/v4/accounts/${ACCOUNT}/access/policy-tests`;
  client = new Cloudflare({ apiToken: TOKEN, baseURL: `${runner.server.url}/client/v4`, maxRetries: 0 });
}, 60_000);
afterAll(async () => {
  await runner.close();
  await guardian.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const start = (policies: unknown[], token = TOKEN) =>
  fetch(base, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: JSON.stringify({ policies }) });

describe('the runner over HTTP', () => {
  it('the official SDK creates a test, reads it and iterates every user to the end', { timeout: 60_000 }, async () => {
    const tests = client.zeroTrust.access.applications.policyTests;
    const created = await tests.create({ account_id: ACCOUNT, policies: ['bigquery_approval:1'] });
    expect(created.status).toBe('success');
    let done = await tests.get(created.id!, { account_id: ACCOUNT });
    for (let i = 0; done.status === 'processing' && i < 500; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      done = await tests.get(created.id!, { account_id: ACCOUNT });
    }
    expect(done).toMatchObject({ status: 'complete', total_users: 2345, percent_users_processed: 100 });
    const seen = new Set<string>();
    const counts = { approved: 0, blocked: 0, error: 0 };
    const reasons = new Set<string | undefined>();
    for await (const user of tests.users.list(created.id!, { account_id: ACCOUNT, per_page: 500 })) {
      seen.add(user.id!);
      counts[user.status!]++;
      // Our why-fields ride along; the SDK passes them through without looking.
      reasons.add((user as { reason?: string }).reason);
      if (seen.size > 3000) throw new Error('the SDK never stopped paging');
    }
    expect(seen.size).toBe(2345);
    expect(counts).toEqual({ approved: done.users_approved, blocked: done.users_blocked, error: done.users_errored });
    expect(reasons.has(undefined)).toBe(false);
    expect(reasons.has('creator_lookup_failed')).toBe(true);
  });

  it('tests an unsaved draft sent inline (no Guardian read) and refuses one Guardian would refuse', async () => {
    const draft = { id: 'runner_draft', steps: [{ name: 'all', strategy: 'auto', approve_if: 'true' }] };
    const ok = await start([draft]);
    expect(ok.status).toBe(200);
    const refused = await start([{ ...draft, steps: [{ name: 'all', strategy: 'auto' }] }]);
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(
      /^policy validation: Key: 'Policy.Steps\[0\].ApproveIf'/,
    );
  });

  it('a version Guardian does not have is a 404 naming it; Guardian away is a 502; Guardian stuck a 504', async () => {
    const missing = await start(['bigquery_approval:99']);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({
      success: false,
      result: null,
      errors: [{ message: 'policy "bigquery_approval" version 99 not found in Guardian' }],
    });
    await fetch(`${guardian.url}/__mock/faults`, {
      method: 'POST',
      body: JSON.stringify({ route: 'guardian.get', fault: 'hang', times: 1 }),
    });
    // The runner's source, on its own with a short time, against the mock Guardian that hangs once
    // (the API's 504 envelope for it: server/policy-tests-api/handlers.test.ts).
    const stuck = await guardianPolicySource({ url: new URL(guardian.url), timeoutMs: 500 }).lookup(
      'bigquery_approval',
      1,
    );
    expect(stuck).toMatchObject({
      ok: false,
      status: 504,
      message: expect.stringMatching(/did not answer for policy "bigquery_approval" version 1 within 1 s$/),
    });
    await fetch(`${guardian.url}/__mock/faults`, { method: 'DELETE' });
    await fetch(`${guardian.url}/__mock/faults`, {
      method: 'POST',
      body: JSON.stringify({ route: 'guardian.get', fault: 'schema', times: 1 }),
    });
    const garbled = await start(['bigquery_approval:1']);
    expect(garbled.status).toBe(502);
    expect(((await garbled.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/cannot read/);

    // Nothing listens on port 9 of the loopback: the same source the runner uses, on its own.
    const away = await guardianPolicySource({ url: new URL('http://127.0.0.1:9'), timeoutMs: 30_000 }).lookup('x', 1);
    expect(away).toMatchObject({ ok: false, status: 502, message: expect.stringMatching(/could not be reached/) });
  }, 60_000);

  it('knows only its tokens: 400 without credentials, 403 with another token or a key', async () => {
    expect((await fetch(base, { method: 'POST', body: '{}' })).status).toBe(400);
    expect((await start(['bigquery_approval:1'], 'someone-elses-token-000')).status).toBe(403);
    const key = await fetch(`${base}/x`, { headers: { 'X-Auth-Email': 'a@example.com', 'X-Auth-Key': TOKEN } });
    expect(key.status).toBe(403);
    expect((await fetch(`${runner.server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${runner.server.url}/elsewhere`)).status).toBe(404);
  });
});

describe('npm run runner', () => {
  it('exits 2 with one line per bad setting', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'runner/main.ts'], {
      env: { ...process.env, RUNNER_PORT: 'eighty', DIRECTORY: 'synthetic:-4', GUARDIAN_URL: 'guardian' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^runner: RUNNER_PORT /),
      expect.stringMatching(/^runner: DIRECTORY /),
      expect.stringMatching(/^runner: GUARDIAN_URL /),
    ]);
  }, 30_000);
});
