#!/usr/bin/env node
// Runs one of Playwright's e2e web servers (`node scripts/e2e-server.mjs <command> <args…>`) and
// stops it when Playwright goes away, however it goes. Playwright holds this process's stdin open
// for as long as it runs, so the end of stdin means the run ended or was killed (even with SIGKILL,
// which leaves no chance to clean up). The server runs in this process's group, which Playwright
// stops as a whole when it ends normally; here the whole group is stopped too.
import { spawn } from 'node:child_process';
import { E2E_SERVER_MARK } from './e2e-ports.mjs';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/e2e-server.mjs <command> [args…]');
  process.exit(2);
}

const child = spawn(command, args, {
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, [E2E_SERVER_MARK]: process.cwd() },
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
child.on('error', (error) => {
  console.error(`e2e server: could not start ${command}: ${error.message}`);
  process.exit(1);
});

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  child.kill('SIGTERM');
  // A server that does not stop in time takes its whole group (helper processes included) with it.
  setTimeout(() => process.kill(0, 'SIGKILL'), 3_000).unref();
}

process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, stop);
