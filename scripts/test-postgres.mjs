#!/usr/bin/env node
// A throw-away PostgreSQL server for the runner's storage tests: Debian's `postgresql` (installed
// with apt when missing, as root or through sudo), a new cluster in a temp folder owned by the
// `postgres` user, listening on 127.0.0.1 only. `stop()` removes it whatever happened.
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listenersOf } from './test-run/ports.mjs';

const ROOT = '/usr/lib/postgresql';

function binDir() {
  if (!existsSync(ROOT)) return undefined;
  const versions = readdirSync(ROOT)
    .filter((v) => existsSync(join(ROOT, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(ROOT, versions[0], 'bin') : undefined;
}

function asRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

export function ensurePostgres() {
  if (binDir()) return true;
  const sudo = asRoot() ? '' : 'sudo ';
  console.log("PostgreSQL not found; installing Debian's postgresql…");
  try {
    execSync(
      `${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql`,
      { stdio: 'inherit' },
    );
  } catch {
    console.error('Could not install postgresql with apt-get.');
  }
  return binDir() !== undefined;
}

/**
 * A throw-away server a killed run left on the port is stopped and its folder removed; anything
 * else there is reported. Returns whether the port is free.
 */
function freePort(port) {
  for (const { pid, command } of listenersOf(port)) {
    const folder = / -D (\S*runner-pg-[^/\s]+)\/data/.exec(command)?.[1];
    if (!pid || !folder) {
      console.error(`Port ${port} is in use by ${pid ? `pid ${pid}: ${command}` : command}; set RUNNER_TEST_PG_PORT.`);
      return false;
    }
    console.log(`Port ${port}: stopping a test PostgreSQL an earlier run left behind (pid ${pid}).`);
    try {
      process.kill(pid, 'SIGQUIT');
    } catch {
      // gone meanwhile
    }
    rmSync(folder, { recursive: true, force: true });
  }
  for (let tries = 0; tries < 50 && listenersOf(port).length > 0; tries++) execFileSync('sleep', ['0.1']);
  return listenersOf(port).length === 0;
}

/** Starts a server; resolves to { url, stop } or undefined when PostgreSQL cannot be had. */
export function startTestPostgres(port = Number(process.env.RUNNER_TEST_PG_PORT ?? 5433)) {
  if (!ensurePostgres() || !freePort(port)) return undefined;
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'runner-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  // PostgreSQL refuses to run as root: as root, run its tools as the `postgres` user.
  const as = (tool, args) =>
    asRoot()
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], { stdio: 'pipe' })
      : execFileSync(join(bin, tool), args, { stdio: 'pipe' });
  const stop = () => {
    try {
      as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // not running
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    if (asRoot()) execFileSync('chown', ['postgres', dir]);
    as('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
    as('pg_ctl', [
      '-D',
      data,
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off`,
      '-l',
      join(dir, 'log'),
      '-w',
      'start',
    ]);
  } catch (error) {
    console.error(`Could not start a test PostgreSQL server: ${error.stderr?.toString() || error.message}`);
    stop();
    return undefined;
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = startTestPostgres();
  if (!server) process.exit(1);
  console.log(server.url);
  process.on('SIGINT', () => {
    server.stop();
    process.exit(0);
  });
  process.on('SIGTERM', () => {
    server.stop();
    process.exit(0);
  });
  setInterval(() => undefined, 1 << 30);
}
