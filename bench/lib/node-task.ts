import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './context';
import { NotAvailable } from './types';

const RESULT = 'BENCH_RESULT ';

/**
 * Runs bench/node/<name>.ts in a fresh Node process (TypeScript through tsx, GC exposed), so that
 * CPU and memory figures belong to that task alone. The task prints one BENCH_RESULT line of JSON.
 */
export function runNodeTask<T>(name: string, args: string[] = [], timeoutMs = 120_000): Promise<T> {
  const script = join(ROOT, 'bench', 'node', `${name}.ts`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', script, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new NotAvailable(`bench/node/${name}.ts did not finish within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      const lines = stdout.split('\n');
      const result = lines.find((l) => l.startsWith(RESULT));
      if (code === 0 && result) return resolve(JSON.parse(result.slice(RESULT.length)) as T);
      reject(new Error(`bench/node/${name}.ts exited with ${code}: ${(stderr || stdout).trim().slice(-800)}`));
    });
  });
}

/** For the task side: report and exit. */
export function reportResult(value: unknown): void {
  console.log(`${RESULT}${JSON.stringify(value)}`);
}
