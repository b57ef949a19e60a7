import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

const children = new Set<ChildProcess>();

/** A port nobody listens on right now (others run e2e on this machine at the same time). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface RunResult {
  ok: boolean;
  output: string;
  ms: number;
}

/** Runs a command to completion and keeps its output (for error messages). */
export function runCommand(command: string, args: string[], env: NodeJS.ProcessEnv = {}, cwd?: string): RunResult {
  const t0 = performance.now();
  const result = spawnSync(command, args, {
    ...(cwd ? { cwd } : {}),
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    ok: result.status === 0,
    output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`,
    ms: performance.now() - t0,
  };
}

/**
 * Starts a long-running server in its own process group so that stopAll() ends it and whatever
 * it spawned (npx and vite preview can leave children listening otherwise).
 */
export function startProcess(
  label: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): ChildProcess {
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('exit', (code) => {
    children.delete(child);
    if (code && code !== 0 && !stopping) console.error(`  [${label}] exited with ${code}:\n${output}`);
  });
  Object.assign(child, { lastOutput: () => output });
  children.add(child);
  return child;
}

export function lastOutput(child: ChildProcess): string {
  return (child as ChildProcess & { lastOutput?: () => string }).lastOutput?.() ?? '';
}

let stopping = false;

/** Ends one process this run started (its whole group), leaving the others (shared servers) running. */
export function stopProcess(child: ChildProcess): void {
  children.delete(child);
  if (child.pid === undefined || child.exitCode !== null) return;
  child.removeAllListeners('exit');
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

/** Ends every process this run started, by process-group id, and only those. */
export function stopAll(): void {
  stopping = true;
  for (const child of children) {
    if (child.pid === undefined) continue;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  children.clear();
}

/** Polls a URL until it answers (any HTTP status) or the process dies or time runs out. */
export async function waitForUrl(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the server exited (${child.exitCode}) before ${url} answered:\n${lastOutput(child)}`);
    try {
      const response = await fetch(url);
      await response.body?.cancel();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s:\n${lastOutput(child)}`);
}
