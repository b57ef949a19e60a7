// The steps of `npm test`: each runs in a process group of its own, so that stopping the run stops
// everything a step started (Playwright's workers, vitest's pool, …). Steps that run side by side
// keep their output until they end and print it as one block: failures stay readable.
import { spawn } from 'node:child_process';

const running = new Set();
/** Once the run is being stopped, no step starts. */
let stopping = false;
/** Every step's label, wall time, verdict and whether it ran beside others, in the order they ended. */
export const stepTimes = [];

/**
 * Runs `command args` and resolves to `{ ok, seconds, label }`. `buffered` holds the output back
 * until the step ends (for steps running beside others); otherwise it streams.
 */
export function runStep(label, command, args, { env, buffered = false } = {}) {
  if (stopping) return Promise.resolve({ ok: false, seconds: 0, label });
  const started = Date.now();
  if (!buffered) console.log(`\n▶ ${label}`);
  const child = spawn(command, args, {
    env,
    detached: true,
    stdio: buffered ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
  });
  running.add(child);
  const output = [];
  child.stdout?.on('data', (chunk) => output.push(chunk));
  child.stderr?.on('data', (chunk) => output.push(chunk));
  return new Promise((resolve) => {
    const finish = (ok, note = '') => {
      running.delete(child);
      const seconds = (Date.now() - started) / 1000;
      stepTimes.push({ label, seconds, ok, sideBySide: buffered });
      if (buffered) {
        console.log(`\n▶ ${label}`);
        const text = Buffer.concat(output).toString('utf8').trimEnd();
        if (text) console.log(text);
      }
      console.log(`${ok ? '✔' : '✘'} ${label} (${seconds.toFixed(1)} s)${note}`);
      resolve({ ok, seconds, label });
    };
    child.on('error', (error) => finish(false, `: ${error.message}`));
    child.on('close', (code, signal) => finish(code === 0, signal ? `: stopped by ${signal}` : ''));
  });
}

/** Runs lanes side by side, the steps of a lane one after another; resolves to every step's result. */
export async function inLanes(lanes) {
  const results = await Promise.all(
    lanes.map(async (lane) => {
      const done = [];
      for (const step of lane) done.push(await step());
      return done;
    }),
  );
  return results.flat();
}

const groupAlive = (pid) => {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Stops every step still running, its whole process group: SIGTERM, then SIGKILL after a grace. */
export async function stopAllSteps(graceMs = 5_000) {
  stopping = true;
  const groups = [...running].map((child) => child.pid).filter(Boolean);
  for (const pid of groups) {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  for (let waited = 0; waited < graceMs && groups.some(groupAlive); waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
  }
  killAllStepsNow();
}

/** The last resort, synchronous (for process 'exit'): SIGKILL to every step's group still there. */
export function killAllStepsNow() {
  for (const child of running) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
