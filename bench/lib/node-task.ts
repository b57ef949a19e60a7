import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './context';
import { NotAvailable } from './types';

const RESULT = 'BENCH_RESULT ';
const UNAVAILABLE = 'BENCH_UNAVAILABLE ';

/**
 * Runs bench/node/<name>.ts in a fresh Node process (TypeScript through tsx, GC exposed), so that
 * CPU and memory figures belong to that task alone. The task prints one BENCH_RESULT line of JSON,
 * or BENCH_UNAVAILABLE with the reason.
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
      const unavailable = lines.find((l) => l.startsWith(UNAVAILABLE));
      if (unavailable) return reject(new NotAvailable(unavailable.slice(UNAVAILABLE.length)));
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

export function reportUnavailable(reason: string): never {
  console.log(`${UNAVAILABLE}${reason}`);
  process.exit(0);
}

/** Imports a module of the project, or says which feature has not landed when it cannot. */
export async function importOrUnavailable<T>(specifier: string, what: string): Promise<T> {
  try {
    return (await import(specifier)) as T;
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return reportUnavailable(`${what} cannot be imported (${specifier}: ${message})`);
  }
}
